import { Client } from '@planetscale/database';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Gateway, startGateway } from '../src/index';
import { boundedFetch, type TestDatabase, testDatabase } from './support';

let db: TestDatabase;
let gateway: Gateway;
let client: Client;

/**
 * Open InnoDB transactions of connections that use this test's database. InnoDB refreshes
 * innodb_trx only after 100 ms without a read, so poll it more slowly than that.
 */
async function openTransactions(): Promise<number> {
  const rows = (await db.sql(
    `SELECT COUNT(*) AS n FROM information_schema.innodb_trx t
       JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
      WHERE p.db = '${db.name}'`,
  )) as { n: number }[];
  return Number(rows[0]?.n);
}

const POLL = { timeout: 5000, interval: 250 };

beforeAll(async () => {
  db = await testDatabase('sessions');
  await db.sql('CREATE TABLE notes (id int AUTO_INCREMENT PRIMARY KEY, note varchar(50) NOT NULL)');
  gateway = await startGateway({ mysqlUrl: db.url, port: 0, sessionIdleMs: 150 });
  client = new Client({ url: gateway.url, fetch: boundedFetch(2000) });
});

afterAll(async () => {
  await gateway?.close();
  await db?.drop();
});

const count = async (note: string) =>
  (await client.execute('SELECT COUNT(*) AS n FROM notes WHERE note = ?', [note])).rows[0];

describe('session pinning', () => {
  it('runs every statement of a transaction on one connection', async () => {
    const ids = await client.transaction(async (tx) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 3; i += 1) {
        seen.push((await tx.execute('SELECT CONNECTION_ID() AS id')).rows[0]);
      }
      return seen;
    });
    expect(new Set(ids.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('gives the connection back at COMMIT and at ROLLBACK (a pool of one)', async () => {
    const single = await startGateway({ mysqlUrl: db.url, port: 0, connectionLimit: 1 });
    try {
      const c = new Client({ url: single.url, fetch: boundedFetch(1000) });
      await c.transaction(async (tx) => tx.execute('SELECT 1'));
      await expect(
        c.transaction(async (tx) => {
          await tx.execute('SELECT 1');
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      await c.transaction(async (tx) => tx.execute('SELECT 1'));
      await expect(c.execute('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
    } finally {
      await single.close();
    }
  });

  it('keeps session state from leaking into pooled connections', async () => {
    await client.execute("SET time_zone = '+05:00'");
    await client.transaction(async (tx) => {
      await tx.execute("SET time_zone = '+03:00'");
    });
    const seen = await Promise.all(
      Array.from({ length: 4 }, () =>
        client.execute('SELECT @@session.time_zone AS tz, @@session.sql_mode AS mode'),
      ),
    );
    for (const res of seen) {
      expect(res.rows).toEqual([{ tz: '+00:00', mode: 'NO_ENGINE_SUBSTITUTION' }]);
    }
  });

  it('a ROLLBACK for an unknown session succeeds; any other statement is refused', async () => {
    const conn = client.connection();
    await conn.execute('BEGIN');
    await conn.execute('ROLLBACK');
    // the session now names no transaction: plain statements run on the pool again
    await expect(conn.execute('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });

    const forged = { gateway: 'm4-localdb', transaction: 'no-such-session' };
    const send = async (query: string) => {
      const res = await fetch(`http://127.0.0.1:${gateway.port}/psdb.v1alpha1.Database/Execute`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('dev:dev')}` },
        body: JSON.stringify({ query, session: forged }),
      });
      return (await res.json()) as { session: unknown; error?: { code: string } };
    };
    expect(await send('ROLLBACK')).toEqual({ session: { gateway: 'm4-localdb' } });
    const refused = await send('SELECT 1');
    expect(refused.error?.code).toBe('ABORTED');
  });

  it('rolls an abandoned transaction back after the idle timeout', async () => {
    const conn = client.connection();
    await conn.execute('BEGIN');
    await conn.execute('INSERT INTO notes (note) VALUES (?)', ['abandoned']);
    expect(await openTransactions()).toBe(1);
    await vi.waitFor(async () => expect(await openTransactions()).toBe(0), POLL);
    await expect(conn.execute('COMMIT')).rejects.toThrow(/expired/);
    expect(await count('abandoned')).toEqual({ n: '0' });
  });

  it('close() rolls back open transactions and does not wait for them', async () => {
    const other = await startGateway({ mysqlUrl: db.url, port: 0 });
    const conn = new Client({ url: other.url, fetch: boundedFetch(2000) }).connection();
    await conn.execute('BEGIN');
    await conn.execute('INSERT INTO notes (note) VALUES (?)', ['at-close']);
    await other.close();
    await vi.waitFor(async () => expect(await openTransactions()).toBe(0), POLL);
    expect(await count('at-close')).toEqual({ n: '0' });
  });
});
