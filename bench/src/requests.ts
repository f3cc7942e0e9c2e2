import { apiHash } from '@m4/core';
import { DEMO } from '@m4/schema/seed';
import type { HttpRequest } from './http-client';

export const METHOD_PATH = '/billing/api/user_details_raw_get';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The envelopes of method spec §5, written out here rather than taken from the renderer. */
export function filterDocument(text: string): string {
  return `${DECLARATION}<status>\n  <error>${text}</error>\n</status>\n`;
}

export function methodDocument(text: string): string {
  return `${DECLARATION}<page>\n  <status>\n    <error>${text}</error>\n  </status>\n</page>\n`;
}

export const SERVICE_UNAVAILABLE = filterDocument('Service temporarily unavailable');

const FORM = 'application/x-www-form-urlencoded';

export function formRequest(params: Record<string, string>, requestId?: string): HttpRequest {
  return {
    method: 'POST',
    path: METHOD_PATH,
    headers: {
      'content-type': FORM,
      ...(requestId !== undefined && { 'x-request-id': requestId }),
    },
    body: new URLSearchParams(params).toString(),
  };
}

/** POST u/user_id signed with `secret` (the demo secret by default). */
export async function signedForm(
  u: string,
  userId: string,
  secret: string = DEMO.secret,
): Promise<HttpRequest> {
  return formRequest({ u, user_id: userId, hash: await apiHash(u, userId, secret) });
}

export async function signedQuery(u: string, userId: string): Promise<HttpRequest> {
  const query = new URLSearchParams({
    u,
    user_id: userId,
    hash: await apiHash(u, userId, DEMO.secret),
  });
  return { method: 'GET', path: `${METHOD_PATH}?${query}` };
}

/** The same request with a request id header (the gateway counts statements per id). */
export function withRequestId(request: HttpRequest, requestId: string): HttpRequest {
  return { ...request, headers: { ...request.headers, 'x-request-id': requestId } };
}

/** Admin reads DEMO.user: the success path every latency figure measures. */
export function successRequest(): Promise<HttpRequest> {
  return signedForm(DEMO.admin.username, String(DEMO.user.id));
}

const NOT_AUTHORIZED = 'You are not authorized to view this page';

export type Expected = { status: number; body: string } | { status: 200; userId: number };

export interface OutcomeProbe {
  outcome: string;
  /** Global settings this probe needs (changed in the bench's own database, then restored). */
  settings?: Record<string, string>;
  request: HttpRequest;
  expect: Expected;
  /** Statements the database must see: 1 for everything that reads it, 0 for transport errors. */
  statements: number;
  /**
   * Answered before its body is read. Under `wrangler dev` that breaks the proxy's pooled
   * connection to the worker: the next POST gets the proxy's own 503 ("Your worker restarted
   * mid-request") and the next GET hangs. Such a probe is sent alone and followed by
   * DEV_PROXY_FLUSH, and left out of concurrent load.
   */
  leavesBodyUnread?: boolean;
}

/** A request that uses up the connection a 413 left broken in wrangler dev's proxy. */
export const DEV_PROXY_FLUSH: HttpRequest = { method: 'POST', path: '/health' };

/** One request per outcome the method has (short of the service's own faults). */
export async function outcomeProbes(): Promise<OutcomeProbe[]> {
  const d = DEMO;
  const method = (text: string) => ({ status: 200, body: methodDocument(text) });
  const filter = (text: string, status = 200) => ({ status, body: filterDocument(text) });
  return [
    {
      outcome: 'ok',
      request: await signedForm(d.admin.username, String(d.user.id)),
      expect: { status: 200, userId: d.user.id },
      statements: 1,
    },
    {
      outcome: 'ok (manager requester)',
      request: await signedForm(d.manager.username, String(d.userOfManager.id)),
      expect: { status: 200, userId: d.userOfManager.id },
      statements: 1,
    },
    {
      outcome: 'ok (GET)',
      request: await signedQuery(d.admin.username, String(d.user.id)),
      expect: { status: 200, userId: d.user.id },
      statements: 1,
    },
    {
      outcome: 'api_disabled',
      settings: { Allow_API: '0' },
      request: await signedForm(d.admin.username, String(d.user.id)),
      expect: filter('API Requests are disabled'),
      statements: 1,
    },
    {
      outcome: 'get_disabled',
      settings: { Allow_GET_API: '0' },
      request: await signedQuery(d.admin.username, String(d.user.id)),
      expect: filter('GET Requests are disabled'),
      statements: 1,
    },
    {
      outcome: 'secret_key_missing',
      settings: { API_Secret_Key: '' },
      request: await signedForm(d.admin.username, String(d.user.id), ''),
      expect: filter('API must have Secret Key'),
      statements: 1,
    },
    {
      outcome: 'incorrect_hash',
      request: formRequest({
        u: d.admin.username,
        user_id: String(d.user.id),
        hash: '0'.repeat(40),
      }),
      expect: filter('Incorrect hash'),
      statements: 1,
    },
    {
      outcome: 'unknown_requester',
      request: await signedForm('nobody_at_all', String(d.user.id)),
      expect: method('Access Denied'),
      statements: 1,
    },
    {
      outcome: 'not_privileged',
      request: await signedForm(d.user.username, String(d.userOfGroupFlag.id)),
      expect: method(NOT_AUTHORIZED),
      statements: 1,
    },
    {
      outcome: 'missing_users_right',
      request: await signedForm(
        d.managerWithoutRight.username,
        String(d.userOfManagerWithoutRight.id),
      ),
      expect: method(NOT_AUTHORIZED),
      statements: 1,
    },
    {
      outcome: 'user_not_found',
      request: await signedForm(d.admin.username, '999999999'),
      expect: method('User was not found'),
      statements: 1,
    },
    {
      outcome: 'self_access',
      request: await signedForm(d.admin.username, String(d.admin.id)),
      expect: method('Access Denied'),
      statements: 1,
    },
    {
      outcome: 'not_assigned',
      request: await signedForm(d.managerOwnFlag.username, String(d.userOfGroupFlag.id)),
      expect: method('Access Denied'),
      statements: 1,
    },
    {
      outcome: 'no_such_api',
      request: { ...(await signedForm(d.admin.username, '6')), path: '/billing/api/user_list' },
      expect: filter('There is no such API', 404),
      statements: 0,
    },
    {
      outcome: 'method_not_allowed',
      request: { ...(await signedForm(d.admin.username, '6')), method: 'PUT' },
      expect: filter('Method Not Allowed', 405),
      statements: 0,
    },
    {
      outcome: 'request_too_large',
      request: formRequest({ u: d.admin.username, user_id: '6', pad: 'x'.repeat(70_000) }),
      expect: filter('Request too large', 413),
      statements: 0,
      leavesBodyUnread: true,
    },
    {
      outcome: 'malformed_request',
      request: {
        method: 'POST',
        path: METHOD_PATH,
        headers: { 'content-type': 'application/json' },
        body: '{"u": "admin", ',
      },
      expect: filter('Malformed request', 400),
      statements: 0,
    },
  ];
}
