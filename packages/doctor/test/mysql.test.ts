import { randomBytes } from 'node:crypto';
import { unusedPort } from '@m4/node/testing';
import { DEMO } from '@m4/schema/seed';
import { afterAll, describe, expect, it } from 'vitest';
import { API_SECRET, type DemoDatabase, demoDatabase, doctor, line, outputs } from './support';

/** MYSQL_URL: mysql2, the road of the Node app and of Hyperdrive. */
describe('doctor through MYSQL_URL', () => {
  const databases: DemoDatabase[] = [];
  const made = async (prefix: string, ...statements: string[]) => {
    const database = await demoDatabase(prefix, ...statements);
    databases.push(database);
    return database;
  };
  const check = (database: DemoDatabase, ...argv: string[]) =>
    doctor({ MYSQL_URL: database.mysqlUrl }, ...argv);
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('passes the demo database: exit 0, every check ok but GET and write access', async () => {
    const ran = await check(await made('demo'));
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(
      /^m4 doctor: mysql:\/\/127\.0\.0\.1:3306\/m4_t_doctor_demo_\w+ \(MYSQL_URL, mysql2\)\n/,
    );
    expect(line(ran.stdout, 'tables')).toMatch(/^ok .*all 5 present$/);
    expect(line(ran.stdout, 'users columns')).toMatch(/^ok .*all 151 returned columns present$/);
    expect(line(ran.stdout, 'column types')).toMatch(/^ok .*as the schema declares them$/);
    expect(line(ran.stdout, 'service statement')).toMatch(
      /^ok .*ran for an absent user in [\d.]+ ms$/,
    );
    expect(line(ran.stdout, 'round trip')).toMatch(/^info .*median [\d.]+ ms over 5 runs/);
    expect(line(ran.stdout, 'API_Secret_Key')).toMatch(/^ok .*set, 26 characters$/);
    expect(line(ran.stdout, 'users.username index')).toMatch(/^ok .*username$/);
    expect(line(ran.stdout, 'Allow_GET_API')).toMatch(/^WARN .*GET is allowed$/);
    expect(line(ran.stdout, 'read-only account')).toMatch(
      /^WARN .*can write: ALL PRIVILEGES on \*\.\*$/,
    );
    expect(ran.stdout).toMatch(/\nno failures, 2 warnings: ready \(exit 0\)\n$/);
    // No user row: neither usernames nor names of the demo users.
    for (const user of [DEMO.managerGroupFlag.username, DEMO.xmlMeta.username, 'Ivan']) {
      expect(ran.stdout).not.toContain(user);
    }
    const json = JSON.parse((await check(databases[0] as DemoDatabase, '--json')).stdout);
    expect(json).toMatchObject({ failures: 0, warnings: 2, exitCode: 0 });
    expect(json.target).toEqual({
      source: 'MYSQL_URL',
      driver: 'mysql2',
      where: expect.stringMatching(/^mysql:\/\/127/),
    });
  });

  it('fails a missing table', async () => {
    const ran = await check(await made('no_mgr', 'DROP TABLE manager_group_rights'));
    expect(ran.code).toBe(1);
    expect(line(ran.stdout, 'tables')).toMatch(/^FAIL .*missing manager_group_rights$/);
    expect(line(ran.stdout, 'service statement')).toMatch(
      /^FAIL .*failed: .*manager_group_rights.*doesn't exist/,
    );
  });

  it('fails a dropped users column, naming it', async () => {
    const ran = await check(await made('no_col', 'ALTER TABLE users DROP COLUMN balance'));
    expect(ran.code).toBe(1);
    expect(line(ran.stdout, 'users columns')).toMatch(/^FAIL .*missing balance$/);
    expect(line(ran.stdout, 'service statement')).toMatch(/^FAIL .*Unknown column 't\.balance'/);
    expect(ran.stdout).toMatch(/every request would answer 503/);
    expect(ran.stdout).toMatch(/\n2 failures, 2 warnings: not ready/);
  });

  it('fails a column type that would change the response text', async () => {
    const ran = await check(
      await made(
        'types',
        'ALTER TABLE users MODIFY sales_this_month DECIMAL(12,2) NOT NULL DEFAULT 0',
      ),
    );
    expect(ran.code).toBe(1);
    expect(line(ran.stdout, 'column types')).toMatch(
      /^FAIL .*1 column would change the response text: sales_this_month decimal\(12,2\) \(expected int\): the service reads it as a number/,
    );
    expect(line(ran.stdout, 'service statement')).toMatch(/^ok /);
  });

  it('fails when the service statement fails (a settings column gone)', async () => {
    const ran = await check(await made('no_owner', 'ALTER TABLE conflines DROP COLUMN owner_id'));
    expect(ran.code).toBe(1);
    expect(line(ran.stdout, 'settings/rights columns')).toMatch(
      /^FAIL .*missing conflines\.owner_id$/,
    );
    expect(line(ran.stdout, 'service statement')).toMatch(
      /^FAIL .*failed: Unknown column .*owner_id/,
    );
  });

  it('warns of missing settings rows with their effective values', async () => {
    const ran = await check(
      await made(
        'no_settings',
        "DELETE FROM conflines WHERE owner_id = 0 AND name <> 'XML_API_Extension'",
      ),
    );
    expect(ran.code).toBe(0);
    expect(line(ran.stdout, 'Allow_API')).toMatch(
      /^WARN .*no global row.*off, the API is disabled/,
    );
    expect(line(ran.stdout, 'Allow_GET_API')).toMatch(/^WARN .*no global row: off \(POST only\)$/);
    expect(line(ran.stdout, 'API_Secret_Key')).toMatch(
      /^WARN .*no global row \(rows for other owners exist.*"API must have Secret Key"/,
    );
    expect(line(ran.stdout, 'API_Disable_hash_checking')).toMatch(
      /^WARN .*no global row: off \(hash checked\)$/,
    );
  });

  it('warns of a disabled API, GET, unchecked hashes, a blank secret, rights, index and extra columns', async () => {
    const ran = await check(
      await made(
        'warnings',
        "UPDATE conflines SET value = '0' WHERE name = 'Allow_API' AND owner_id = 0",
        "UPDATE conflines SET value = '1' WHERE name = 'API_Disable_hash_checking'",
        "UPDATE conflines SET value = '   ' WHERE name = 'API_Secret_Key' AND owner_id = 0",
        "DELETE FROM manager_rights WHERE name IN ('USERS_Users', 'Show_only_assigned_Users')",
        'DROP INDEX username ON users',
        'ALTER TABLE users ADD COLUMN crm_id INT NULL, ADD COLUMN portal_theme VARCHAR(20) NULL',
      ),
    );
    expect(ran.code).toBe(0);
    expect(line(ran.stdout, 'Allow_API')).toMatch(/^WARN .*"0": off, the API is disabled/);
    expect(line(ran.stdout, 'Allow_GET_API')).toMatch(/^WARN .*GET is allowed/);
    expect(line(ran.stdout, 'API_Disable_hash_checking')).toMatch(
      /^WARN .*hash checking is disabled/,
    );
    expect(line(ran.stdout, 'API_Secret_Key')).toMatch(/^WARN .*empty/);
    expect(line(ran.stdout, 'right USERS_Users')).toMatch(/^WARN .*absent from manager_rights/);
    expect(line(ran.stdout, 'right Show_only_assigned_Users')).toMatch(/^WARN .*absent/);
    expect(line(ran.stdout, 'users.username index')).toMatch(/^WARN .*none/);
    expect(line(ran.stdout, 'extra users columns')).toMatch(
      /^WARN .*not returned: crm_id, portal_theme$/,
    );
    expect(ran.stdout).toMatch(/\nno failures, 9 warnings: ready \(exit 0\)\n$/);
  });

  it('shows no write warning for an account that can only read', async () => {
    const database = databases[0] as DemoDatabase;
    const user = `m4_t_doc_ro_${randomBytes(4).toString('hex')}`;
    const password = `ro-pass-${randomBytes(8).toString('hex')}`;
    await database.exec(
      `CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`,
      `CREATE USER '${user}'@'localhost' IDENTIFIED BY '${password}'`,
      `GRANT SELECT ON \`${database.name}\`.* TO '${user}'@'%'`,
      `GRANT SELECT ON \`${database.name}\`.* TO '${user}'@'localhost'`,
    );
    try {
      const url = new URL(database.mysqlUrl);
      url.username = user;
      url.password = password;
      const ran = await doctor({ MYSQL_URL: url.href });
      expect(ran.code).toBe(0);
      expect(line(ran.stdout, 'read-only account')).toMatch(/^ok .*no writing privileges/);
      expect(ran.stdout).toMatch(/no failures, 1 warning/);
      expect(`${ran.stdout}${ran.stderr}`).not.toContain(password);
    } finally {
      await database.exec(
        `DROP USER IF EXISTS '${user}'@'%'`,
        `DROP USER IF EXISTS '${user}'@'localhost'`,
      );
    }
  });

  it('exits 2 with one line for no URL, a bad URL, no server, wrong credentials, no database', async () => {
    const database = databases[0] as DemoDatabase;
    const port = await unusedPort();
    const wrong = new URL(database.mysqlUrl);
    wrong.username = 'm4_no_such_user';
    wrong.password = 'wrong-pass-6c2d9e';
    const missing = new URL(database.mysqlUrl);
    missing.pathname = '/m4_t_doctor_no_such_database';
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /^m4api doctor: set DATABASE_URL .* or MYSQL_URL/],
      [{ MYSQL_URL: 'not a url' }, /^m4api doctor: MYSQL_URL is not a URL$/],
      [{ MYSQL_URL: 'postgres://x@h/db' }, /^m4api doctor: MYSQL_URL must start with mysql:\/\/$/],
      [{ MYSQL_URL: 'mysql://root@127.0.0.1:3306' }, /must name a database/],
      [
        { MYSQL_URL: `mysql://root@127.0.0.1:${port}/m4` },
        new RegExp(`^m4api doctor: cannot reach mysql://127.0.0.1:${port}/m4: connection refused$`),
      ],
      [
        { MYSQL_URL: wrong.href },
        /refused the credentials in MYSQL_URL \(wrong user or password\)$/,
      ],
      [{ MYSQL_URL: missing.href }, /the database named in MYSQL_URL does not exist$/],
    ];
    for (const [env, message] of cases) {
      const ran = await doctor(env);
      expect(ran.code, JSON.stringify(env)).toBe(2);
      expect(ran.stdout).toBe('');
      expect(ran.stderr.split('\n')).toHaveLength(2);
      expect(ran.stderr.trimEnd()).toMatch(message);
      expect(ran.stderr).not.toContain('wrong-pass-6c2d9e');
      expect(ran.stderr).not.toMatch(/\n\s+at /);
    }
    const json = await doctor({ MYSQL_URL: `mysql://root@127.0.0.1:${port}/m4` }, '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      error: expect.stringMatching(/connection refused/),
      exitCode: 2,
    });
  });

  it('never printed the API secret or a password, in text or JSON', () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const output of outputs) {
      expect(output).not.toContain(API_SECRET);
      expect(output).not.toContain(DEMO.secret);
      expect(output).not.toContain('wrong-pass-6c2d9e');
    }
  });
});
