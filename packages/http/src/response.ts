import { type M4Error, type M4ErrorName, m4Error, type Outcome } from '@m4/core';
import type { ReturnedUser } from '@m4/schema';
import { renderErrorDocument, renderUserDocument } from '@m4/xml';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Seconds a client should wait before retrying, per status that asks for it. */
const RETRY_AFTER: Readonly<Record<number, string>> = { 429: '60', 503: '5' };

/** Every response of the method carries these (method spec §6). */
export function xmlHeaders(requestId: string, status: number): Headers {
  const headers = new Headers({
    'Content-Type': 'text/xml; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    [REQUEST_ID_HEADER]: requestId,
  });
  const retryAfter = RETRY_AFTER[status];
  if (retryAfter) headers.set('Retry-After', retryAfter);
  if (status === 405) headers.set('Allow', 'GET, POST');
  return headers;
}

export function outcomeResponse(outcome: Outcome<ReturnedUser>, requestId: string): Response {
  if (outcome.kind === 'ok') {
    return new Response(renderUserDocument(outcome.user), {
      status: 200,
      headers: xmlHeaders(requestId, 200),
    });
  }
  return m4ErrorResponse(outcome, requestId);
}

export function m4ErrorResponse(error: M4Error | M4ErrorName, requestId: string): Response {
  const e = typeof error === 'string' ? m4Error(error) : error;
  return new Response(renderErrorDocument(e.envelope, e.message), {
    status: e.status,
    headers: xmlHeaders(requestId, e.status),
  });
}
