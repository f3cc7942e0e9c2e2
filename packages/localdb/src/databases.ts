import { createConnection } from 'mysql2/promise';

const NAME = /^[A-Za-z0-9_]+$/;
const SYSTEM = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new TypeError(`database name must match ${NAME}: ${JSON.stringify(name)}`);
  }
}

/** The same MySQL URL pointing at database `name`. */
export function withDatabaseName(mysqlUrl: string, name: string): string {
  checkName(name);
  const url = new URL(mysqlUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The same MySQL URL without a database (for server-level statements). */
export function serverUrl(mysqlUrl: string): string {
  const url = new URL(mysqlUrl);
  url.pathname = '';
  return url.toString();
}

async function onServer(mysqlUrl: string, sql: string): Promise<void> {
  const conn = await createConnection({ uri: serverUrl(mysqlUrl), connectTimeout: 5000 });
  try {
    await conn.query(sql);
  } finally {
    await conn.end().catch(() => conn.destroy());
  }
}

export interface CreateDatabaseOptions {
  /** Succeed when it exists already (default: fail, so a test never reuses someone's data). */
  ifNotExists?: boolean;
}

/** Creates database `name` (utf8mb4) on the server of `mysqlUrl`; returns the URL of it. */
export async function createDatabase(
  mysqlUrl: string,
  name: string,
  options: CreateDatabaseOptions = {},
): Promise<string> {
  checkName(name);
  const ifNotExists = options.ifNotExists ? 'IF NOT EXISTS ' : '';
  await onServer(
    mysqlUrl,
    `CREATE DATABASE ${ifNotExists}\`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`,
  );
  return withDatabaseName(mysqlUrl, name);
}

export async function dropDatabase(mysqlUrl: string, name: string): Promise<void> {
  checkName(name);
  if (SYSTEM.has(name.toLowerCase()))
    throw new TypeError(`refusing to drop system database ${name}`);
  await onServer(mysqlUrl, `DROP DATABASE IF EXISTS \`${name}\``);
}
