import { getTableColumns } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../src/dev/index';
import {
  buildUser,
  connect,
  createTestDatabase,
  DEMO,
  generateDemoDataset,
  writeDataset,
} from '../src/dev/index';
import { USER_COLUMNS, users } from '../src/index';

describe('generateDemoDataset', () => {
  it('is deterministic: same seed, same rows; another seed, other rows', () => {
    const a = generateDemoDataset({ seed: 42, extraUsers: 50 });
    expect(generateDemoDataset({ seed: 42, extraUsers: 50 })).toEqual(a);
    expect(generateDemoDataset({ seed: 43, extraUsers: 50 })).not.toEqual(a);
  });

  it('builds full rows in table order with unique ids', () => {
    const { users: rows } = generateDemoDataset({ extraUsers: 20 });
    for (const row of rows) expect(Object.keys(row)).toEqual([...USER_COLUMNS]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(rows).toHaveLength(24 + 20);
  });

  it('contains what users-table.md asks of a seed', () => {
    const { users: rows, conflines, managerGroupRights } = generateDemoDataset();
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(0)).toMatchObject({ username: 'admin', usertype: 'admin' });
    expect(byId.get(DEMO.fakeAdmin.id)?.usertype).toBe('admin');
    for (const type of ['manager', 'user', 'accountant', 'reseller']) {
      expect(rows.some((row) => row.usertype === type)).toBe(true);
    }
    expect(rows.filter((row) => row.username === 'twin').map((row) => row.id)).toEqual([11, 12]);
    expect(byId.get(DEMO.managerOwnFlag.id)?.show_only_assigned_users).toBe(1);
    for (const manager of [DEMO.manager, DEMO.managerOwnFlag, DEMO.managerGroupFlag]) {
      expect(rows.some((row) => row.responsible_accountant_id === manager.id)).toBe(true);
    }
    expect(managerGroupRights).toContainEqual(
      expect.objectContaining({ manager_group_id: 3, manager_right_id: 57, value: 2 }),
    );
    const nullable = Object.entries(getTableColumns(users)).filter(([, column]) => !column.notNull);
    const nulls = byId.get(DEMO.nulls.id);
    for (const [key] of nullable) expect(nulls?.[key as keyof typeof nulls], key).toBeNull();
    expect(byId.get(DEMO.zeroDates.id)?.month_plan_updated).toBe('0000-00-00 00:00:00');
    expect(byId.get(DEMO.negative.id)?.balance).toBe('-999999999999999.999999999999999');
    expect(byId.get(DEMO.widest.id)?.balance_max).toBe('999999.9999');
    expect(byId.get(DEMO.unicode.id)?.first_name).toMatch(/ą.*Ё.*😀/u);
    expect(byId.get(DEMO.xmlMeta.id)?.comment).toContain('<&>"\'');
    expect(byId.get(DEMO.xmlMeta.id)?.comment).toContain('\u0001');
    expect(conflines.filter((row) => row.owner_id === 0)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Allow_API', value: '1' }),
        expect.objectContaining({ name: 'Allow_GET_API', value: '1' }),
        expect.objectContaining({ name: 'API_Secret_Key', value: DEMO.secret }),
        expect.objectContaining({ name: 'API_Disable_hash_checking', value: '0' }),
      ]),
    );
  });
});

describe('buildUser', () => {
  it('fills every column with its table default', () => {
    const row = buildUser({ id: 77, username: 'x' });
    expect(Object.keys(row)).toEqual([...USER_COLUMNS]);
    expect(row).toMatchObject({
      id: 77,
      username: 'x',
      password: '',
      usertype: 'user',
      calltime_normative: '3.000000000000000',
      month_plan_updated: '0000-00-00 00:00:00',
      lcr_id: '0',
      clientid: null,
      blacklist_enabled: 'global',
      responsible_accountant_id: -1,
      phone: '',
    });
  });
});

describe('writeDataset', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('schema_seed');
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function rows<T extends RowDataPacket>(sql: string): Promise<T[]> {
    const connection = await connect(database.mysqlUrl);
    try {
      const [result] = await connection.query<T[]>(sql);
      return result;
    } finally {
      await connection.end();
    }
  }

  it('writes the demo set with 2 000 extra users, replacing only its own tables', async () => {
    await rows('CREATE TABLE other (id int PRIMARY KEY)');
    await rows('INSERT INTO other VALUES (1)');
    const dataset = generateDemoDataset({ seed: 3, extraUsers: 2000 });
    await writeDataset(database.mysqlUrl, dataset, { batchSize: 500 });
    await writeDataset(database.mysqlUrl, dataset, { truncate: true });

    const [counts] = await rows(
      `SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM conflines) AS conflines,
              (SELECT COUNT(*) FROM manager_group_rights) AS rights, (SELECT COUNT(*) FROM other) AS other`,
    );
    expect(counts).toEqual({ users: '2024', conflines: '7', rights: '7', other: '1' });
    const [admin] = await rows('SELECT id, username FROM users WHERE id = 0');
    expect(admin).toEqual({ id: 0, username: 'admin' });
    const last = dataset.users.at(-1);
    const [stored] = await rows(
      `SELECT username, balance, CAST(month_plan_updated AS CHAR) AS month_plan_updated, password
         FROM users WHERE id = ${Number(last?.id)}`,
    );
    expect(stored).toEqual({
      username: last?.username,
      balance: last?.balance,
      month_plan_updated: last?.month_plan_updated,
      password: last?.password,
    });
  });

  it('fails on existing rows without truncate, leaving them as they were', async () => {
    const dataset = generateDemoDataset({ seed: 3 });
    await expect(writeDataset(database.mysqlUrl, dataset)).rejects.toThrow(/Duplicate entry/);
    const [count] = await rows('SELECT COUNT(*) AS n FROM users');
    expect(count?.n).toBe('2024');
  });
});
