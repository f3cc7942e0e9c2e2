import { MYSQL_READ_OPTIONS, readThroughMysql } from '@m4/database/mysql';
import { type Connection, createConnection } from 'mysql2/promise';
import { describeConnectionFailure } from './failure';
import { CALL_TIMEOUT_MS, type Road, RoadError, type Row, urlSecrets } from './road';

/** `MYSQL_URL` through mysql2, as the Node app and a Hyperdrive binding read it. */
export async function openMysqlRoad(url: URL): Promise<Road> {
  const where = `mysql://${url.host}${url.pathname}`;
  const options = { uri: url.href, connectTimeout: CALL_TIMEOUT_MS, ...MYSQL_READ_OPTIONS };
  let connection: Connection;
  try {
    connection = await createConnection(options);
  } catch (error) {
    throw new RoadError(describeConnectionFailure(error, where, 'MYSQL_URL'));
  }
  // A connection that breaks between statements must not crash the process.
  connection.on('error', () => undefined);
  // The service's read gets a connection of its own, as in the apps: a failed read destroys it
  // (the next run opens another) without taking the inspection's connection down with it.
  let serviceConnection: Promise<Connection> | undefined;
  const read = readThroughMysql({
    acquire: () => {
      serviceConnection ??= createConnection(options).then((opened) => {
        opened.on('error', () => undefined);
        return opened;
      });
      return serviceConnection;
    },
    release: () => {},
  });
  return {
    source: 'MYSQL_URL',
    driver: 'mysql2',
    where,
    secrets: urlSecrets(url),
    service: async (query, signal) => {
      try {
        return await read(query, signal);
      } catch (error) {
        serviceConnection = undefined;
        throw error;
      }
    },
    async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const [rows] = await connection.query({ sql, timeout: CALL_TIMEOUT_MS }, [...params]);
      return Array.isArray(rows) ? (rows as Row[]) : [];
    },
    async close() {
      await connection.end().catch(() => connection.destroy());
      const service = await serviceConnection?.catch(() => undefined);
      await service?.end().catch(() => service.destroy());
    },
  };
}
