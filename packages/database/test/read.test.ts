import type { RequestContext } from '@m4/core';
import type { Gateway } from '@m4/localdb';
import { startGateway } from '@m4/localdb';
import type { RequestContextInput, ReturnedUser } from '@m4/schema';
import { RETURNED_USER_COLUMNS } from '@m4/schema';
import type { DemoDataset, TestDatabase } from '@m4/schema/dev';
import {
  connect,
  createTestDatabase,
  DEMO,
  generateDemoDataset,
  writeDataset,
} from '@m4/schema/dev';
import { type Connection, createConnection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MYSQL_READ_OPTIONS, readThroughMysql } from '../src/mysql';
import { readThroughPlanetScale } from '../src/planetscale';

type Read = (input: RequestContextInput) => Promise<RequestContext<ReturnedUser>>;

let database: TestDatabase;
let dataset: DemoDataset;
let admin: Connection;
let readerConnection: Connection;
let gateway: Gateway | undefined;
let requestCounter = 0;

beforeAll(async () => {
  database = await createTestDatabase('database_read');
  dataset = generateDemoDataset({ seed: 7 });
  await writeDataset(database.mysqlUrl, dataset);
  admin = await connect(database.mysqlUrl);
  readerConnection = await createConnection({ uri: database.mysqlUrl, ...MYSQL_READ_OPTIONS });
  gateway = await startGateway({ mysqlUrl: database.mysqlUrl, port: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await readerConnection?.end();
  await admin?.end();
  await database?.drop();
});

async function questions(connection: Connection): Promise<number> {
  const [rows] = await connection.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Questions'");
  return Number(rows[0]?.Value);
}

/** mysql2 on one connection; the server's own statement counter proves one call. */
const readMysql2: Read = async (input) => {
  const before = await questions(readerConnection);
  const read = readThroughMysql({ acquire: async () => readerConnection, release: () => {} });
  const context = await read(input, new AbortController().signal);
  // The second SHOW counts itself too: one statement for the read, one for the SHOW.
  expect((await questions(readerConnection)) - before).toBe(2);
  return context;
};

/** @planetscale/database over the local gateway; the gateway counts the request's statements. */
const readPlanetScale: Read = async (input) => {
  if (!gateway) throw new Error('gateway not started');
  const requestId = `database-read-${++requestCounter}`;
  const context = await readThroughPlanetScale(gateway.url, requestId)(
    input,
    new AbortController().signal,
  );
  expect(gateway.statements(requestId)).toBe(1);
  return context;
};

function userRow(id: number) {
  const row = dataset.users.find((user) => user.id === id);
  if (!row) throw new Error(`no demo user ${id}`);
  return row;
}

function expectedTarget(id: number): ReturnedUser {
  const row = userRow(id);
  return Object.fromEntries(RETURNED_USER_COLUMNS.map((name) => [name, row[name]])) as ReturnedUser;
}

const DEMO_SETTINGS = {
  allowApi: '1',
  allowGetApi: '1',
  secretKey: DEMO.secret,
  disableHashChecking: '0',
};

async function withConflines(
  rows: { id: number; name: string; value: string | null; owner_id: number }[],
  body: () => Promise<void>,
): Promise<void> {
  await admin.query('DELETE FROM conflines');
  if (rows.length > 0) {
    await admin.query('INSERT INTO conflines (id, name, value, owner_id) VALUES ?', [
      rows.map((row) => [row.id, row.name, row.value, row.owner_id]),
    ]);
  }
  try {
    await body();
  } finally {
    await admin.query('DELETE FROM conflines');
    await admin.query('INSERT INTO conflines (id, name, value, owner_id, value2) VALUES ?', [
      dataset.conflines.map((row) => [row.id, row.name, row.value, row.owner_id, row.value2]),
    ]);
  }
}

async function fingerprint(): Promise<string> {
  const tables = ['users', 'conflines', 'manager_groups', 'manager_rights', 'manager_group_rights'];
  const [counts] = await admin.query<RowDataPacket[]>(
    tables
      .map((table) => `SELECT '${table}' AS t, COUNT(*) AS n FROM ${table}`)
      .join(' UNION ALL '),
  );
  const [sums] = await admin.query<RowDataPacket[]>(`CHECKSUM TABLE ${tables.join(', ')}`);
  return JSON.stringify([counts, sums.map((row) => row.Checksum)]);
}

describe.each([
  ['mysql2', readMysql2],
  ['@planetscale/database via the local gateway', readPlanetScale],
] as const)('the request-context read over %s', (_driver, read) => {
  it('reads settings, requester and target in one statement', async () => {
    const context = await read({ username: DEMO.admin.username, userId: String(DEMO.user.id) });
    expect(context).toEqual({
      settings: DEMO_SETTINGS,
      requester: {
        id: 0,
        usertype: 'admin',
        showOnlyAssignedUsers: 0,
        usersRight: null,
        showOnlyAssignedRight: null,
      },
      target: expectedTarget(DEMO.user.id),
    });
  });

  it('returns the 151 columns in order, none of the omitted ones', async () => {
    const { target } = await read({ username: null, userId: String(DEMO.user.id) });
    expect(Object.keys(target ?? {})).toEqual([...RETURNED_USER_COLUMNS]);
    for (const omitted of ['password', 'uniquehash', 'two_fa_authenticator_secret']) {
      expect(target).not.toHaveProperty(omitted);
      expect(JSON.stringify(target)).not.toContain(String(userRow(DEMO.user.id).password));
    }
  });

  it('has no requester for an unknown or absent u, target still read', async () => {
    for (const username of ['nobody', null, '']) {
      const context = await read({ username, userId: String(DEMO.user.id) });
      expect(context.requester).toBeNull();
      expect(context.target).toEqual(expectedTarget(DEMO.user.id));
      expect(context.settings).toEqual(DEMO_SETTINGS);
    }
  });

  it('has no target for an unknown id, requester still read', async () => {
    const context = await read({ username: DEMO.manager.username, userId: '999999' });
    expect(context.target).toBeNull();
    expect(context.requester?.id).toBe(DEMO.manager.id);
  });

  it('has neither when neither exists, settings still read', async () => {
    expect(await read({ username: 'nobody', userId: '424242' })).toEqual({
      settings: DEMO_SETTINGS,
      requester: null,
      target: null,
    });
  });

  it('reads the requester as the target when they are the same row', async () => {
    const context = await read({ username: DEMO.admin.username, userId: '0' });
    expect(context.requester?.id).toBe(0);
    expect(context.target).toEqual(expectedTarget(0));
  });

  it.each([
    [DEMO.manager, { showOnlyAssignedUsers: 0, usersRight: 2, showOnlyAssignedRight: 0 }],
    [
      DEMO.managerWithoutRight,
      { showOnlyAssignedUsers: 0, usersRight: 0, showOnlyAssignedRight: null },
    ],
    [
      DEMO.managerWithoutGroup,
      { showOnlyAssignedUsers: 0, usersRight: null, showOnlyAssignedRight: null },
    ],
    [DEMO.managerOwnFlag, { showOnlyAssignedUsers: 1, usersRight: 2, showOnlyAssignedRight: 0 }],
    [DEMO.managerGroupFlag, { showOnlyAssignedUsers: 0, usersRight: 2, showOnlyAssignedRight: 2 }],
  ])('reads manager %o with its group rights by name', async (manager, rights) => {
    const context = await read({ username: manager.username, userId: String(DEMO.user.id) });
    expect(context.requester).toEqual({ id: manager.id, usertype: 'manager', ...rights });
  });

  it('reads the other usertypes as they are', async () => {
    for (const [ref, usertype] of [
      [DEMO.user, 'user'],
      [DEMO.accountant, 'accountant'],
      [DEMO.reseller, 'reseller'],
      [DEMO.fakeAdmin, 'admin'],
    ] as const) {
      const { requester } = await read({ username: ref.username, userId: null });
      expect(requester).toMatchObject({ id: ref.id, usertype });
    }
  });

  it('takes the lowest id when usernames repeat', async () => {
    const { requester } = await read({ username: DEMO.twinUser.username, userId: null });
    expect(requester).toMatchObject({
      id: DEMO.twinManager.id,
      usertype: 'manager',
      usersRight: 2,
    });
  });

  it('matches usernames case-insensitively, quotes and non-ASCII included', async () => {
    expect((await read({ username: 'ADMIN', userId: null })).requester?.id).toBe(0);
    expect((await read({ username: DEMO.quoted.username, userId: null })).requester?.id).toBe(
      DEMO.quoted.id,
    );
    expect((await read({ username: DEMO.unicode.username, userId: null })).requester?.id).toBe(
      DEMO.unicode.id,
    );
  });

  it('reads no target for a user_id that is not 1-10 ASCII digits', async () => {
    for (const userId of ['abc', '', '12345678901', '-1', ' 6', '6 ', '6.0', '0x6', '٦', null]) {
      const context = await read({ username: DEMO.admin.username, userId });
      expect(context.target, JSON.stringify(userId)).toBeNull();
      expect(context.requester?.id).toBe(0);
    }
  });

  it('reads leading-zero ids as their number', async () => {
    expect((await read({ username: null, userId: '05' })).target?.id).toBe(5);
    expect((await read({ username: null, userId: '0000000006' })).target?.id).toBe(6);
    expect((await read({ username: null, userId: '9999999999' })).target).toBeNull();
  });

  it('returns every demo row exactly as written: raw text, NULLs, zero dates, extremes', async () => {
    for (const row of dataset.users) {
      const { target } = await read({ username: null, userId: String(row.id) });
      expect(target, row.username).toEqual(expectedTarget(row.id));
    }
    const widest = (await read({ username: null, userId: String(DEMO.widest.id) })).target;
    expect(widest).toMatchObject({
      balance: '999999999999999.999999999999999',
      balance_min: '999999.9999',
      lcr_id: '9223372036854775807',
      tariff_id: '9223372036854775807',
      id: DEMO.widest.id,
      invoice_grace_period: 32767,
    });
    const negative = (await read({ username: null, userId: String(DEMO.negative.id) })).target;
    expect(negative).toMatchObject({
      credit: '-999999999999999.999999999999999',
      lcr_id: '-9223372036854775808',
      responsible_accountant_id: -2147483648,
    });
    const zero = (await read({ username: null, userId: String(DEMO.zeroDates.id) })).target;
    expect(zero).toMatchObject({
      month_plan_updated: '0000-00-00 00:00:00',
      agreement_date: '0000-00-00',
      calltime_normative: '3.000000000000000',
    });
    const nulls = (await read({ username: null, userId: String(DEMO.nulls.id) })).target;
    expect(nulls).toMatchObject({ balance: null, owner_id: null, comment: null, lcr_id: '0' });
    const meta = (await read({ username: null, userId: String(DEMO.xmlMeta.id) })).target;
    expect(meta?.comment).toContain('<&>"\'');
    expect(meta?.comment).toContain('\r\n');
    expect(meta?.comment).toContain('\u0001');
  });

  it('takes the lowest-id global setting; other owners are ignored', async () => {
    await withConflines(
      [
        { id: 1, name: 'Allow_API', value: '1', owner_id: 7 },
        { id: 2, name: 'Allow_API', value: ' 1 ', owner_id: 0 },
        { id: 3, name: 'Allow_API', value: '0', owner_id: 0 },
        { id: 4, name: 'API_Secret_Key', value: 'reseller', owner_id: 9 },
        { id: 5, name: 'Allow_GET_API', value: null, owner_id: 0 },
        { id: 6, name: 'Allow_GET_API', value: '1', owner_id: 0 },
      ],
      async () => {
        expect((await read({ username: null, userId: null })).settings).toEqual({
          allowApi: ' 1 ',
          allowGetApi: null,
          secretKey: null,
          disableHashChecking: null,
        });
      },
    );
  });

  it('reads every setting as null when conflines is empty', async () => {
    await withConflines([], async () => {
      expect(await read({ username: DEMO.admin.username, userId: '0' })).toMatchObject({
        settings: { allowApi: null, allowGetApi: null, secretKey: null, disableHashChecking: null },
        requester: { id: 0 },
        target: { id: 0 },
      });
    });
  });

  it('finds no requester for SQL-injection strings and changes nothing', async () => {
    const before = await fingerprint();
    for (const attack of [
      "' OR '1'='1",
      "admin'--",
      "admin' #",
      "\\'; DROP TABLE users; --",
      "'; DELETE FROM conflines; --",
      'admin" OR "1"="1',
      "' UNION SELECT 1 --",
      'admin\0',
      '\\',
    ]) {
      const context = await read({ username: attack, userId: attack });
      expect(context.requester, attack).toBeNull();
      expect(context.target, attack).toBeNull();
      expect(context.settings).toEqual(DEMO_SETTINGS);
    }
    expect(await fingerprint()).toBe(before);
  });
});
