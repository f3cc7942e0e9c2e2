import { ensureTestMariadb } from '../src/testing';

/** A MariaDB that answers for every test file (each creates and drops its own database). */
export async function setup(): Promise<() => Promise<void>> {
  const mariadb = await ensureTestMariadb();
  return () => mariadb.stop();
}
