/**
 * What one request reads from the database, as the rules need it. `packages/schema` reads it
 * in one statement; values arrive as the driver casts them (numbers or strings), so every
 * numeric field accepts both.
 */

/** The four global settings (`conflines`, `owner_id = 0`, lowest `id` wins), raw values. */
export interface RawSettings {
  allowApi: string | null;
  allowGetApi: string | null;
  secretKey: string | null;
  disableHashChecking: string | null;
}

type DbInt = number | string | null;

/** The row whose `username = u` (lowest id), with its group's two rights. */
export interface Requester {
  id: DbInt;
  usertype: string | null;
  showOnlyAssignedUsers: DbInt;
  /** `manager_group_rights.value` of the right named `USERS_Users`, if the group has it. */
  usersRight: DbInt;
  /** `manager_group_rights.value` of the right named `Show_only_assigned_Users`. */
  showOnlyAssignedRight: DbInt;
}

/** The fields of the target row the rules look at; the rest passes through untouched. */
export interface TargetRef {
  id: DbInt;
  responsible_accountant_id: DbInt;
}

export interface RequestContext<T extends TargetRef = TargetRef> {
  settings: RawSettings;
  requester: Requester | null;
  target: T | null;
}
