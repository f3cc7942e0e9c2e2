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

/**
 * One request's read on a mysql2 connection (made with {@link MYSQL_READ_OPTIONS}): the
 * prebuilt statement with this request's values bound. When `signal` fires the connection is
 * destroyed, which ends a stalled read; the caller owns the connection otherwise (release it to
 * its pool, or end it).
 */
export async function readThroughMysql(
  connection: Connection,
  query: RequestContextInput,
  signal?: AbortSignal,
): Promise<RequestContext<ReturnedUser>> {
  signal?.throwIfAborted();
  const destroy = () => connection.destroy();
  signal?.addEventListener('abort', destroy, { once: true });
  try {
    const [rows] = await connection.query({
      sql: statement.sql,
      values: statement.params(query),
      rowsAsArray: true,
    });
    if (!Array.isArray(rows)) throw new Error('request context statement answered no rows');
    return statement.decode(onlyRow(rows));
  } finally {
    signal?.removeEventListener('abort', destroy);
  }
}
