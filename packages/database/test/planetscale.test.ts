import { requestContextStatement } from '@m4/schema';
import { DEMO } from '@m4/schema/seed';
import { format } from '@planetscale/database';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatStatement } from '../src/format-statement';
import { readThroughPlanetScale } from '../src/planetscale';

interface SeenFetch {
  requestId: string | null;
  signal: AbortSignal | null | undefined;
  body: string;
}

/** A database API that answers after `delayMs` (or never, if the fetch's signal fires first). */
function stubDatabase(delayMs: (requestId: string) => number): SeenFetch[] {
  const seen: SeenFetch[] = [];
  vi.stubGlobal('fetch', (_input: string, init: RequestInit) => {
    const requestId = new Headers(init.headers).get('X-Request-Id');
    seen.push({ requestId, signal: init.signal, body: String(init.body) });
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(
        () => resolve(Response.json({ error: { message: 'stub answers no rows', code: 'X' } })),
        delayMs(requestId ?? ''),
      );
      init.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readThroughPlanetScale', () => {
  it('gives each concurrent request its own id and abort signal', async () => {
    // Request i answers after 40 ms; its own timeout is 10 ms for odd i and 500 ms for even i.
    const seen = stubDatabase(() => 40);
    const reads = Array.from({ length: 8 }, (_, i) => {
      const signal = AbortSignal.timeout(i % 2 === 1 ? 10 : 500);
      return readThroughPlanetScale('http://u:p@db.invalid', `req-${i}`)(
        { username: `user-${i}`, userId: String(i + 1) },
        signal,
      ).then(
        () => ({ i, outcome: 'answered' }),
        (error: Error) => ({ i, outcome: error.name }),
      );
    });
    const outcomes = await Promise.all(reads);

    expect(seen.map((s) => s.requestId).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `req-${i}`).sort(),
    );
    for (const fetchSeen of seen) {
      const i = Number(fetchSeen.requestId?.slice(4));
      // The statement carried this request's own values.
      expect(fetchSeen.body).toContain(`'user-${i}'`);
      expect(fetchSeen.signal?.aborted).toBe(i % 2 === 1);
    }
    // Distinct signals: no request shares another's.
    expect(new Set(seen.map((s) => s.signal)).size).toBe(8);
    for (const { i, outcome } of outcomes) {
      // Odd ones timed out; even ones reached the (stub) database, which answers an error.
      expect(outcome, `request ${i}`).toBe(i % 2 === 1 ? 'TimeoutError' : 'DatabaseError');
    }
  });

  it('binds the request values into the one prebuilt statement', async () => {
    const seen = stubDatabase(() => 0);
    const read = readThroughPlanetScale('http://u:p@db.invalid', 'one');
    await expect(
      read({ username: DEMO.admin.username, userId: '0006' }, new AbortController().signal),
    ).rejects.toThrow('stub answers no rows');
    const { query } = JSON.parse(seen[0]?.body ?? '{}') as { query: string };
    expect(query).toContain(`= '${DEMO.admin.username}')`);
    expect(query).toContain('`t`.`id` = 6');
    expect(query).not.toContain('?');
  });
});

describe('formatStatement', () => {
  const statement = requestContextStatement();

  it("writes exactly what the driver's own format writes, for any username and user_id", () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: 'binary' })),
        fc.option(fc.oneof(fc.stringMatching(/^[0-9]{1,10}$/), fc.string())),
        (username, userId) => {
          const params = statement.params({ username, userId });
          expect(formatStatement(params)).toBe(format(statement.sql, params));
        },
      ),
      { numRuns: 200 },
    );
    for (const username of ["'", '\\', "\\'", '?', ':a', '/*!', '*/', '--', '#', '"', '`', '\0']) {
      const params = statement.params({ username, userId: '6' });
      expect(formatStatement(params)).toBe(format(statement.sql, params));
    }
  });

  it('refuses a wrong number of values', () => {
    expect(() => formatStatement(['one'])).toThrow(/takes \d+ values, got 1/);
  });
});
