import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { apiHash } from '@m4/core';
import { gatewayAdmin } from '@m4/localdb/admin';
import { DEMO, generateDemoDataset } from '@m4/schema/seed';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import worker from '../src/index';

const admin = gatewayAdmin(inject('gatewayAdminUrl'));
const dataset = generateDemoDataset();

async function call(body: Record<string, string>, headers: Record<string, string> = {}) {
  const request = new Request('https://m4.example.com/billing/api/user_details_raw_get', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return { response, text: await response.text() };
}

describe('request log', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await admin.setFault(null);
  });

  it('writes one JSON line per request with id, path, method, outcome and timings', async () => {
    const hash = await apiHash('admin', '6', DEMO.secret);
    const { response } = await call(
      { u: 'admin', user_id: '6', hash },
      { 'x-request-id': 'log-1' },
    );
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'log-1',
      method: 'POST',
      path: '/billing/api/user_details_raw_get',
      status: 200,
      outcome: 'ok',
    });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.dbMs).toBe('number');
  });

  it('names the outcome of an error', async () => {
    await call({ u: 'admin', user_id: '6', hash: 'f'.repeat(40) });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ outcome: 'incorrect_hash', status: 200 });
  });

  it('says why the database failed, without telling the client', async () => {
    await admin.setFault({ mode: 'http500' });
    const hash = await apiHash('admin', '6', DEMO.secret);
    const { response, text } = await call({ u: 'admin', user_id: '6', hash });
    expect(response.status).toBe(503);
    expect(text).toContain('<error>Service temporarily unavailable</error>');
    expect(text).not.toMatch(/DatabaseError|500|127\.0\.0\.1|gateway|select/i);
    const line = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({ level: 'error', outcome: 'service_unavailable', status: 503 });
    expect(line.fault).toMatch(/500/);
  });

  it('never contains a secret, a hash, a credential or a user field', async () => {
    const target = dataset.users.find((u) => u.id === 6);
    if (!target) throw new Error('demo user 6 missing');
    const hash = await apiHash('admin', '6', DEMO.secret);
    await call({ u: 'admin', user_id: '6', hash, p: 'my-password-123' });
    await call({ u: 'admin', user_id: '6', hash: hash.toUpperCase() });
    await admin.setFault({ mode: 'garbage' });
    await call({ u: 'admin', user_id: '6', hash });
    await admin.setFault({ mode: 'drop' });
    await call({ u: 'admin', user_id: '6', hash });
    await admin.setFault(null);

    expect(lines).toHaveLength(4);
    const log = lines.join('\n');
    const forbidden = [
      hash,
      hash.toUpperCase(),
      DEMO.secret,
      'my-password-123',
      'gw-pass-7d1e5c0b9a',
      env.DATABASE_URL,
      String(target.password),
      String(target.uniquehash),
      String(target.two_fa_authenticator_secret),
      target.first_name,
      target.last_name,
      String(target.main_email),
      String(target.balance),
    ];
    for (const value of forbidden) expect(log).not.toContain(value);
    for (const line of lines) {
      expect(Object.keys(JSON.parse(line)).sort()).toEqual(
        expect.arrayContaining(['durationMs', 'method', 'outcome', 'path', 'requestId', 'status']),
      );
    }
  });
});
