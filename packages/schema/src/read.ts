import type { RawSettings, RequestContext, Requester } from '@m4/core';
import { isUserId } from '@m4/core';
import type { Column, SQL } from 'drizzle-orm';
import { eq, Placeholder, sql } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/mysql-core';
import type { ReturnedUser } from './columns';
import { RETURNED_USER_COLUMNS } from './columns';
import { conflines, managerGroupRights, managerRights, users } from './tables';

export interface RequestContextInput {
  /** `u` as received; `null` when absent (no requester can match). */
  username: string | null;
  /** `user_id` as received; anything but 1–10 ASCII digits reads no target. */
  userId: string | null;
}

/**
 * The one statement that reads everything a request needs, built once: its text with `?`
 * markers, the values to bind for one request, and the decoding of its one row (as an array, in
 * select-list order) into the rules' context.
 */
export interface RequestContextStatement {
  readonly sql: string;
  /** The bound values for one request, in marker order (the constants included). */
  params(input: RequestContextInput): unknown[];
  /** The statement's one row, values as the driver cast them, into settings/requester/target. */
  decode(row: readonly unknown[]): RequestContext<ReturnedUser>;
}

const requesterRow = alias(users, 'r');
const targetRow = alias(users, 't');

/** `conflines.value` of a global setting; the lowest id wins when names repeat. */
function setting(name: string, as: string): SQL.Aliased<string | null> {
  return sql<
    string | null
  >`(SELECT ${conflines.value} FROM ${conflines} WHERE ${conflines.name} = ${name} AND ${conflines.owner_id} = 0 ORDER BY ${conflines.id} LIMIT 1)`.as(
    as,
  );
}

/** `manager_group_rights.value` of the requester's group for the right of that name. */
function groupRight(name: string, as: string): SQL.Aliased<number | string | null> {
  return sql<
    number | string | null
  >`(SELECT ${managerGroupRights.value} FROM ${managerGroupRights} INNER JOIN ${managerRights} ON ${managerRights.id} = ${managerGroupRights.manager_right_id} WHERE ${managerGroupRights.manager_group_id} = ${requesterRow.manager_group_id} AND ${managerRights.name} = ${name} ORDER BY ${managerGroupRights.id} LIMIT 1)`.as(
    as,
  );
}

// The select list, in order. The decoder walks the same lists, so the row's positions and the
// context's fields cannot drift apart.
const SETTINGS = {
  allowApi: setting('Allow_API', 'allow_api'),
  allowGetApi: setting('Allow_GET_API', 'allow_get_api'),
  secretKey: setting('API_Secret_Key', 'api_secret_key'),
  disableHashChecking: setting('API_Disable_hash_checking', 'api_disable_hash_checking'),
} satisfies Record<keyof RawSettings, SQL.Aliased>;

const REQUESTER = {
  id: requesterRow.id,
  usertype: requesterRow.usertype,
  showOnlyAssignedUsers: requesterRow.show_only_assigned_users,
  usersRight: groupRight('USERS_Users', 'users_right'),
  showOnlyAssignedRight: groupRight('Show_only_assigned_Users', 'show_only_assigned_right'),
} satisfies Record<keyof Requester, Column | SQL.Aliased>;

const TARGET = Object.fromEntries(RETURNED_USER_COLUMNS.map((name) => [name, targetRow[name]]));

const USERNAME = sql.placeholder('username');
const TARGET_ID = sql.placeholder('targetId');

/**
 * A one-row derived table LEFT JOINed to the requester (lowest id with that username) and to the
 * target, with scalar subqueries for the four settings and the requester's two group rights.
 */
function selectRequestContext() {
  return new QueryBuilder()
    .select({ settings: SETTINGS, requester: REQUESTER, target: TARGET })
    .from(sql`(SELECT 1) AS ${sql.identifier('one')}`)
    .leftJoin(
      requesterRow,
      eq(
        requesterRow.id,
        sql`(SELECT MIN(${users.id}) FROM ${users} WHERE ${users.username} = ${USERNAME})`,
      ),
    )
    .leftJoin(targetRow, sql`${targetRow.id} = ${TARGET_ID}`);
}

type Decode = (value: unknown) => unknown;

/** A column's own decoding (drizzle's, e.g. INT text to a number); computed fields pass as is. */
function decoderOf(field: Column | SQL.Aliased): Decode {
  if ('mapFromDriverValue' in field) return (value) => field.mapFromDriverValue(value);
  return (value) => value;
}

function decodersOf(fields: Record<string, Column | SQL.Aliased>) {
  return Object.entries(fields).map(([name, field]) => ({ name, decode: decoderOf(field) }));
}

/** `n` decoded values of `row` from `offset` on, as an object; NULL stays null. */
function decodeGroup<T>(
  row: readonly unknown[],
  offset: number,
  decoders: readonly { name: string; decode: Decode }[],
): T {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < decoders.length; i++) {
    const { name, decode } = decoders[i] as { name: string; decode: Decode };
    const value = row[offset + i];
    out[name] = value === null || value === undefined ? null : decode(value);
  }
  return out as T;
}

function buildRequestContextStatement(): RequestContextStatement {
  const query = selectRequestContext().toSQL();
  const template = [...query.params];
  const slot = (placeholder: Placeholder) => {
    const index = template.findIndex(
      (p) => p instanceof Placeholder && p.name === placeholder.name,
    );
    if (index < 0) throw new Error(`the statement has no ${placeholder.name} parameter`);
    return index;
  };
  const usernameAt = slot(USERNAME);
  const targetIdAt = slot(TARGET_ID);

  const settings = decodersOf(SETTINGS);
  const requester = decodersOf(REQUESTER);
  const target = decodersOf(TARGET);
  const requesterAt = settings.length;
  const targetAt = requesterAt + requester.length;
  const width = targetAt + target.length;

  return {
    sql: query.sql,
    params(input) {
      const params = template.slice();
      params[usernameAt] = input.username;
      params[targetIdAt] = isUserId(input.userId) ? Number(input.userId) : null;
      return params;
    },
    decode(row) {
      if (row.length !== width) {
        throw new Error(`request context row has ${row.length} fields, expected ${width}`);
      }
      // A LEFT JOIN that matched nothing leaves the row's primary key NULL.
      return {
        settings: decodeGroup<RawSettings>(row, 0, settings),
        requester:
          row[requesterAt] == null ? null : decodeGroup<Requester>(row, requesterAt, requester),
        target: row[targetAt] == null ? null : decodeGroup<ReturnedUser>(row, targetAt, target),
      };
    },
  };
}

let built: RequestContextStatement | undefined;

/**
 * The request-context statement, built on first use and then kept for the life of the isolate
 * or process: per request only {@link RequestContextStatement.params} runs, never the builder.
 */
export function requestContextStatement(): RequestContextStatement {
  built ??= buildRequestContextStatement();
  return built;
}
