import {
  connect,
  createTestDatabase,
  generateDemoDataset,
  type TestDatabase,
  writeDataset,
} from '@m4/schema/dev';
import { DEMO } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from './run';

/** `m4api doctor` as a child process: exit 0 ready, 1 a failure, 2 no usable database. */
describe('bin/m4api.mjs doctor', () => {
  let demo: TestDatabase;
  let broken: TestDatabase;
  beforeAll(async () => {
    [demo, broken] = await Promise.all([
      createTestDatabase('cli_doctor'),
      createTestDatabase('cli_doctor_broken'),
    ]);
    await writeDataset(demo.mysqlUrl, generateDemoDataset());
    await writeDataset(broken.mysqlUrl, generateDemoDataset());
    const connection = await connect(broken.mysqlUrl);
    await connection.query('ALTER TABLE users DROP COLUMN balance');
    await connection.end();
  });
  afterAll(async () => {
    await demo?.drop();
    await broken?.drop();
  });

  it('exits 0 for the demo database, 1 with the dropped column named, 2 when unusable', async () => {
    const [ready, failed, unusable, json] = await Promise.all([
      runBin(['doctor'], { MYSQL_URL: demo.mysqlUrl }),
      runBin(['doctor'], { MYSQL_URL: broken.mysqlUrl }),
      runBin(['doctor'], { MYSQL_URL: 'mysql://root@127.0.0.1:1/m4' }),
      runBin(['doctor', '--json'], { MYSQL_URL: demo.mysqlUrl }),
    ]);
    expect(ready.stderr).toBe('');
    expect(ready.code).toBe(0);
    expect(ready.stdout).toMatch(/no failures, 2 warnings: ready \(exit 0\)/);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/\nFAIL +users columns +missing balance\n/);
    expect(unusable).toEqual({
      code: 2,
      stdout: '',
      stderr: 'm4api doctor: cannot reach mysql://127.0.0.1:1/m4: connection refused\n',
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ exitCode: 0, failures: 0 });
    for (const ran of [ready, failed, json]) expect(ran.stdout).not.toContain(DEMO.secret);
  });

  it('prints its help, and refuses a URL as an argument', async () => {
    const [help, url] = await Promise.all([
      runBin(['help', 'doctor'], {}),
      runBin(['doctor', 'mysql://root:pw-in-ps@127.0.0.1/m4'], {}),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^m4api doctor — check a live M4 database/);
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/^m4api doctor: doctor takes no arguments/);
    expect(url.stderr).not.toContain('pw-in-ps');
  });
});
