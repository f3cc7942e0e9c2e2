import { type Gateway, startGateway } from '@m4/localdb';
import { unusedPort } from '@m4/node/testing';
import { DEMO } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SECRET, type DemoDatabase, demoDatabase, doctor, line, outputs } from './support';

const GATEWAY_PASSWORD = 'gw-doctor-pass-3a8f61c2';

/** DATABASE_URL: PlanetScale's HTTP API through @planetscale/database, the worker's road. */
describe('doctor through DATABASE_URL (the local PlanetScale-compatible gateway)', () => {
  let demo: DemoDatabase;
  let broken: DemoDatabase;
  let demoGateway: Gateway;
  let brokenGateway: Gateway;
  const open = (database: DemoDatabase) =>
    startGateway({
      mysqlUrl: database.mysqlUrl,
      port: 0,
      username: 'doctor-tests',
      password: GATEWAY_PASSWORD,
    });
  beforeAll(async () => {
    demo = await demoDatabase('gw_demo');
    broken = await demoDatabase('gw_broken', 'ALTER TABLE users DROP COLUMN two_fa_enabled');
    demoGateway = await open(demo);
    brokenGateway = await open(broken);
  });
  afterAll(async () => {
    await demoGateway?.close();
    await brokenGateway?.close();
    await demo?.drop();
    await broken?.drop();
  });

  it('passes the demo database with the same checks as mysql2', async () => {
    const ran = await doctor({ DATABASE_URL: demoGateway.url });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\n')[0]).toBe(
      `m4 doctor: http://127.0.0.1:${demoGateway.port} (DATABASE_URL, @planetscale/database)`,
    );
    expect(line(ran.stdout, 'tables')).toMatch(/^ok .*all 5 present$/);
    expect(line(ran.stdout, 'users columns')).toMatch(/^ok .*all 151 returned columns present$/);
    expect(line(ran.stdout, 'column types')).toMatch(/^ok /);
    expect(line(ran.stdout, 'service statement')).toMatch(/^ok /);
    expect(line(ran.stdout, 'round trip')).toMatch(/^info .*over 5 runs/);
    expect(line(ran.stdout, 'API_Secret_Key')).toMatch(/^ok .*set, 26 characters$/);
    expect(line(ran.stdout, 'users.username index')).toMatch(/^ok /);
    expect(ran.stdout).toMatch(/no failures, 2 warnings: ready \(exit 0\)/);
    // The gateway ran the statement five times and the reads: nothing more than a few dozen.
    expect(demoGateway.statements()).toBeLessThan(20);
  });

  it('measures the round trip, and fails one over DB_TIMEOUT_MS', async () => {
    demoGateway.setRoundTrip(40);
    try {
      const ran = await doctor({ DATABASE_URL: demoGateway.url, DB_TIMEOUT_MS: '30' });
      expect(ran.code).toBe(1);
      expect(line(ran.stdout, 'round trip')).toMatch(
        /^FAIL .*median (\d+)\.\d ms over 5 runs .*: over DB_TIMEOUT_MS 30$/,
      );
      const median = Number(/median ([\d.]+) ms/.exec(ran.stdout)?.[1]);
      expect(median).toBeGreaterThanOrEqual(40);
    } finally {
      demoGateway.setRoundTrip(0);
    }
    const bad = await doctor({ DATABASE_URL: demoGateway.url, DB_TIMEOUT_MS: 'soon' });
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/DB_TIMEOUT_MS must be/) });
  });

  it('prefers DATABASE_URL when both are set, and --from picks the other', async () => {
    const env = { DATABASE_URL: demoGateway.url, MYSQL_URL: broken.mysqlUrl };
    expect((await doctor(env)).code).toBe(0);
    const other = await doctor(env, '--from', 'MYSQL_URL', '--json');
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout).target.source).toBe('MYSQL_URL');
  });

  it('fails a dropped users column, naming it', async () => {
    const ran = await doctor({ DATABASE_URL: brokenGateway.url });
    expect(ran.code).toBe(1);
    expect(line(ran.stdout, 'users columns')).toMatch(/^FAIL .*missing two_fa_enabled$/);
    expect(line(ran.stdout, 'service statement')).toMatch(
      /^FAIL .*Unknown column 't\.two_fa_enabled'/,
    );
    const json = JSON.parse((await doctor({ DATABASE_URL: brokenGateway.url }, '--json')).stdout);
    expect(json.exitCode).toBe(1);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        id: 'users-columns',
        status: 'fail',
        result: 'missing two_fa_enabled',
      }),
    );
  });

  it('exits 2 with one line for wrong credentials, no gateway, or a URL without credentials', async () => {
    const wrong = new URL(demoGateway.url);
    wrong.password = 'not-the-gw-pass-77';
    const port = await unusedPort();
    const cases: Array<[string, RegExp]> = [
      [
        wrong.href,
        new RegExp(
          `^m4api doctor: http://127.0.0.1:${demoGateway.port} refused the credentials in DATABASE_URL`,
        ),
      ],
      [
        `http://u:p4ssw0rd-x@127.0.0.1:${port}`,
        new RegExp(`^m4api doctor: cannot reach http://127.0.0.1:${port}: connection refused$`),
      ],
      [`http://127.0.0.1:${port}`, /DATABASE_URL must carry a user and password/],
      ['mysql://root@127.0.0.1/m4', /DATABASE_URL must start with https:\/\/ or http:\/\//],
    ];
    for (const [url, message] of cases) {
      const ran = await doctor({ DATABASE_URL: url });
      expect(ran.code, url).toBe(2);
      expect(ran.stderr.trimEnd()).toMatch(message);
      expect(ran.stderr.split('\n')).toHaveLength(2);
      for (const secret of ['not-the-gw-pass-77', 'p4ssw0rd-x', GATEWAY_PASSWORD]) {
        expect(ran.stderr).not.toContain(secret);
      }
    }
  });

  it('never printed the API secret or the gateway password, in text or JSON', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const output of outputs) {
      for (const secret of [API_SECRET, DEMO.secret, GATEWAY_PASSWORD, 'not-the-gw-pass-77']) {
        expect(output).not.toContain(secret);
      }
    }
  });
});
