import { Client, DatabaseError, UnknownError } from '@planetscale/database';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { gatewayAdmin } from '../src/admin-client';
import { type Gateway, startGateway } from '../src/index';
import { boundedFetch, type TestDatabase, testDatabase } from './support';

let db: TestDatabase;
let gateway: Gateway;

beforeAll(async () => {
  db = await testDatabase('faults');
  await db.sql('CREATE TABLE hits (id int AUTO_INCREMENT PRIMARY KEY, n int NOT NULL)');
  gateway = await startGateway({ mysqlUrl: db.url, port: 0 });
});

afterEach(() => gateway.reset());

afterAll(async () => {
  await gateway?.close();
  await db?.drop();
});

/** A client whose every call is bounded by AbortSignal.timeout(500). */
const client = (requestId?: string) =>
  new Client({ url: gateway.url, fetch: boundedFetch(500, requestId) });

describe('each fault mode surfaces as a driver error, never a hang', () => {
  it('http500 → UnknownError with the status', async () => {
    gateway.setFault({ mode: 'http500' });
    const err = await client()
      .execute('SELECT 1')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownError);
    expect((err as UnknownError).status).toBe(500);
    expect((err as UnknownError).message).toMatch(/got HTTP 500/);
  });

  it('garbage → the JSON parse throws', async () => {
    gateway.setFault({ mode: 'garbage' });
    await expect(client().execute('SELECT 1')).rejects.toThrow(SyntaxError);
  });

  it('drop → fetch fails', async () => {
    gateway.setFault({ mode: 'drop' });
    await expect(client().execute('SELECT 1')).rejects.toThrow(TypeError);
  });

  it('hang → the caller’s timeout aborts it', async () => {
    gateway.setFault({ mode: 'hang' });
    const err = await client()
      .execute('SELECT 1')
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('TimeoutError');
  });

  it('latency past the timeout aborts; under it the answer is normal', async () => {
    gateway.setFault({ mode: 'latency', latencyMs: 2000 });
    const err = await client()
      .execute('SELECT 1 AS one')
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('TimeoutError');
    gateway.setFault({ mode: 'latency', latencyMs: 50 });
    const res = await client().execute('SELECT 1 AS one');
    expect(res.rows).toEqual([{ one: 1 }]);
  });

  it('a faulted statement is not executed', async () => {
    gateway.setFault({ mode: 'http500' });
    await expect(client().execute('INSERT INTO hits (n) VALUES (500)')).rejects.toThrow();
    gateway.setFault(null);
    const res = await client().execute('SELECT COUNT(*) AS c FROM hits WHERE n = 500');
    expect(res.rows).toEqual([{ c: '0' }]);
  });

  it('remaining: N applies to the next N Execute calls, then clears itself', async () => {
    gateway.setFault({ mode: 'http500', remaining: 2 });
    const c = client();
    await expect(c.execute('SELECT 1')).rejects.toBeInstanceOf(UnknownError);
    await expect(c.execute('SELECT 1')).rejects.toBeInstanceOf(UnknownError);
    await expect(c.execute('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('a hung request does not block the gateway for others', async () => {
    gateway.setFault({ mode: 'hang', remaining: 1 });
    const hung = client()
      .execute('SELECT 1')
      .catch((e: unknown) => e);
    const res = await client().execute('SELECT 2 AS two');
    expect(res.rows).toEqual([{ two: 2 }]);
    expect(((await hung) as Error).name).toBe('TimeoutError');
  });

  it('close() ends hung and delayed requests instead of waiting for them', async () => {
    const other = await startGateway({ mysqlUrl: db.url, port: 0 });
    const slow = new Client({ url: other.url, fetch: boundedFetch(5000) });
    other.setFault({ mode: 'hang', remaining: 1 });
    const hung = slow.execute('SELECT 1').catch((e: unknown) => e);
    other.setRoundTrip(4000);
    const delayed = slow.execute('SELECT 1').catch((e: unknown) => e);
    await vi.waitFor(() => expect(other.statements()).toBe(2));
    await other.close();
    for (const err of [await hung, await delayed]) {
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).not.toBe('TimeoutError');
    }
  });

  it('the in-process API rejects an invalid fault', () => {
    expect(() => gateway.setFault({ mode: 'latency' })).toThrow(/latencyMs/);
  });
});

