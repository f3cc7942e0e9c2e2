/**
 * The service's own statement, run through the service's own read (@m4/database): the statement
 * built once by @m4/schema, bound and sent by the same code the apps use.
 */
import { randomBytes } from 'node:crypto';
import type { ReadContext } from '@m4/database/planetscale';
import { CALL_TIMEOUT_MS } from './road';

/** One road's read, as the apps make it: (query, signal) → context. */
export type ServiceRead = ReadContext;

/**
 * Runs the one statement once, for a username that does not exist and no user id, so it reads
 * the settings and the rights' subqueries and every returned column's name but no user row.
 * Rejects when the database refuses it (a missing table or column) or answers unexpectedly.
 */
export async function runServiceStatement(read: ServiceRead): Promise<void> {
  const input = { username: `m4-doctor-${randomBytes(8).toString('hex')}`, userId: null };
  const context = await read(input, AbortSignal.timeout(CALL_TIMEOUT_MS));
  if (context.requester !== null || context.target !== null) {
    throw new Error('the statement found a user for a username that does not exist');
  }
}
