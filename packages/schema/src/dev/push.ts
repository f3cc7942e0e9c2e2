import { fileURLToPath } from 'node:url';
import { createDatabase } from '@m4/localdb';
import { drizzle } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { connect, databaseName, ZERO_DATE_SQL_MODE } from './database';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Creates the database named in `mysqlUrl` if missing (utf8mb4, case-insensitive collation) and
 * applies the committed drizzle-kit migrations. Idempotent: applied migrations are skipped.
 */
export async function pushSchema(mysqlUrl: string): Promise<void> {
  await createDatabase(mysqlUrl, databaseName(mysqlUrl), { ifNotExists: true });
  // One connection, not a pool: the session's sql_mode must hold for every migration statement.
  const connection = await connect(mysqlUrl);
  try {
    await connection.query('SET SESSION sql_mode = ?', [ZERO_DATE_SQL_MODE]);
    await migrate(drizzle(connection), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await connection.end();
  }
}
