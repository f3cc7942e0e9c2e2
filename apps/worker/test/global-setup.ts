/**
 * Runs in Node before the workerd tests: a database of the suite's own with the demo data set,
 * and the PlanetScale-compatible gateway in front of it. Everything is dropped afterwards.
 */
import { ensureMariadb, startGateway } from '@m4/localdb';
import {
  createTestDatabase,
  DEFAULT_MYSQL_URL,
  generateDemoDataset,
  writeDataset,
} from '@m4/schema/dev';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mariadb = await ensureMariadb({ mysqlUrl: process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL });
  const database = await createTestDatabase('worker', mariadb.mysqlUrl);
  await writeDataset(database.mysqlUrl, generateDemoDataset());
  // A long password, so the log test can prove it never leaks (short ones are common words).
  const gateway = await startGateway({
    mysqlUrl: database.mysqlUrl,
    port: 0,
    username: 'worker-tests',
    password: 'gw-pass-7d1e5c0b9a',
  });
  project.provide('databaseUrl', gateway.url);
  project.provide('gatewayAdminUrl', gateway.adminUrl);
  return async () => {
    await gateway.close();
    await database.drop();
    await mariadb.stop();
  };
}