describe('statement counter', () => {
  it('counts Execute calls per X-Request-Id and in total', async () => {
    const a = client('req-a');
    await a.execute('SELECT 1');
    await a.execute('SELECT 2');
    await a.transaction(async (tx) => {
      await tx.execute('SELECT 3');
    });
    await client('req-b').execute('SELECT 1');
    await client().execute('SELECT 1');
    expect(gateway.statements('req-a')).toBe(5);
    expect(gateway.statements('req-b')).toBe(1);
    expect(gateway.statements('req-none')).toBe(0);
    expect(gateway.statements()).toBe(7);
  });

  it('counts a call that failed with a SQL error or a fault too (each is a round trip)', async () => {
    await expect(client('req-e').execute('SELECT * FROM nowhere')).rejects.toThrow(DatabaseError);
    gateway.setFault({ mode: 'garbage', remaining: 1 });
    await expect(client('req-e').execute('SELECT 1')).rejects.toThrow();
    expect(gateway.statements('req-e')).toBe(2);
  });
});

describe('admin HTTP endpoints', () => {
  const adminFetch = (path: string, init?: RequestInit) =>
    fetch(`${gateway.adminUrl}${path}`, init);

  it('GET /statements with and without request_id', async () => {
    await client('req-x').execute('SELECT 1');
    const one = await adminFetch('/statements?request_id=req-x');
    expect(await one.json()).toEqual({ requestId: 'req-x', statements: 1 });
    const all = await adminFetch('/statements');
    expect(await all.json()).toEqual({ total: 1 });
  });

  it('PUT and DELETE /fault', async () => {
    const put = await adminFetch('/fault', {
      method: 'PUT',
      body: JSON.stringify({ mode: 'http500', remaining: 3 }),
    });
    expect(put.status).toBe(200);
    await expect(client().execute('SELECT 1')).rejects.toBeInstanceOf(UnknownError);
    const state = await (await adminFetch('/fault')).json();
    expect(state).toEqual({ fault: { mode: 'http500', remaining: 2 }, roundTripMs: 0 });
    expect((await adminFetch('/fault', { method: 'DELETE' })).status).toBe(200);
    await expect(client().execute('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('rejects an invalid fault with 400', async () => {
    const res = await adminFetch('/fault', { method: 'PUT', body: '{"mode":"explode"}' });
    expect(res.status).toBe(400);
    const bad = await adminFetch('/fault', { method: 'PUT', body: 'not json' });
    expect(bad.status).toBe(400);
    await expect(client().execute('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('PUT /round-trip delays every Execute; past the timeout it aborts', async () => {
    const res = await adminFetch('/round-trip', { method: 'PUT', body: '{"ms": 1000}' });
    expect(await res.json()).toEqual({ ms: 1000 });
    await expect(client().execute('SELECT 1')).rejects.toThrow(/aborted|timeout/i);
    expect((await adminFetch('/round-trip', { method: 'PUT', body: '{"ms": -1}' })).status).toBe(
      400,
    );
  });

  it('POST /reset zeroes counters, clears the fault and the round trip', async () => {
    await client('req-r').execute('SELECT 1');
    gateway.setFault({ mode: 'drop' });
    gateway.setRoundTrip(1000);
    expect((await adminFetch('/reset', { method: 'POST' })).status).toBe(200);
    expect(gateway.statements()).toBe(0);
    expect(gateway.statements('req-r')).toBe(0);
    await expect(client().execute('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('answers 404 for an unknown admin route', async () => {
    expect((await adminFetch('/nothing')).status).toBe(404);
  });
});

describe('gatewayAdmin (the fetch-only admin client)', () => {
  it('reads counters, sets and clears faults and the round trip, resets', async () => {
    const admin = gatewayAdmin(gateway.adminUrl);
    await client('req-c').execute('SELECT 1');
    expect(await admin.statements('req-c')).toBe(1);
    expect(await admin.statements()).toBe(1);

    await admin.setFault({ mode: 'http500', remaining: 1 });
    await expect(client().execute('SELECT 1')).rejects.toBeInstanceOf(UnknownError);
    await admin.setFault({ mode: 'garbage' });
    await admin.setFault(null);
    await expect(client().execute('SELECT 1')).resolves.toBeDefined();

    await admin.setRoundTrip(1000);
    await expect(client().execute('SELECT 1')).rejects.toThrow();
    await admin.reset();
    expect(await admin.statements()).toBe(0);
    await expect(client().execute('SELECT 1')).resolves.toBeDefined();
  });

  it('throws on an admin error', async () => {
    const admin = gatewayAdmin(gateway.adminUrl);
    await expect(admin.setRoundTrip(-5)).rejects.toThrow(/HTTP 400/);
  });
});
