import { type DemoStack, startDemoStack, unusedPort } from '@m4/node/testing';
import { RETURNED_USER_COLUMNS } from '@m4/schema';
import { DEMO, generateDemoDataset } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createM4Client, M4TransportError } from '../src';

const dataset = generateDemoDataset();

describe('@m4/client against the Node app', () => {
  let stack: DemoStack;
  beforeAll(async () => {
    // Long enough for a fresh MySQL handshake while CI runs other suites on the same cores.
    stack = await startDemoStack({ prefix: 'client', timeoutMs: 1500 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const client = (options: { method?: 'GET' | 'POST'; secret?: string } = {}) =>
    createM4Client({ baseUrl: stack.url, secret: options.secret ?? DEMO.secret, ...options });

  it('reads a user as raw text, every column in order', async () => {
    const result = await client().userDetailsRawGet({ u: 'admin', userId: 6 });
    if (!result.ok) throw new Error(result.error.message);
    const row = dataset.users.find((u) => u.id === 6);
    expect(Object.keys(result.user)).toEqual([...RETURNED_USER_COLUMNS]);
    expect(result.user.id).toBe('6');
    expect(result.user.username).toBe(row?.username);
    expect(result.user.balance).toMatch(/^-?\d+\.\d{15}$/);
    expect(result.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<page>')).toBe(true);
  });

  it('reads NULLs as "", zero dates and non-ASCII as stored, over GET too', async () => {
    const get = client({ method: 'GET' });
    const nulls = await get.userDetailsRawGet({ u: 'admin', userId: DEMO.nulls.id });
    expect(nulls.ok && nulls.user.agreement_date).toBe('');
    const zero = await get.userDetailsRawGet({ u: 'admin', userId: DEMO.zeroDates.id });
    expect(zero.ok && zero.user.month_plan_updated).toBe('0000-00-00 00:00:00');
    const unicode = await get.userDetailsRawGet({ u: 'admin', userId: DEMO.unicode.id });
    const row = dataset.users.find((u) => u.id === DEMO.unicode.id);
    expect(unicode.ok && unicode.user.first_name).toBe(row?.first_name);
  });

  it('returns the M4 errors as values', async () => {
    const wrongSecret = await client({ secret: 'not-the-secret' }).userDetailsRawGet({
      u: 'admin',
      userId: 6,
    });
    expect(wrongSecret.ok === false && wrongSecret.error).toMatchObject({
      kind: 'incorrect_hash',
      envelope: 'filter',
      status: 200,
    });
    const nobody = await client().userDetailsRawGet({ u: 'nobody', userId: 6 });
    expect(nobody.ok === false && nobody.error.kind).toBe('access_denied');
    const missing = await client().userDetailsRawGet({ u: 'admin', userId: 999999 });
    expect(missing.ok === false && missing.error).toMatchObject({
      kind: 'user_not_found',
      envelope: 'method',
      message: 'User was not found',
    });
    const user = await client().userDetailsRawGet({ u: DEMO.user.username, userId: 7 });
    expect(user.ok === false && user.error.kind).toBe('not_authorized');
  });

  it('returns the 503 document with Retry-After when the database stalls', async () => {
    stack.proxy.setFault({ mode: 'hang' });
    try {
      const result = await client().userDetailsRawGet({ u: 'admin', userId: 6 });
      expect(result.ok === false && result.error).toEqual({
        kind: 'service_unavailable',
        envelope: 'filter',
        message: 'Service temporarily unavailable',
        status: 503,
        retryAfterSeconds: 5,
      });
    } finally {
      stack.proxy.setFault(null);
    }
  });

  it('throws M4TransportError when nothing listens', async () => {
    const port = await unusedPort();
    const offline = createM4Client({ baseUrl: `http://127.0.0.1:${port}`, secret: 'x' });
    const error = await offline.userDetailsRawGet({ u: 'admin', userId: 6 }).catch((e) => e);
    expect(error).toBeInstanceOf(M4TransportError);
    expect(error.message).toBe(`cannot reach http://127.0.0.1:${port}: connection refused`);
  });

  it('throws M4TransportError for an answer from something else', async () => {
    const health = createM4Client({
      baseUrl: stack.url,
      secret: DEMO.secret,
      method: 'GET',
      path: '/health',
    });
    await expect(health.userDetailsRawGet({ u: 'admin', userId: 6 })).rejects.toMatchObject({
      code: 'not_m4_document',
      status: 200,
    });
  });
});
