export type { RawSettings, Requester, RequestContext, TargetRef } from './context';
export { isUserId } from './user-id';
