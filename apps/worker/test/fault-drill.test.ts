/**
 * The fault drill, short: concurrent requests through SELF while the gateway goes through every
 * fault mode. Every answer is the user document or the 503 document; each fault shows up as a
 * 503; the first request after a fault clears succeeds. (`pnpm bench` runs the long version
 * through `wrangler dev` and reports latencies; this test asserts no timings.)
 */
import { env, SELF } from 'cloudflare:test';
import { apiHash } from '@m4/core';
import type { Fault } from '@m4/localdb/admin';
import { gatewayAdmin } from '@m4/localdb/admin';
import { DEMO } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

const admin = gatewayAdmin(inject('gatewayAdminUrl'));
const timeoutMs = Number(env.DB_TIMEOUT_MS);
const LOOPS = 4;
/** Every loop stops after this many requests, whatever happens. */
const MAX_REQUESTS_PER_LOOP = 200;
/** How long one phase may wait for its evidence before the test gives up. */
const PHASE_DEADLINE_MS = 15_000;

const UNAVAILABLE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<status>\n  <error>Service temporarily unavailable</error>\n</status>\n';

interface Phase {
  name: string;
  fault: Fault | null;
}

const PHASES: Phase[] = [
  { name: 'latency over the timeout', fault: { mode: 'latency', latencyMs: timeoutMs * 2 } },
  { name: 'http500', fault: { mode: 'http500' } },
  { name: 'garbage', fault: { mode: 'garbage' } },
  { name: 'drop', fault: { mode: 'drop' } },
  { name: 'hang', fault: { mode: 'hang' } },
  { name: 'cleared', fault: null },
];

type Verdict = 'ok' | 'unavailable' | 'other';

interface Answer {
  phase: string;
  verdict: Verdict;
  detail: string;
}

let sequence = 0;
let form = '';
let userDocument = '';

async function call(): Promise<{ verdict: Verdict; detail: string }> {
  const response = await SELF.fetch('https://m4.example.com/billing/api/user_details_raw_get', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-request-id': `drill-${sequence++}`,
    },
    body: form,
  });
  const body = await response.text();
  const detail = `HTTP ${response.status} ${body.slice(0, 120)}`;
  if (response.status === 200 && body === userDocument) return { verdict: 'ok', detail };
  if (response.status === 503 && body === UNAVAILABLE && response.headers.has('retry-after')) {
    return { verdict: 'unavailable', detail };
  }
  return { verdict: 'other', detail };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + PHASE_DEADLINE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('fault drill: load while the database fails in every way', () => {
  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await admin.setFault(null);
    const hash = await apiHash(DEMO.admin.username, String(DEMO.user.id), DEMO.secret);
    form = new URLSearchParams({
      u: DEMO.admin.username,
      user_id: String(DEMO.user.id),
      hash,
    }).toString();
    const first = await SELF.fetch('https://m4.example.com/billing/api/user_details_raw_get', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    userDocument = await first.text();
    expect(first.status).toBe(200);
    expect(userDocument).toContain(`<id>${DEMO.user.id}</id>`);
  });

  afterAll(async () => {
    await admin.setFault(null);
    vi.restoreAllMocks();
  });

  it('answers the user document or the 503 document, and recovers after every fault', async () => {
    const answers: Answer[] = [];
    const recovered: Record<string, string> = {};
    let current = 0;
    let done = false;

    const loop = async () => {
      for (let i = 0; i < MAX_REQUESTS_PER_LOOP && !done; i++) {
        const phase = PHASES[current]?.name ?? '?';
        const { verdict, detail } = await call();
        answers.push({ phase, verdict, detail });
      }
    };
    const seen = (phase: string, verdict: Verdict) =>
      answers.filter((a) => a.phase === phase && a.verdict === verdict).length;

    const controller = async () => {
      try {
        for (const [i, phase] of PHASES.entries()) {
          current = i;
          await admin.setFault(phase.fault);
          if (phase.fault === null) {
            await until(() => seen(phase.name, 'ok') >= LOOPS * 2, `${LOOPS * 2} answers`);
            continue;
          }
          // The fault has taken effect once a request that started under it got the 503.
          await until(() => seen(phase.name, 'unavailable') > 0, `a 503 under ${phase.name}`);
          await admin.setFault(null);
          recovered[phase.name] = (await call()).verdict;
        }
      } finally {
        done = true;
        await admin.setFault(null);
      }
    };

    await Promise.all([controller(), ...Array.from({ length: LOOPS }, loop)]);

    const others = answers.filter((a) => a.verdict === 'other');
    expect(others, JSON.stringify(others.slice(0, 3))).toEqual([]);
    const faults = PHASES.filter((p) => p.fault !== null).map((p) => p.name);
    for (const name of faults) expect(seen(name, 'unavailable'), name).toBeGreaterThan(0);
    expect(recovered).toEqual(Object.fromEntries(faults.map((name) => [name, 'ok'])));
    expect(seen('cleared', 'unavailable')).toBe(0);
    expect(seen('cleared', 'ok')).toBeGreaterThanOrEqual(LOOPS * 2);
  }, 120_000);
});
