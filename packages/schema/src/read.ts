import type { RawSettings, RequestContext, Requester } from '@m4/core';
import { isUserId } from '@m4/core';
import type { ReturnedUser } from './columns';
import {
  REQUEST_CONTEXT_FIELDS,
  REQUEST_CONTEXT_PARAMS,
  REQUEST_CONTEXT_SQL,
} from './request-context.generated';
import { users } from './tables';

export interface RequestContextInput {
  /** `u` as received; `null` when absent (no requester can match). */
  username: string | null;
  /** `user_id` as received; anything but 1–10 ASCII digits reads no target. */
  userId: string | null;
}

/**
 * The one statement that reads everything a request needs: its text with `?` markers, the
 * values to bind for one request, and the decoding of its one row (as an array, in select-list
 * order) into the rules' context.
 */
export interface RequestContextStatement {
  readonly sql: string;
  /** The bound values for one request, in marker order (the constants included). */
  params(input: RequestContextInput): unknown[];
  /** The statement's one row, values as the driver cast them, into settings/requester/target. */
  decode(row: readonly unknown[]): RequestContext<ReturnedUser>;
}

type Decode = (value: unknown) => unknown;
type Group = (typeof REQUEST_CONTEXT_FIELDS)[number][0];
interface Field {
  name: string;
  decode: Decode;
}

const asIs: Decode = (value) => value;

/** A `users` column's own decoding (drizzle's: INT text to a number, …); computed fields as is. */
function decoderOf(column: string | null): Decode {
  if (column === null) return asIs;
  const decoder = users[column as keyof typeof users._.columns];
  if (decoder === undefined) throw new Error(`the statement selects an unknown column ${column}`);
  return (value) => decoder.mapFromDriverValue(value);
}

/** `n` decoded values of `row` from `offset` on, as an object; NULL stays null. */
function decodeGroup<T>(row: readonly unknown[], offset: number, fields: readonly Field[]): T {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const { name, decode } = fields[i] as Field;
    const value = row[offset + i];
    out[name] = value === null || value === undefined ? null : decode(value);
  }
  return out as T;
}

function buildRequestContextStatement(): RequestContextStatement {
  const template: unknown[] = [...REQUEST_CONTEXT_PARAMS];
  const slot = (name: string) => {
    const index = REQUEST_CONTEXT_PARAMS.findIndex(
      (param) => typeof param === 'object' && param.placeholder === name,
    );
    if (index < 0) throw new Error(`the statement has no ${name} parameter`);
    return index;
  };
  const usernameAt = slot('username');
  const targetIdAt = slot('targetId');

  const groups: Record<Group, Field[]> = { settings: [], requester: [], target: [] };
  for (const [group, name, column] of REQUEST_CONTEXT_FIELDS) {
    groups[group].push({ name, decode: decoderOf(column) });
  }
  const requesterAt = groups.settings.length;
  const targetAt = requesterAt + groups.requester.length;
  const width = REQUEST_CONTEXT_FIELDS.length;

  return {
    sql: REQUEST_CONTEXT_SQL,
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
        settings: decodeGroup<RawSettings>(row, 0, groups.settings),
        requester:
          row[requesterAt] == null
            ? null
            : decodeGroup<Requester>(row, requesterAt, groups.requester),
        target:
          row[targetAt] == null ? null : decodeGroup<ReturnedUser>(row, targetAt, groups.target),
      };
    },
  };
}

let built: RequestContextStatement | undefined;

/**
 * The request-context statement. Its text, parameters and select list are built by drizzle from
 * the tables at generate time (`pnpm --filter @m4/schema generate`, src/request-context.generated.ts;
 * a test fails when they are stale); the first call prepares its binding and decoding, which
 * every later call of the isolate or process reuses: per request only
 * {@link RequestContextStatement.params} and {@link RequestContextStatement.decode} run.
 */
export function requestContextStatement(): RequestContextStatement {
  built ??= buildRequestContextStatement();
  return built;
}
