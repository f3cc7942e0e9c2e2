import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { apiHash } from '@m4/core';
import { DEMO } from '@m4/schema/seed';
import { describe, expect, it } from 'vitest';
import worker from '../src/index';

/** A stand-in for the Workers Rate Limiting binding: allows `allowed` calls per key. */
function limiter(allowed: number) {
  const counts = new Map<string, number>();
  const calls: string[] = [];
  return {
    calls,
    async limit({ key }: { key: string }) {
      calls.push(key);
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return { success: n <= allowed };
    },
  };
}

async function call(bindings: Partial<Env>, form: Record<string, string>, ip = '203.0.113.7') {
  const request = new Request('https://m4.example.com/api/user_details_raw_get', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip },
    body: new URLSearchParams(form).toString(),
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, text: await response.text() };
}

const wrongHash = { u: 'admin', user_id: '6', hash: '0'.repeat(40) };

describe('rate limiting of failed authentication', () => {
  it('answers 429 once a client has used up its failed attempts', async () => {
    const binding = limiter(2);
    const bindings = { AUTH_FAILURE_LIMITER: binding };
    expect((await call(bindings, wrongHash)).text).toContain('Incorrect hash');
    const nobody = { u: 'nobody', user_id: '6', hash: await apiHash('nobody', '6', DEMO.secret) };
    expect((await call(bindings, nobody)).text).toContain('Access Denied');
    const limited = await call(bindings, wrongHash);
    expect(limited.status).toBe(429);
    expect(limited.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<status>\n  <error>Too many requests</error>\n</status>\n',
    );
    expect(binding.calls).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7']);
  });

  it('counts per client IP', async () => {
    const bindings = { AUTH_FAILURE_LIMITER: limiter(1) };
    await call(bindings, wrongHash, '198.51.100.1');
    expect((await call(bindings, wrongHash, '198.51.100.1')).status).toBe(429);
    expect((await call(bindings, wrongHash, '198.51.100.2')).status).toBe(200);
  });

  it('does not count successful or merely unauthorised requests', async () => {
    const binding = limiter(0);
    const bindings = { AUTH_FAILURE_LIMITER: binding };
    const hash = await apiHash('admin', '6', DEMO.secret);
    expect((await call(bindings, { u: 'admin', user_id: '6', hash })).status).toBe(200);
    const userHash = await apiHash(DEMO.user.username, '7', DEMO.secret);
    const denied = await call(bindings, { u: DEMO.user.username, user_id: '7', hash: userHash });
    expect(denied.text).toContain('You are not authorized to view this page');
    expect(binding.calls).toEqual([]);
  });

  it('is off without the binding', async () => {
    for (let i = 0; i < 5; i++) expect((await call({}, wrongHash)).status).toBe(200);
  });
});
