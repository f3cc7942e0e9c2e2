export type {
  OmittedUserColumn,
  ReturnedUser,
  ReturnedUserColumn,
  UserColumn,
  UserRecord,
} from './columns';
export { OMITTED_USER_COLUMNS, RETURNED_USER_COLUMNS, USER_COLUMNS } from './columns';
export type { RequestContextInput, RequestContextStatement } from './read';
export { requestContextStatement } from './read';
export { conflines, managerGroupRights, managerGroups, managerRights, users } from './tables';
