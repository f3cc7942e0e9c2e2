import type { Outcome } from './decide';

/** `filter`: a bare `<status>` document; `method`: `<page><status>` (method spec §5). */
export type Envelope = 'filter' | 'method';

export type M4ErrorName =
  | 'no_such_api'
  | 'method_not_allowed'
  | 'request_too_large'
  | 'malformed_request'
  | 'api_disabled'
  | 'get_disabled'
  | 'secret_key_missing'
  | 'incorrect_hash'
  | 'unknown_requester'
  | 'not_privileged'
  | 'missing_users_right'
  | 'user_not_found'
  | 'self_access'
  | 'not_assigned'
  | 'service_unavailable'
  | 'too_many_requests';

export interface M4Error {
  kind: 'error';
  name: M4ErrorName;
  status: number;
  envelope: Envelope;
  message: string;
}

type Entry = Readonly<Omit<M4Error, 'kind' | 'name'>>;

const NOT_AUTHORIZED = 'You are not authorized to view this page';
const ACCESS_DENIED = 'Access Denied';

/** Every non-success outcome: HTTP status, envelope and text, in one place. */
export const M4_ERRORS: { readonly [N in M4ErrorName]: Entry } = Object.freeze({
  // transport (method spec §1)
  no_such_api: Object.freeze({ status: 404, envelope: 'filter', message: 'There is no such API' }),
  method_not_allowed: Object.freeze({
    status: 405,
    envelope: 'filter',
    message: 'Method Not Allowed',
  }),
  request_too_large: Object.freeze({
    status: 413,
    envelope: 'filter',
    message: 'Request too large',
  }),
  malformed_request: Object.freeze({
    status: 400,
    envelope: 'filter',
    message: 'Malformed request',
  }),
  // decision rows 1–4 (method spec §3)
  api_disabled: Object.freeze({
    status: 200,
    envelope: 'filter',
    message: 'API Requests are disabled',
  }),
  get_disabled: Object.freeze({
    status: 200,
    envelope: 'filter',
    message: 'GET Requests are disabled',
  }),
  secret_key_missing: Object.freeze({
    status: 200,
    envelope: 'filter',
    message: 'API must have Secret Key',
  }),
  incorrect_hash: Object.freeze({ status: 200, envelope: 'filter', message: 'Incorrect hash' }),
  // decision rows 5–10
  unknown_requester: Object.freeze({ status: 200, envelope: 'method', message: ACCESS_DENIED }),
  not_privileged: Object.freeze({ status: 200, envelope: 'method', message: NOT_AUTHORIZED }),
  missing_users_right: Object.freeze({ status: 200, envelope: 'method', message: NOT_AUTHORIZED }),
  user_not_found: Object.freeze({ status: 200, envelope: 'method', message: 'User was not found' }),
  self_access: Object.freeze({ status: 200, envelope: 'method', message: ACCESS_DENIED }),
  not_assigned: Object.freeze({ status: 200, envelope: 'method', message: ACCESS_DENIED }),
  // the service's own faults (method spec §6)
  service_unavailable: Object.freeze({
    status: 503,
    envelope: 'filter',
    message: 'Service temporarily unavailable',
  }),
  too_many_requests: Object.freeze({
    status: 429,
    envelope: 'filter',
    message: 'Too many requests',
  }),
});

export function m4Error(name: M4ErrorName): M4Error {
  const { status, envelope, message } = M4_ERRORS[name];
  return { kind: 'error', name, status, envelope, message };
}

/** Outcomes a rate limiter counts as failed authentication: `incorrect_hash`, `unknown_requester`. */
export function isFailedAuthentication(outcome: Outcome<unknown>): boolean {
  return (
    outcome.kind === 'error' &&
    (outcome.name === 'incorrect_hash' || outcome.name === 'unknown_requester')
  );
}
