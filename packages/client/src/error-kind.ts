import type { Envelope } from '@m4/core';

/**
 * What an M4 error document says, named after its text (method spec §3, §5, §6). Where one text
 * stands for several conditions (`Access Denied`: unknown requester, self access, not assigned;
 * `You are not authorized…`: not privileged, no users right) the kind is that text's name;
 * `other` is a text this version does not know.
 */
export type M4ErrorKind =
  | 'no_such_api'
  | 'method_not_allowed'
  | 'request_too_large'
  | 'malformed_request'
  | 'api_disabled'
  | 'get_disabled'
  | 'secret_key_missing'
  | 'incorrect_hash'
  | 'access_denied'
  | 'not_authorized'
  | 'user_not_found'
  | 'service_unavailable'
  | 'too_many_requests'
  | 'other';

const KINDS: Readonly<Record<string, M4ErrorKind>> = {
  'filter:There is no such API': 'no_such_api',
  'filter:Method Not Allowed': 'method_not_allowed',
  'filter:Request too large': 'request_too_large',
  'filter:Malformed request': 'malformed_request',
  'filter:API Requests are disabled': 'api_disabled',
  'filter:GET Requests are disabled': 'get_disabled',
  'filter:API must have Secret Key': 'secret_key_missing',
  'filter:Incorrect hash': 'incorrect_hash',
  'method:Access Denied': 'access_denied',
  'method:You are not authorized to view this page': 'not_authorized',
  'method:User was not found': 'user_not_found',
  'filter:Service temporarily unavailable': 'service_unavailable',
  'filter:Too many requests': 'too_many_requests',
};

export function errorKindOf(envelope: Envelope, message: string): M4ErrorKind {
  return KINDS[`${envelope}:${message}`] ?? 'other';
}

/** Kinds that are the service's own faults: worth retrying after `Retry-After`. */
export function isServiceFault(kind: M4ErrorKind): boolean {
  return kind === 'service_unavailable' || kind === 'too_many_requests';
}
