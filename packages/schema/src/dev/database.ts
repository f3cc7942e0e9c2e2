import mysql from 'mysql2/promise';

export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/m4_dev';

/** No NO_ZERO_DATE / NO_ZERO_IN_DATE: M4's zero-date defaults and values must be accepted. */
export const ZERO_DATE_SQL_MODE = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION';

const DATABASE_NAME = /^[A-Za-z0-9_]{1,64}$/;

export function databaseName(mysqlUrl: string): string {
  const name = decodeURIComponent(new URL(mysqlUrl).pathname.replace(/^\//, ''));
  if (!DATABASE_NAME.test(name)) {
    throw new Error(`MYSQL_URL must name a database of [A-Za-z0-9_], got "${name}"`);
  }
  return name;
}

/** A connection that speaks utf8mb4 and hands BIGINT over as exact strings. */
export function connect(mysqlUrl: string): Promise<mysql.Connection> {
  return mysql.createConnection({
    uri: mysqlUrl,
    charset: 'UTF8MB4_GENERAL_CI',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
}
