import { Client, DatabaseError } from '@planetscale/database';
import { asc, eq } from 'drizzle-orm';
import { int, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { drizzle } from 'drizzle-orm/planetscale-serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gateway, startGateway } from '../src/index';
import { boundedFetch, type TestDatabase, testDatabase } from './support';

let db: TestDatabase;
let gateway: Gateway;
let client: Client;

const TYPES_DDL = `CREATE TABLE types (
  id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  i int(11) NULL, ti tinyint(4) NULL, si smallint(6) NULL, bi bigint(20) NULL,
  d30 decimal(30,15) NULL, d10 decimal(10,4) NULL, dt datetime NULL, da date NULL,
  en enum('yes','no','global') NULL, tx text NULL, vc varchar(50) NULL
)`;

const people = mysqlTable('people', {
  id: int('id').primaryKey().autoincrement(),
  name: varchar('name', { length: 50 }).notNull(),
  age: int('age'),
});

beforeAll(async () => {
  db = await testDatabase('driver');
  await db.sql(TYPES_DDL);
  await db.sql(
    'CREATE TABLE people (id int AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT NULL, age int NULL)',
  );
  await db.sql(
    'CREATE TABLE ledger (id int AUTO_INCREMENT PRIMARY KEY, note varchar(50) NOT NULL)',
  );
  gateway = await startGateway({ mysqlUrl: db.url, port: 0 });
  client = new Client({ url: gateway.url, fetch: boundedFetch(2000) });
});

afterAll(async () => {
  await gateway?.close();
  await db?.drop();
});

describe('the unmodified @planetscale/database Client', () => {
  it('reads', async () => {
    const res = await client.execute('SELECT 1 AS one, 2 AS two');
    expect(res.rows).toEqual([{ one: 1, two: 2 }]);
    expect(res.headers).toEqual(['one', 'two']);
    expect(res.types).toEqual({ one: 'INT32', two: 'INT32' });
  });

  it('keeps duplicate column names apart in array mode', async () => {
    const res = await client.execute('SELECT 1 AS x, 2 AS x', null, { as: 'array' });
    expect(res.rows).toEqual([[1, 2]]);
  });

  it('writes, reporting rowsAffected and insertId', async () => {
    const ins = await client.execute('INSERT INTO ledger (note) VALUES (?), (?)', ['a', 'b']);
    expect(ins.rowsAffected).toBe(2);
    expect(Number(ins.insertId)).toBeGreaterThan(0);
    const upd = await client.execute('UPDATE ledger SET note = ? WHERE note = ?', ['c', 'a']);
    expect(upd.rowsAffected).toBe(1);
    const none = await client.execute('UPDATE ledger SET note = ? WHERE id = -1', ['z']);
    expect(none.rowsAffected).toBe(0);
    expect(none.insertId).toBe('0');
  });

  it('answers DDL without a result set', async () => {
    const res = await client.execute('CREATE TABLE scratch (a int)');
    expect(res.rows).toEqual([]);
    expect(res.fields).toEqual([]);
    await client.execute('DROP TABLE scratch');
  });

  it('returns an empty result set with its fields', async () => {
    const res = await client.execute('SELECT id, note FROM ledger WHERE id = -1');
    expect(res.rows).toEqual([]);
    expect(res.fields.map((f) => [f.name, f.type, f.table])).toEqual([
      ['id', 'INT32', 'ledger'],
      ['note', 'VARCHAR', 'ledger'],
    ]);
  });
});

describe('drizzle-orm/planetscale-serverless', () => {
  it('inserts, selects and updates through the gateway', async () => {
    const orm = drizzle({ client });
    await orm.insert(people).values([
      { name: 'Žydrūnas', age: 40 },
      { name: 'Мария', age: null },
    ]);
    await orm.update(people).set({ age: 41 }).where(eq(people.name, 'Žydrūnas'));
    const rows = await orm.select().from(people).orderBy(asc(people.id));
    expect(rows.map(({ name, age }) => ({ name, age }))).toEqual([
      { name: 'Žydrūnas', age: 41 },
      { name: 'Мария', age: null },
    ]);
  });

  it('rolls a drizzle transaction back when it throws', async () => {
    const orm = drizzle({ client });
    await expect(
      orm.transaction(async (tx) => {
        await tx.insert(people).values({ name: 'ghost', age: 1 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const ghosts = await orm.select().from(people).where(eq(people.name, 'ghost'));
    expect(ghosts).toEqual([]);
  });
});

describe('every users-table type round-trips with the driver cast', () => {
  const wide = '-999999999999999.999999999999999';
  const text = 'ąčęėįšųūž Привет 😀🚀 <&>"\' \u0001\u001f tab\tline\nend';
  const full = {
    i: -2147483648,
    ti: -128,
    si: 32767,
    bi: '9223372036854775807',
    d30: wide,
    d10: '-123456.7890',
    dt: '0000-00-00 00:00:00',
    da: '2008-01-01',
    en: 'global',
    tx: text,
    vc: 'ąčęėįšųūž Привет 😀',
  };

  it('as written with inlined parameters, and as stored', async () => {
    const cols = Object.keys(full);
    const ins = await client.execute(
      `INSERT INTO types (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      Object.values(full),
    );
    const res = await client.execute('SELECT * FROM types WHERE id = ?', [ins.insertId]);
    expect(res.rows).toEqual([{ id: Number(ins.insertId), ...full }]);
    expect(res.types).toEqual({
      id: 'INT32',
      i: 'INT32',
      ti: 'INT8',
      si: 'INT16',
      bi: 'INT64',
      d30: 'DECIMAL',
      d10: 'DECIMAL',
      dt: 'DATETIME',
      da: 'DATE',
      en: 'ENUM',
      tx: 'TEXT',
      vc: 'VARCHAR',
    });
  });

  it('keeps full decimal scale, extremes and a zero datetime default', async () => {
    await db.sql(
      "INSERT INTO types (i, bi, d30, d10, dt) VALUES (2147483647, -9223372036854775808, 10.5, 0.0001, '0000-00-00 00:00:00')",
    );
    const res = await client.execute('SELECT i, bi, d30, d10, dt FROM types WHERE i = 2147483647');
    expect(res.rows).toEqual([
      {
        i: 2147483647,
        bi: '-9223372036854775808',
        d30: '10.500000000000000',
        d10: '0.0001',
        dt: '0000-00-00 00:00:00',
      },
    ]);
  });

  it('gives NULL for every NULL column', async () => {
    const ins = await client.execute('INSERT INTO types () VALUES ()');
    const res = await client.execute('SELECT * FROM types WHERE id = ?', [ins.insertId]);
    const nulls = Object.fromEntries(Object.keys(full).map((k) => [k, null]));
    expect(res.rows).toEqual([{ id: Number(ins.insertId), ...nulls }]);
  });

  it('reports datetimes in UTC', async () => {
    const res = await client.execute(
      'SELECT @@session.time_zone AS tz, CAST(FROM_UNIXTIME(0) AS CHAR) AS epoch',
    );
    expect(res.rows).toEqual([{ tz: '+00:00', epoch: '1970-01-01 00:00:00' }]);
  });
});

describe('transactions', () => {
  it('commit: writes are visible afterwards', async () => {
    const note = `commit-${Date.now()}`;
    const inner = await client.transaction(async (tx) => {
      await tx.execute('INSERT INTO ledger (note) VALUES (?)', [note]);
      const seen = await tx.execute('SELECT COUNT(*) AS n FROM ledger WHERE note = ?', [note]);
      return seen.rows[0];
    });
    expect(inner).toEqual({ n: '1' });
    const after = await client.execute('SELECT COUNT(*) AS n FROM ledger WHERE note = ?', [note]);
    expect(after.rows).toEqual([{ n: '1' }]);
  });

  it('rollback: a rolled-back write is not visible, inside or out', async () => {
    const note = `rollback-${Date.now()}`;
    await expect(
      client.transaction(async (tx) => {
        await tx.execute('INSERT INTO ledger (note) VALUES (?)', [note]);
        const inside = await tx.execute('SELECT COUNT(*) AS n FROM ledger WHERE note = ?', [note]);
        expect(inside.rows).toEqual([{ n: '1' }]);
        const outside = await client.execute('SELECT COUNT(*) AS n FROM ledger WHERE note = ?', [
          note,
        ]);
        expect(outside.rows).toEqual([{ n: '0' }]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const after = await client.execute('SELECT COUNT(*) AS n FROM ledger WHERE note = ?', [note]);
    expect(after.rows).toEqual([{ n: '0' }]);
  });

  it('runs one transaction per session, side by side', async () => {
    const [a, b] = await Promise.all(
      ['a', 'b'].map((tag) =>
        client.transaction(async (tx) => {
          await tx.execute('SET @tag = ?', [tag]);
          await tx.execute('INSERT INTO ledger (note) VALUES (?)', [`pair-${tag}`]);
          const res = await tx.execute('SELECT @tag AS tag');
          return res.rows[0];
        }),
      ),
    );
    expect([a, b]).toEqual([{ tag: 'a' }, { tag: 'b' }]);
  });
});

describe('errors', () => {
  it('a SQL error is a DatabaseError with errno and sqlstate in the message', async () => {
    const err = await client.execute('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseError);
    const dbErr = err as DatabaseError;
    expect(dbErr.status).toBe(400);
    expect(dbErr.message).toMatch(/doesn't exist \(errno 1146\) \(sqlstate 42S02\)$/);
    expect(dbErr.body.code).toBe('UNKNOWN');
  });

  it('a syntax error and a duplicate key both carry their errno', async () => {
    await expect(client.execute('SELEC 1')).rejects.toThrow(/\(errno 1064\)/);
    await client.execute('CREATE TABLE uniq (id int PRIMARY KEY)');
    await client.execute('INSERT INTO uniq VALUES (1)');
    await expect(client.execute('INSERT INTO uniq VALUES (1)')).rejects.toThrow(/\(errno 1062\)/);
  });

  it('bad credentials are a DatabaseError with status 401', async () => {
    const wrong = new URL(gateway.url);
    wrong.password = 'nope';
    const bad = new Client({ url: wrong.toString(), fetch: boundedFetch(2000) });
    const err = await bad.execute('SELECT 1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseError);
    expect((err as DatabaseError).status).toBe(401);
    expect((err as DatabaseError).body.code).toBe('unauthenticated');
  });

  it('an unknown database is reported as a SQL error, not a hang', async () => {
    const other = await startGateway({ mysqlUrl: `${db.url}_missing`, port: 0 });
    try {
      const c = new Client({ url: other.url, fetch: boundedFetch(2000) });
      await expect(c.execute('SELECT 1')).rejects.toThrow(/Unknown database.*\(errno 1049\)/);
    } finally {
      await other.close();
    }
  });
});
