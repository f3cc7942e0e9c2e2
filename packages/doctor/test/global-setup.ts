import { ensureMariadb } from '@m4/localdb';
import { DEFAULT_MYSQL_URL } from '@m4/schema/dev';

/** The MariaDB here, or a private one where none runs (each test file makes its own databases). */
export async function setup(): Promise<() => Promise<void>> {
  const mariadb = await ensureMariadb({ mysqlUrl: process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL });
  return () => mariadb.stop();
}
