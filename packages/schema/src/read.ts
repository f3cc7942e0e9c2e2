import type { RequestContext, Requester } from '@m4/core';
import { isUserId } from '@m4/core';
import type { TablesRelationalConfig } from 'drizzle-orm';
import { eq, sql } from 'drizzle-orm';
import type {
  MySqlDatabase,
  MySqlQueryResultHKT,
  PreparedQueryHKTBase,
} from 'drizzle-orm/mysql-core';
import { alias } from 'drizzle-orm/mysql-core';
import type { ReturnedUser, ReturnedUserColumn } from './columns';
import { RETURNED_USER_COLUMNS } from './columns';
import { conflines, managerGroupRights, managerRights, users } from './tables';

export interface RequestContextInput {
  /** `u` as received; `null` when absent (no requester can match). */
  username: string | null;
  /** `user_id` as received; anything but 1–10 ASCII digits reads no target. */
  userId: string | null;
}

const requesterRow = alias(users, 'r');
const targetRow = alias(users, 't');

const targetColumns = Object.fromEntries(
  RETURNED_USER_COLUMNS.map((name) => [name, targetRow[name]]),
) as { [K in ReturnedUserColumn]: (typeof targetRow)[K] };

/** `conflines.value` of a global setting; the lowest id wins when names repeat. */
function setting(name: string) {
  return sql<
    string | null
  >`(SELECT ${conflines.value} FROM ${conflines} WHERE ${conflines.name} = ${name} AND ${conflines.owner_id} = 0 ORDER BY ${conflines.id} LIMIT 1)`;
}

/** `manager_group_rights.value` of the requester's group for the right of that name. */
function groupRight(name: string) {
  return sql<
    number | string | null
  >`(SELECT ${managerGroupRights.value} FROM ${managerGroupRights} INNER JOIN ${managerRights} ON ${managerRights.id} = ${managerGroupRights.manager_right_id} WHERE ${managerGroupRights.manager_group_id} = ${requesterRow.manager_group_id} AND ${managerRights.name} = ${name} ORDER BY ${managerGroupRights.id} LIMIT 1)`;
}

/**
 * The one statement that reads everything a request needs: a one-row derived table LEFT JOINed
 * to the requester (lowest id with that username) and to the target, with scalar subqueries for
 * the four settings and the requester's two group rights. Its text is the same for every input;
 * only the bound parameters change.
 */
export function requestContextQuery<
  TQueryResult extends MySqlQueryResultHKT,
  TPrepared extends PreparedQueryHKTBase,
  TFullSchema extends Record<string, unknown>,
  TSchema extends TablesRelationalConfig,
>(db: MySqlDatabase<TQueryResult, TPrepared, TFullSchema, TSchema>, input: RequestContextInput) {
  const targetId = isUserId(input.userId) ? Number(input.userId) : null;
  return db
    .select({
      settings: {
        allowApi: setting('Allow_API'),
        allowGetApi: setting('Allow_GET_API'),
        secretKey: setting('API_Secret_Key'),
        disableHashChecking: setting('API_Disable_hash_checking'),
      },
      requester: {
        id: requesterRow.id,
        usertype: requesterRow.usertype,
        showOnlyAssignedUsers: requesterRow.show_only_assigned_users,
        usersRight: groupRight('USERS_Users'),
        showOnlyAssignedRight: groupRight('Show_only_assigned_Users'),
      },
      target: targetColumns,
    })
    .from(sql`(SELECT 1) AS ${sql.identifier('one')}`)
    .leftJoin(
      requesterRow,
      eq(
        requesterRow.id,
        sql`(SELECT MIN(${users.id}) FROM ${users} WHERE ${users.username} = ${input.username})`,
      ),
    )
    .leftJoin(targetRow, sql`${targetRow.id} = ${targetId}`);
}

/** Reads settings, requester and target in exactly one SQL statement (one round trip). */
export async function readRequestContext<
  TQueryResult extends MySqlQueryResultHKT,
  TPrepared extends PreparedQueryHKTBase,
  TFullSchema extends Record<string, unknown>,
  TSchema extends TablesRelationalConfig,
>(
  db: MySqlDatabase<TQueryResult, TPrepared, TFullSchema, TSchema>,
  input: RequestContextInput,
): Promise<RequestContext<ReturnedUser>> {
  const rows = await requestContextQuery(db, input);
  const row = rows[0];
  if (row === undefined) {
    throw new Error('request context query returned no row');
  }
  const requester: Requester | null = row.requester;
  const target: ReturnedUser | null = row.target;
  return { settings: row.settings, requester, target };
}
