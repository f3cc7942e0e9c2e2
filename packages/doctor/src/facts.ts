import type { SettingName } from './expected';
import type { WriteGrant } from './grants';

/** A read that may have failed; `error` is one line without credentials. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ColumnFact {
  table: string;
  name: string;
  /** information_schema's COLUMN_TYPE, e.g. `decimal(30,15)`, `int(11)` */
  type: string;
}

/** A `conflines` row of one of the four settings; the secret is reduced to its length. */
export interface SettingRow {
  id: number;
  name: SettingName;
  ownerId: number | null;
  value:
    | { kind: 'text'; text: string | null }
    | { kind: 'secret'; characters: number; blank: boolean };
}

/** Everything the checks look at: read once from the live database, nothing else. */
export interface DatabaseFacts {
  server: { version: string; database: string };
  /** The expected tables that exist. */
  tables: string[];
  /** The columns of the expected tables that exist, in table order. */
  columns: ColumnFact[];
  /** Names of the indexes whose first column is `users.username` (undefined: not read). */
  usernameIndexes: Read<string[]> | undefined;
  settings: Read<SettingRow[]> | undefined;
  /** The rights of the expected names present in `manager_rights`. */
  rights: Read<string[]> | undefined;
  /** Writing privileges on this database; an error when the server does not say. */
  writeGrants: Read<WriteGrant[]>;
  /** The service's own statement: how long each run took, or why it failed. */
  statement: Read<number[]>;
}
