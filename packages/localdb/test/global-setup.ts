import { ensureMariadb } from '../src/mariadb';
import { MYSQL_SERVER } from './support';

let stop: (() => Promise<void>) | undefined;

/** Uses the MariaDB that runs here (or starts the project's private one where none does). */
export async function setup(): Promise<void> {
  stop = (await ensureMariadb({ mysqlUrl: MYSQL_SERVER })).stop;
}

export async function teardown(): Promise<void> {
  await stop?.();
}
