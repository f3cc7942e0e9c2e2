import { MYSQL_READ_OPTIONS, readThroughMysql } from '@m4/database/mysql';
import { createPool, type Pool, type PoolConnection, type PoolOptions } from 'mysql2/promise';

/** A mysql2 pool over `MYSQL_URL` with the read's options ({@link MYSQL_READ_OPTIONS}) last. */
export function createMysqlPool(mysqlUrl: string, extra: PoolOptions = {}): Pool {
  return createPool({
    connectionLimit: 10,
    maxIdle: 10,
    idleTimeout: 60_000,
    enableKeepAlive: true,
    ...extra,
    uri: mysqlUrl,
    ...MYSQL_READ_OPTIONS,
  });
}

export interface PoolReadOptions {
  requestId: string;
  /** Called once per SQL statement sent for this request (tests count them). */
  onStatement?: ((requestId: string) => void) | undefined;
}

/** The database read of one request, on a connection of its own from `pool`. */
export function readContextThroughPool(pool: Pool, options: PoolReadOptions) {
  const { onStatement, requestId } = options;
  return readThroughMysql<PoolConnection>(
    { acquire: () => pool.getConnection(), release: (connection) => connection.release() },
    { onStatement: onStatement && (() => onStatement(requestId)) },
  );
}
