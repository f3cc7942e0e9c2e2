import { type Envelope, M4_ERRORS, type M4ErrorName } from '@m4/core';

/**
 * One text that stands for several outcomes (method spec §3) is named after the text: a client
 * cannot tell an unknown requester from self access or an unassigned user, and should not.
 */
const SHARED_TEXT_KINDS = {
  'Access Denied': 'access_denied',
  'You are not authorized to view this page': 'not_authorized',
} as const;

type SharedTextKind = (typeof SHARED_TEXT_KINDS)[keyof typeof SHARED_TEXT_KINDS];
/** The outcomes whose text is shared (and so cannot be told apart from the document). */
type SharedTextName =
  | 'unknown_requester'
  | 'self_access'
  | 'not_assigned'
  | 'not_privileged'
  | 'missing_users_right';

/**
 * What an M4 error document says (method spec §3, §5, §6): the outcome's name from
 * `@m4/core`, the text's name where one text stands for several outcomes, or `other` for a
 * text this version does not know.
 */
export type M4ErrorKind = Exclude<M4ErrorName, SharedTextName> | SharedTextKind | 'other';

const KINDS: ReadonlyMap<string, M4ErrorKind> = new Map(
  Object.entries(M4_ERRORS).map(([name, { envelope, message }]) => [
    `${envelope}:${message}`,
    (SHARED_TEXT_KINDS[message as keyof typeof SHARED_TEXT_KINDS] ?? name) as M4ErrorKind,
  ]),
);

export function errorKindOf(envelope: Envelope, message: string): M4ErrorKind {
  return KINDS.get(`${envelope}:${message}`) ?? 'other';
}

/** Kinds that are the service's own faults: worth retrying after `Retry-After`. */
export function isServiceFault(kind: M4ErrorKind): boolean {
  return kind === 'service_unavailable' || kind === 'too_many_requests';
}
