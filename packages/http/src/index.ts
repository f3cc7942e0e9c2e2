export { urlCredentials } from './credentials';
export { describeFault } from './fault';
export { type RequestLogLine, type RequestTrace, requestLogLine } from './log';
export { requestIdOf } from './request-id';
export { m4ErrorResponse, outcomeResponse, REQUEST_ID_HEADER, xmlHeaders } from './response';
export {
  type ContextQuery,
  DatabaseTimeoutError,
  type MethodDeps,
  type MethodResult,
  USER_DETAILS_RAW_GET_PATHS,
  userDetailsRawGet,
} from './user-details-raw-get';
