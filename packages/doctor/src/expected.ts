import {
  conflines,
  managerGroupRights,
  managerGroups,
  managerRights,
  OMITTED_USER_COLUMNS,
  RETURNED_USER_COLUMNS,
  users,
} from '@m4/schema';
import type { Table } from 'drizzle-orm';
import { getTableColumns, getTableName } from 'drizzle-orm';

/** A column the service reads, as the Drizzle schema declares it. */
export interface ExpectedColumn {
  table: string;
  name: string;
  /** Drizzle's SQL type, e.g. `decimal(30,15)`, `int`, `enum('yes','no','global')`. */
  type: string;
}

const TABLES: readonly Table[] = [
  users,
  conflines,
  managerGroups,
  managerRights,
  managerGroupRights,
];

/** The five tables the service reads, in the order the report lists them. */
export const EXPECTED_TABLES: readonly string[] = TABLES.map((table) => getTableName(table));

export const USERS_TABLE = getTableName(users);

const never: ReadonlySet<string> = new Set(OMITTED_USER_COLUMNS);

/**
 * Every column the service expects: the 151 returned `users` columns (the three it never reads
 * are left out) and every column of the four other tables, each with its Drizzle type.
 */
export const EXPECTED_COLUMNS: readonly ExpectedColumn[] = TABLES.flatMap((table) =>
  Object.values(getTableColumns(table))
    .filter((column) => table !== users || !never.has(column.name))
    .map((column) => ({
      table: getTableName(table),
      name: column.name,
      type: column.getSQLType(),
    })),
);

/** `users` columns the service knows of (returned or deliberately never read). */
export const KNOWN_USER_COLUMNS: ReadonlySet<string> = new Set([
  ...RETURNED_USER_COLUMNS,
  ...OMITTED_USER_COLUMNS,
]);

/** The global settings the service reads from `conflines` (owner_id = 0). */
export const SETTING_NAMES = [
  'Allow_API',
  'Allow_GET_API',
  'API_Secret_Key',
  'API_Disable_hash_checking',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** The manager rights the service looks up by name. */
export const RIGHT_NAMES = ['USERS_Users', 'Show_only_assigned_Users'] as const;
