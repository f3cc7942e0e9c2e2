/**
 * The service's own statement, run the way the apps run it. This is the one place that knows
 * how @m4/schema builds and runs it: when that API changes, only this file changes.
 */
import { randomBytes } from 'node:crypto';
import { readRequestContext } from '@m4/schema';
import type { Client } from '@planetscale/database';
import { drizzle as drizzleMysql } from 'drizzle-orm/mysql2';
import { drizzle as drizzlePlanetScale } from 'drizzle-orm/planetscale-serverless';
import type { Connection } from 'mysql2/promise';

export type ServiceClient =
  | { driver: 'mysql2'; connection: Connection }
  | { driver: '@planetscale/database'; client: Client };

/**
 * Runs the one statement once, for a username that does not exist and no user id, so it reads
 * the settings and the rights' subqueries and every returned column's name but no user row.
 * Rejects when the database refuses it (a missing table or column) or answers unexpectedly.
 */
export async function runServiceStatement(service: ServiceClient): Promise<void> {
  const input = { username: `m4-doctor-${randomBytes(8).toString('hex')}`, userId: null };
  const context =
    service.driver === 'mysql2'
      ? await readRequestContext(drizzleMysql({ client: service.connection }), input)
      : await readRequestContext(drizzlePlanetScale({ client: service.client }), input);
  if (context.requester !== null || context.target !== null) {
    throw new Error('the statement found a user for a username that does not exist');
  }
}
