import { type Connection, createConnection } from 'mysql2/promise';
import { describeConnectionFailure } from './failure';
import { CALL_TIMEOUT_MS, type Road, RoadError, type Row, urlSecrets } from './road';

/**
 * The connection options the Node app's pool depends on (apps/node's REQUIRED_POOL_OPTIONS):
 * BIGINT as exact text, dates as the server's text, no time-zone conversion, utf8mb4. Restated
 * here because a package does not import an app; a test keeps the two equal.
 */
export const SERVICE_MYSQL_OPTIONS = {
  supportBigNumbers: true,
  bigNumberStrings: true,
  dateStrings: true,
  timezone: 'Z',
  charset: 'UTF8MB4_GENERAL_CI',
} as const;

/** `MYSQL_URL` through mysql2, as the Node app and a Hyperdrive binding read it. */
export async function openMysqlRoad(url: URL): Promise<Road> {
  const where = `mysql://${url.host}${url.pathname}`;
  let connection: Connection;
  try {
    connection = await createConnection({
      uri: url.href,
      ...SERVICE_MYSQL_OPTIONS,
      connectTimeout: CALL_TIMEOUT_MS,
    });
  } catch (error) {
    throw new RoadError(describeConnectionFailure(error, where, 'MYSQL_URL'));
  }
  // A connection that breaks between statements must not crash the process.
  connection.on('error', () => undefined);
  return {
    source: 'MYSQL_URL',
    driver: 'mysql2',
    where,
    secrets: urlSecrets(url),
    service: { driver: 'mysql2', connection },
    async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const [rows] = await connection.query({ sql, timeout: CALL_TIMEOUT_MS }, [...params]);
      return Array.isArray(rows) ? (rows as Row[]) : [];
    },
    async close() {
      await connection.end().catch(() => connection.destroy());
    },
  };
}
