import type { RequestContext } from '@m4/core';
import type { ReturnedUser } from '@m4/schema';
import { readRequestContext } from '@m4/schema';
import { renderUserDocument } from '@m4/xml';
import { Client } from '@planetscale/database';
import { drizzle } from 'drizzle-orm/planetscale-serverless';

/** A `fetch` for the driver that tags every call with a request id (the gateway counts them). */
export function taggedFetch(requestId: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('X-Request-Id', requestId);
    return fetch(input, { ...init, headers });
  };
}

/** The context the worker reads for (username, userId), read the same way from Node. */
export function readContext(
  gatewayUrl: string,
  username: string,
  userId: string,
  requestId?: string,
): Promise<RequestContext<ReturnedUser>> {
  const client = new Client({
    url: gatewayUrl,
    ...(requestId !== undefined && { fetch: taggedFetch(requestId) }),
  });
  return readRequestContext(drizzle({ client }), { username, userId });
}

/** The gateway's raw JSON answer to the one statement for (username, userId). */
export async function recordExecuteResponse(
  gatewayUrl: string,
  username: string,
  userId: string,
): Promise<string> {
  let recorded: string | undefined;
  const client = new Client({
    url: gatewayUrl,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const text = await response.text();
      if (String(input).endsWith('/Execute')) recorded = text;
      return new Response(text, { status: response.status, headers: response.headers });
    },
  });
  await readRequestContext(drizzle({ client }), { username, userId });
  if (recorded === undefined) throw new Error('the driver sent no Execute call');
  return recorded;
}

/** The document the worker must answer for an admin reading `userId`. */
export async function expectedUserDocument(gatewayUrl: string, userId: number): Promise<string> {
  const context = await readContext(gatewayUrl, 'admin', String(userId));
  if (context.target === null) throw new Error(`user ${userId} is not in the bench database`);
  return renderUserDocument(context.target);
}
