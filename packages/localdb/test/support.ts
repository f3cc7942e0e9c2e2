import { randomBytes } from 'node:crypto';
import type { Config } from '@planetscale/database';
import { createConnection } from 'mysql2/promise';
import { createDatabase, dropDatabase, serverUrl } from '../src/databases';

/** The MariaDB server the tests use (a database URL in MYSQL_URL is reduced to its server). */
export const MYSQL_SERVER = serverUrl(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs statements directly on MariaDB (not through the gateway). */
  sql(statement: string): Promise<unknown>;
  drop(): Promise<void>;
}

export async function testDatabase(tag: string): Promise<TestDatabase> {
  const name = `m4_t_localdb_${tag}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(MYSQL_SERVER, name);
  return {
    name,
    url,
    sql: async (statement) => {
      const conn = await createConnection({ uri: url });
      try {
        const [rows] = await conn.query(statement);
        return rows;
      } finally {
        await conn.end();
      }
    },
    drop: () => dropDatabase(MYSQL_SERVER, name),
  };
}

type DriverFetch = NonNullable<Config['fetch']>;

/** The fetch a caller hands to `Client`: bounded by a timeout, optionally tagged with a request id. */
export function boundedFetch(timeoutMs = 500, requestId?: string): DriverFetch {
  return (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...init?.headers, ...(requestId ? { 'X-Request-Id': requestId } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
}
