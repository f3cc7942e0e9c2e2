import type { ContextQuery } from '@m4/http';
import { readRequestContext } from '@m4/schema';
import { drizzle } from 'drizzle-orm/mysql2';
import { createPool, type Pool, type PoolConnection, type PoolOptions } from 'mysql2/promise';

/**
 * Connection options the M4 read depends on: BIGINT as exact text, DATE/DATETIME (zero dates
 * too) as the server's text, no time-zone conversion, and utf8mb4 on the wire. They are applied
 * after `extra`, so a caller cannot switch them off.
 */
export const REQUIRED_POOL_OPTIONS = {
  supportBigNumbers: true,
  bigNumberStrings: true,
  dateStrings: true,
  timezone: 'Z',
  charset: 'UTF8MB4_GENERAL_CI',
} as const satisfies PoolOptions;

/** A mysql2 pool over `MYSQL_URL` with the options of {@link REQUIRED_POOL_OPTIONS}. */
export function createMysqlPool(mysqlUrl: string, extra: PoolOptions = {}): Pool {
  return createPool({
    connectionLimit: 10,
    maxIdle: 10,
    idleTimeout: 60_000,
    enableKeepAlive: true,
    ...extra,
    uri: mysqlUrl,
    ...REQUIRED_POOL_OPTIONS,
  });
}

export interface PoolReadOptions {
  requestId: string;
  /** Called once per SQL statement sent for this request (tests count them). */
  onStatement?: ((requestId: string) => void) | undefined;
}

/**
 * The database read of one request, on a connection of its own from `pool`. When `signal`
 * fires (the handler's timeout) the connection is destroyed, which ends a stalled read and keeps
 * a half-answered connection out of the pool; a connection that arrives after the signal is
 * released unused. A failed read destroys its connection too: the statement is fixed, so any
 * error is the connection's or the server's, never the query's.
 */
export function readContextThroughPool(pool: Pool, options: PoolReadOptions) {
  return async (query: ContextQuery, signal: AbortSignal) => {
    const connection = await acquire(pool, signal);
    const destroy = () => connection.destroy();
    signal.addEventListener('abort', destroy, { once: true });
    try {
      const { onStatement, requestId } = options;
      const db = drizzle({
        client: connection,
        logger: { logQuery: () => onStatement?.(requestId) },
      });
      const context = await readRequestContext(db, query);
      connection.release();
      return context;
    } catch (error) {
      connection.destroy();
      throw error;
    } finally {
      signal.removeEventListener('abort', destroy);
    }
  };
}

function acquire(pool: Pool, signal: AbortSignal): Promise<PoolConnection> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    pool.getConnection().then(
      (connection) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) connection.release();
        else resolve(connection);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
