import { ensureTestMariadb } from '@m4/node/testing';

/** A MariaDB for the tests against the Node app (each file makes its own database). */
export async function setup(): Promise<() => Promise<void>> {
  const mariadb = await ensureTestMariadb();
  return () => mariadb.stop();
}
