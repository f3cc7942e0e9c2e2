import { getTableColumns } from 'drizzle-orm';
import { users } from './tables';

/** Columns that are never read into a response, logged or returned. */
export const OMITTED_USER_COLUMNS = [
  'password',
  'uniquehash',
  'two_fa_authenticator_secret',
] as const;

export type OmittedUserColumn = (typeof OMITTED_USER_COLUMNS)[number];
export type UserRecord = typeof users.$inferSelect;
export type UserColumn = keyof UserRecord & string;
export type ReturnedUserColumn = Exclude<UserColumn, OmittedUserColumn>;
export type ReturnedUser = Omit<UserRecord, OmittedUserColumn>;

const omitted: ReadonlySet<string> = new Set(OMITTED_USER_COLUMNS);

function isReturnedUserColumn(name: string): name is ReturnedUserColumn {
  return !omitted.has(name);
}

/** Every column of `users`, in table order (= the response's element order). */
export const USER_COLUMNS: readonly UserColumn[] = Object.freeze(
  Object.keys(getTableColumns(users)) as UserColumn[],
);

/** The allow-list of columns a response carries: the table's columns minus the omitted ones. */
export const RETURNED_USER_COLUMNS: readonly ReturnedUserColumn[] = Object.freeze(
  USER_COLUMNS.filter(isReturnedUserColumn),
);
