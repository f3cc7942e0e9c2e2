import { apiHash } from '@m4/core';
import { DEMO, generateDemoDataset } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStack, startDemoStack } from '../src/testing';
import { METHOD_PATH, parseLines, post, signedForm } from './support';

describe('node: request log', () => {
  let stack: DemoStack;
  const limited: string[] = [];
  beforeAll(async () => {
    stack = await startDemoStack({
      prefix: 'node_log',
      limiter: {
        limit: async ({ key }) => {
          limited.push(key);
          return { success: limited.length < 3 };
        },
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('writes one JSON line per request, as the worker does', async () => {
    const before = stack.lines.length;
    await post(stack.url, await signedForm('admin', '6'), { 'x-request-id': 'log-1' });
    await fetch(new URL('/health', stack.url));
    await fetch(new URL('/billing/api/nope', stack.url));
    const lines = parseLines(stack.lines.slice(before));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'log-1',
      method: 'POST',
      path: METHOD_PATH,
      status: 200,
      outcome: 'ok',
    });
    expect(typeof lines[0]?.durationMs).toBe('number');
    expect(typeof lines[0]?.dbMs).toBe('number');
    expect(lines[1]).toMatchObject({ path: '/health', status: 200, outcome: 'health' });
    expect(lines[2]).toMatchObject({ status: 404, outcome: 'no_such_api' });
  });

  it('answers /health without the database', async () => {
    stack.proxy.setFault({ mode: 'drop' });
    try {
      const response = await fetch(new URL('/health', stack.url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    } finally {
      stack.proxy.setFault(null);
    }
  });

  it('counts failed authentication against the socket address, not a forwarded header', async () => {
    const wrong = new URLSearchParams({ u: 'admin', user_id: '6', hash: '0'.repeat(40) });
    const spoof = { 'x-forwarded-for': '203.0.113.9', 'cf-connecting-ip': '203.0.113.9' };
    expect((await post(stack.url, wrong, spoof)).status).toBe(200);
    expect((await post(stack.url, await signedForm('nobody', '6'), spoof)).status).toBe(200);
    const third = await post(stack.url, wrong, spoof);
    expect(third.status).toBe(429);
    expect(third.text).toContain('<error>Too many requests</error>');
    expect(limited).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });

  it('never contains a secret, a hash, a credential or a user field', async () => {
    const before = stack.lines.length;
    const target = generateDemoDataset().users.find((u) => u.id === 6);
    if (!target) throw new Error('demo user 6 missing');
    const hash = await apiHash('admin', '6', DEMO.secret);
    await post(stack.url, await signedForm('admin', '6', { p: 'my-password-123' }));
    await post(
      stack.url,
      new URLSearchParams({ u: 'admin', user_id: '6', hash: hash.toUpperCase() }),
    );
    for (const mode of ['garbage', 'drop', 'http500'] as const) {
      stack.proxy.setFault({ mode });
      await post(stack.url, await signedForm('admin', '6'));
      stack.proxy.setFault(null);
    }
    const lines = stack.lines.slice(before);
    expect(lines).toHaveLength(5);
    const log = lines.join('\n');
    const forbidden = [
      hash,
      hash.toUpperCase(),
      DEMO.secret,
      'my-password-123',
      String(target.password),
      String(target.uniquehash),
      String(target.two_fa_authenticator_secret),
      target.first_name,
      target.last_name,
      String(target.main_email),
      String(target.balance),
      'SELECT',
      'select',
    ];
    for (const value of forbidden) expect(log).not.toContain(value);
    for (const line of parseLines(lines)) {
      expect(Object.keys(line).sort()).toEqual(
        expect.arrayContaining(['durationMs', 'method', 'outcome', 'path', 'requestId', 'status']),
      );
    }
  });
});
