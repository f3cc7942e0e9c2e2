import { MYSQL_READ_OPTIONS, readThroughMysql } from '@m4/database/mysql';
import type { ContextQuery } from '@m4/http';
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
    try {
      options.onStatement?.(options.requestId);
      const context = await readThroughMysql(connection, query, signal);
      connection.release();
      return context;
    } catch (error) {
      connection.destroy();
      throw error;
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
