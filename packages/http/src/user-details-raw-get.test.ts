import { apiHash, type RequestContext } from '@m4/core';
import type { ReturnedUser } from '@m4/schema';
import { buildUser } from '@m4/schema/seed';
import { describe, expect, it } from 'vitest';
import { type MethodDeps, userDetailsRawGet } from './user-details-raw-get';

const SECRET = 'unit-secret';
const target = buildUser({ id: 6, username: 'jonas', password: 'p'.repeat(40) });
const context: RequestContext<ReturnedUser> = {
  settings: { allowApi: '1', allowGetApi: '1', secretKey: SECRET, disableHashChecking: '0' },
  requester: {
    id: 0,
    usertype: 'admin',
    showOnlyAssignedUsers: 0,
    usersRight: null,
    showOnlyAssignedRight: null,
  },
  target,
};

function deps(overrides: Partial<MethodDeps> = {}): MethodDeps & { reads: unknown[] } {
  const reads: unknown[] = [];
  return {
    reads,
    readContext: async (query) => {
      reads.push(query);
      return context;
    },
    timeoutMs: 1000,
    clientKey: '192.0.2.1',
    ...overrides,
  };
}

async function post(form: Record<string, string>, d: MethodDeps) {
  const request = new Request('https://m4.test/api/user_details_raw_get', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const result = await userDetailsRawGet(request, 'req-1', d);
  return { ...result, text: await result.response.text() };
}

describe('userDetailsRawGet', () => {
  it('reads once with the raw parameters and answers the user document', async () => {
    const d = deps();
    const hash = await apiHash('admin', '06', SECRET);
    const result = await post({ u: 'admin', user_id: '06', hash }, d);
    expect(d.reads).toEqual([{ username: 'admin', userId: '06' }]);
    expect(result.trace.outcome).toBe('ok');
    expect(result.response.status).toBe(200);
    expect(result.text).toContain('<username>jonas</username>');
    expect(result.text).not.toContain('<password>');
    expect(result.text).not.toContain('p'.repeat(40));
    expect(result.response.headers.get('x-request-id')).toBe('req-1');
    expect(typeof result.trace.dbMs).toBe('number');
  });

  it('answers transport errors without reading the database', async () => {
    const d = deps();
    const put = await userDetailsRawGet(
      new Request('https://m4.test/x', { method: 'PUT' }),
      'r',
      d,
    );
    expect(put.trace.outcome).toBe('method_not_allowed');
    expect(put.response.headers.get('allow')).toBe('GET, POST');
    const broken = await userDetailsRawGet(
      new Request('https://m4.test/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      }),
      'r',
      d,
    );
    expect(broken.trace.outcome).toBe('malformed_request');
    const big = await post({ pad: 'x'.repeat(70_000) }, d);
    expect(big.trace.outcome).toBe('request_too_large');
    expect(d.reads).toEqual([]);
  });

  it('turns a failing read into 503 and describes the fault without secrets', async () => {
    const d = deps({
      readContext: async () => {
        throw new Error('connect to https://u:hunter2hunter2@db.internal failed (hunter2hunter2)');
      },
      secrets: ['hunter2hunter2'],
    });
    const result = await post({ u: 'admin', user_id: '6', hash: 'x' }, d);
    expect(result.response.status).toBe(503);
    expect(result.response.headers.get('retry-after')).toBe('5');
    expect(result.text).toContain('<error>Service temporarily unavailable</error>');
    expect(result.text).not.toContain('db.internal');
    expect(result.trace.fault).toContain('db.internal');
    expect(result.trace.fault).not.toContain('hunter2hunter2');
  });

  it('bounds a read that never answers, and aborts its signal', async () => {
    let aborted: unknown;
    const d = deps({
      timeoutMs: 30,
      readContext: (_query, signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted = signal.reason;
            // A read that ignores its signal must still not hold the response.
          });
          void reject;
        }),
    });
    const result = await post({ u: 'admin', user_id: '6' }, d);
    expect(result.response.status).toBe(503);
    expect(result.trace.fault).toMatch(/DatabaseTimeoutError: database call exceeded 30 ms/);
    expect(aborted).toBeInstanceOf(Error);
  });

  it('asks the limiter only on failed authentication and answers 429 when it refuses', async () => {
    const keys: string[] = [];
    const limiter = {
      limit: async ({ key }: { key: string }) => {
        keys.push(key);
        return { success: false };
      },
    };
    const hash = await apiHash('admin', '6', SECRET);
    expect((await post({ u: 'admin', user_id: '6', hash }, deps({ limiter }))).trace.outcome).toBe(
      'ok',
    );
    expect(keys).toEqual([]);
    const limited = await post({ u: 'admin', user_id: '6', hash: 'bad' }, deps({ limiter }));
    expect(limited.trace.outcome).toBe('too_many_requests');
    expect(limited.response.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('60');
    expect(keys).toEqual(['192.0.2.1']);
  });
});
