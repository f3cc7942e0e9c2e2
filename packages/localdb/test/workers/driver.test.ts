import { env } from 'cloudflare:workers';
import { Client, DatabaseError, UnknownError } from '@planetscale/database';
import { afterEach, describe, expect, it } from 'vitest';
import { gatewayAdmin } from '../../src/admin-client';

interface Navigator {
  userAgent: string;
}

const admin = gatewayAdmin(env.GATEWAY_ADMIN_URL);

/** What the worker hands the driver: a bounded fetch that forwards the request id. */
const client = (requestId?: string) =>
  new Client({
    url: env.GATEWAY_URL,
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...init?.headers, ...(requestId ? { 'X-Request-Id': requestId } : {}) },
        signal: AbortSignal.timeout(500),
      }),
  });

afterEach(() => admin.reset());

describe('@planetscale/database inside workerd, through the gateway', () => {
  it('runs in workerd', () => {
    expect((globalThis as { navigator?: Navigator }).navigator?.userAgent).toBe(
      'Cloudflare-Workers',
    );
  });

  it('selects', async () => {
    const res = await client().execute('SELECT 1 AS one, ? AS two', ['2']);
    expect(res.rows).toEqual([{ one: 1, two: '2' }]);
  });

  it('inserts and reads back', async () => {
    const c = client();
    const ins = await c.execute('INSERT INTO items (label, price) VALUES (?, ?)', [
      'ąčęėįšųūž',
      '-999999999999999.999999999999999',
    ]);
    expect(ins.rowsAffected).toBe(1);
    const res = await c.execute('SELECT id, label, price FROM items WHERE id = ?', [ins.insertId]);
    expect(res.rows).toEqual([
      { id: Number(ins.insertId), label: 'ąčęėįšųūž', price: '-999999999999999.999999999999999' },
    ]);
  });

  it('round-trips types with the driver cast', async () => {
    const res = await client().execute(
      `SELECT CAST(9223372036854775807 AS SIGNED) AS big, CAST(10.5 AS DECIMAL(30,15)) AS dec30,
              CAST('0000-00-00 00:00:00' AS DATETIME) AS zero, -128 AS neg,
              'Привет 😀 <&>' AS text, NULL AS nothing`,
    );
    expect(res.rows).toEqual([
      {
        big: '9223372036854775807',
        dec30: '10.500000000000000',
        zero: '0000-00-00 00:00:00',
        neg: -128,
        text: 'Привет 😀 <&>',
        nothing: null,
      },
    ]);
  });

  it('a SQL error is a DatabaseError with its errno', async () => {
    await expect(client().execute('SELECT * FROM nope')).rejects.toThrow(/\(errno 1146\)/);
    await expect(client().execute('SELECT * FROM nope')).rejects.toBeInstanceOf(DatabaseError);
  });

  it('an injected HTTP 500 is an UnknownError ("Cloudflare error")', async () => {
    await admin.setFault({ mode: 'http500', remaining: 1 });
    const err = await client()
      .execute('SELECT 1')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownError);
    expect((err as UnknownError).message).toMatch(/^Cloudflare error: HTTP 500/);
    await expect(client().execute('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('a hang is ended by the caller’s timeout', async () => {
    await admin.setFault({ mode: 'hang', remaining: 1 });
    await expect(client().execute('SELECT 1')).rejects.toThrow();
  });

  it('counts statements per forwarded request id', async () => {
    const c = client('workerd-req-1');
    await c.execute('SELECT 1');
    await c.execute('SELECT 2');
    expect(await admin.statements('workerd-req-1')).toBe(2);
    expect(await admin.statements()).toBe(2);
  });
});
