import type { RequestContext } from '@m4/core';
import { readThroughPlanetScale } from '@m4/database/planetscale';
import type { ReturnedUser } from '@m4/schema';
import { renderUserDocument } from '@m4/xml';

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
  const read = readThroughPlanetScale(gatewayUrl, requestId ?? `bench-${crypto.randomUUID()}`);
  return read({ username, userId }, new AbortController().signal);
}

/** The gateway's raw JSON answer to the one statement for (username, userId). */
export async function recordExecuteResponse(
  gatewayUrl: string,
  username: string,
  userId: string,
): Promise<string> {
  let recorded: string | undefined;
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.text();
    if (String(input).endsWith('/Execute')) recorded = text;
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const read = readThroughPlanetScale(gatewayUrl, `bench-${crypto.randomUUID()}`, recording);
  await read({ username, userId }, new AbortController().signal);
  if (recorded === undefined) throw new Error('the driver sent no Execute call');
  return recorded;
}

/** The document the worker must answer for an admin reading `userId`. */
export async function expectedUserDocument(gatewayUrl: string, userId: number): Promise<string> {
  const context = await readContext(gatewayUrl, 'admin', String(userId));
  if (context.target === null) throw new Error(`user ${userId} is not in the bench database`);
  return renderUserDocument(context.target);
}
