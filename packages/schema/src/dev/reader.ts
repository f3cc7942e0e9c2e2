import { randomBytes } from 'node:crypto';
import { connect, databaseName } from './database';

/** Hosts a loopback client is known by: the address itself, or `localhost` when resolved. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'] as const;

export interface ReaderAccount {
  /** `mysqlUrl` with the reader's name and password in it. */
  mysqlUrl: string;
  user: string;
  /** Removes the account (tests; a dev stack keeps its account for the next start). */
  drop(): Promise<void>;
}

/**
 * A MariaDB/MySQL account that may only `SELECT` on the database of `mysqlUrl`: what a
 * Hyperdrive configuration should be given (and miniflare's local Hyperdrive needs a password,
 * which the dev `root` has not). Named after the database (`m4r_<database>`), created when
 * missing and reused otherwise; its password is new at every call, so nothing stores it.
 * `mysqlUrl` must carry an account that can create users and grant.
 */
export async function ensureReaderAccount(mysqlUrl: string): Promise<ReaderAccount> {
  const database = databaseName(mysqlUrl);
  const user = `m4r_${database}`.slice(0, 32);
  const password = randomBytes(18).toString('base64url');
  const admin = await connect(mysqlUrl);
  try {
    for (const host of LOOPBACK_HOSTS) {
      await admin.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [user, host, password]);
      await admin.query('ALTER USER ?@? IDENTIFIED BY ?', [user, host, password]);
      await admin.query(`GRANT SELECT ON \`${database}\`.* TO ?@?`, [user, host]);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(mysqlUrl);
  url.username = user;
  url.password = password;
  return {
    mysqlUrl: url.toString(),
    user,
    async drop() {
      const connection = await connect(mysqlUrl);
      try {
        for (const host of LOOPBACK_HOSTS) {
          await connection.query('DROP USER IF EXISTS ?@?', [user, host]);
        }
      } finally {
        await connection.end();
      }
    },
  };
}
