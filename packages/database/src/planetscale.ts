import type { RequestContext } from '@m4/core';
import { type RequestContextInput, type ReturnedUser, requestContextStatement } from '@m4/schema';
import { connect } from '@planetscale/database';
import { formatStatement } from './format-statement';
import { onlyRow } from './row';

/** Built when the module loads (once per isolate), never per request. */
const statement = requestContextStatement();

export type ReadContext = (
  query: RequestContextInput,
  signal: AbortSignal,
) => Promise<RequestContext<ReturnedUser>>;

/**
 * One request's read through PlanetScale's HTTP API (or the local gateway that speaks it): the
 * prebuilt statement with this request's values bound. A connection of its own per call (the
 * driver's connection is only its config until a statement runs), whose fetch is cancelled by
 * `signal` and carries `requestId` as `X-Request-Id`, so concurrent requests share neither.
 * `send` is the fetch to send with (the global one; the bench replays a recorded answer).
 */
export function readThroughPlanetScale(
  url: string,
  requestId: string,
  send: typeof fetch = fetch,
): ReadContext {
  return async (query, signal) => {
    const connection = connect({
      url,
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('X-Request-Id', requestId);
        return send(input, { ...init, headers, signal });
      },
    });
    const sql = formatStatement(statement.params(query));
    const result = await connection.execute(sql, null, { as: 'array' });
    return statement.decode(onlyRow(result.rows));
  };
}
