/**
 * One request's in-process work, the same in Node and in workerd: build the Request, run the
 * method (readParams, decide with its SHA-1, render) and read the response body. In `method`
 * mode the database read returns a context read beforehand; in `driver` mode it goes through
 * the worker's own read (@m4/database/planetscale: the prebuilt statement bound, the gateway's
 * recorded answer decoded and cast by @planetscale/database, the row mapped), with only the
 * network left out. Web-standard only, so the bench's cost worker bundles it as is.
 */
import type { RequestContext } from '@m4/core';
import { readThroughPlanetScale } from '@m4/database/planetscale';
import { type ContextQuery, userDetailsRawGet } from '@m4/http';
import type { ReturnedUser } from '@m4/schema';

export interface CostInput {
  context: RequestContext<ReturnedUser>;
  /** The form body the request carries (u, user_id, hash). */
  form: string;
  /** The gateway's JSON answer to the request's one statement, replayed in `driver` mode. */
  executeResponse: string;
}

export type CostMode = 'method' | 'driver';

const URL_OF_METHOD = 'https://m4.example.com/billing/api/user_details_raw_get';
const HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_HEADERS = { 'content-type': 'application/json' };

/** The worker's own read, its fetch answered with the recorded response. */
function replayedRead(executeResponse: string) {
  const replay: typeof fetch = async () =>
    new Response(executeResponse, { status: 200, headers: JSON_HEADERS });
  return (query: ContextQuery, signal: AbortSignal) =>
    readThroughPlanetScale('http://bench:bench@database.invalid', 'bench', replay)(query, signal);
}

/** Returns the response body's length, which the caller checks (and so cannot be optimised away). */
export function costIteration(input: CostInput, mode: CostMode = 'method'): () => Promise<number> {
  const deps = {
    readContext:
      mode === 'method' ? async () => input.context : replayedRead(input.executeResponse),
    timeoutMs: 5000,
    clientKey: 'bench',
  };
  return async () => {
    const request = new Request(URL_OF_METHOD, {
      method: 'POST',
      headers: HEADERS,
      body: input.form,
    });
    const result = await userDetailsRawGet(request, 'bench', deps);
    if (result.trace.outcome !== 'ok') {
      throw new Error(`cost iteration answered ${result.trace.outcome}`);
    }
    return (await result.response.text()).length;
  };
}
