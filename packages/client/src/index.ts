export {
  createM4Client,
  DEFAULT_PATH,
  DEFAULT_TIMEOUT_MS,
  type M4Client,
  type M4ClientOptions,
  type M4ErrorDetails,
  type UserDetailsInput,
  type UserDetailsResult,
} from './client';
export { type M4Document, type M4User, parseM4Document } from './document';
export { errorKindOf, isServiceFault, type M4ErrorKind } from './error-kind';
export { M4TransportError, type TransportFailure } from './transport-error';
