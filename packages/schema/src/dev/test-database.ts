import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '@m4/localdb';
import { DEFAULT_MYSQL_URL } from './database';
import { pushSchema } from './push';

export interface TestDatabase {
  mysqlUrl: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named database (`m4_t_<prefix>_<random>`) on the server of `serverUrl`
 * (default: `MYSQL_URL`, or the default URL), with the schema pushed. `drop()` removes it.
 */
export async function createTestDatabase(
  prefix: string,
  serverUrl: string = process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL,
): Promise<TestDatabase> {
  const safePrefix = prefix.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 30);
  const name = `m4_t_${safePrefix}_${randomBytes(6).toString('hex')}`;
  const server = serverUrl;
  const mysqlUrl = await createDatabase(server, name);
  const drop = () => dropDatabase(server, name);
  try {
    await pushSchema(mysqlUrl);
  } catch (error) {
    await drop();
    throw error;
  }
  return { mysqlUrl, name, drop };
}
