import type { ContextQuery } from '@m4/http';
import { readRequestContext } from '@m4/schema';
import { Client } from '@planetscale/database';
import { drizzle } from 'drizzle-orm/planetscale-serverless';

/**
 * The database read of one request, through PlanetScale's serverless driver. A client per
 * request (a shared one would share session state across concurrent requests); its fetch is
 * cancelled by `signal` and carries the request id so the gateway (or a proxy) can tie the
 * statement to the request.
 */
export function readContextThroughPlanetScale(url: string, requestId: string) {
  return (query: ContextQuery, signal: AbortSignal) => {
    const client = new Client({
      url,
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('X-Request-Id', requestId);
        return fetch(input, { ...init, headers, signal });
      },
    });
    return readRequestContext(drizzle({ client }), query);
  };
}
