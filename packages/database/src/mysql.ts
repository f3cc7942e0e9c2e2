import type { RequestContext } from '@m4/core';
import { type RequestContextInput, type ReturnedUser, requestContextStatement } from '@m4/schema';
import type { Connection, ConnectionOptions } from 'mysql2/promise';
import { onlyRow } from './row';

/** Built when the module loads (once per isolate or process), never per request. */
const statement = requestContextStatement();

/**
 * Connection options the read depends on: BIGINT as exact text, DATE/DATETIME (zero dates
 * too) as the server's text, no time-zone conversion, and utf8mb4 on the wire. Spread them last
 * into a pool's or a connection's options, so that nothing can switch them off.
 */
export const MYSQL_READ_OPTIONS = {
  supportBigNumbers: true,
  bigNumberStrings: true,
  dateStrings: true,
  timezone: 'Z',
  charset: 'UTF8MB4_GENERAL_CI',
} as const satisfies ConnectionOptions;

/** Where one read gets its connection (made with {@link MYSQL_READ_OPTIONS}) and returns it. */
export interface MysqlConnections<C extends Connection> {
  /** A connection for one read: from a pool, or a new one (Hyperdrive pools on its side). */
  acquire(): Promise<C>;
  /** Takes back a connection whose read succeeded (a pool's release, or ending one's own). */
  release(connection: C): void;
}

export interface MysqlReadOptions {
  /** Called just before the statement is sent (the Node app's tests count statements). */
  onStatement?: (() => void) | undefined;
}

/**
 * One request's read through mysql2: the prebuilt statement with the request's values bound, on
 * a connection of its own. When `signal` fires (the handler's timeout) the connection is
 * destroyed, which ends a stalled read and keeps a half-answered connection out of any pool; a
 * connection that arrives after the signal is given back unused. A failed read destroys its
 * connection too: the statement is fixed, so any error is the connection's or the server's.
 */
export function readThroughMysql<C extends Connection>(
  connections: MysqlConnections<C>,
  options: MysqlReadOptions = {},
) {
  return async (
    query: RequestContextInput,
    signal: AbortSignal,
  ): Promise<RequestContext<ReturnedUser>> => {
    const connection = await acquire(connections, signal);
    const destroy = () => connection.destroy();
    signal.addEventListener('abort', destroy, { once: true });
    try {
      options.onStatement?.();
      const [rows] = await connection.query({
        sql: statement.sql,
        values: statement.params(query),
        rowsAsArray: true,
      });
      if (!Array.isArray(rows)) throw new Error('request context statement answered no rows');
      const context = statement.decode(onlyRow(rows));
      connections.release(connection);
      return context;
    } catch (error) {
      connection.destroy();
      throw error;
    } finally {
      signal.removeEventListener('abort', destroy);
    }
  };
}

function acquire<C extends Connection>(
  connections: MysqlConnections<C>,
  signal: AbortSignal,
): Promise<C> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    connections.acquire().then(
      (connection) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) connections.release(connection);
        else resolve(connection);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
