import type { Column } from 'drizzle-orm';
import { getTableColumns, is, SQL } from 'drizzle-orm';
import type { UserColumn, UserRecord } from '../columns';
import type { conflines, managerGroupRights, managerGroups, managerRights } from '../tables';
import { users } from '../tables';
import type { Random } from './random';
import { createRandom } from './random';

export type ConflineRow = typeof conflines.$inferSelect;
export type ManagerGroupRow = typeof managerGroups.$inferSelect;
export type ManagerRightRow = typeof managerRights.$inferSelect;
export type ManagerGroupRightRow = typeof managerGroupRights.$inferSelect;

export interface DemoDataset {
  users: UserRecord[];
  conflines: ConflineRow[];
  managerGroups: ManagerGroupRow[];
  managerRights: ManagerRightRow[];
  managerGroupRights: ManagerGroupRightRow[];
}

export interface DemoDatasetOptions {
  /** PRNG seed; the same seed gives the same rows. Default 1. */
  seed?: number;
  /** Generated `user` rows on top of the fixed ones (ids from `DEMO.firstExtraUserId`). */
  extraUsers?: number;
}

/** The well-known rows of the demo set, for `pnpm dev`'s curl and for tests. */
export const DEMO = {
  secret: 'm4-demo-secret',
  admin: { id: 0, username: 'admin' },
  /** Group `USERS_Users = 2`, unrestricted: reads every user but itself. */
  manager: { id: 1, username: 'manager', groupId: 1 },
  /** Group `USERS_Users = 0`. */
  managerWithoutRight: { id: 2, username: 'manager_noright', groupId: 2 },
  /** `manager_group_id = 0`: no group, no rights. */
  managerWithoutGroup: { id: 3, username: 'manager_nogroup', groupId: 0 },
  /** Group `USERS_Users = 2`, restricted by its own `show_only_assigned_users = 1`. */
  managerOwnFlag: { id: 4, username: 'manager_assigned', groupId: 1 },
  /** Restricted through its group's `Show_only_assigned_Users = 2`. */
  managerGroupFlag: { id: 5, username: 'manager_grouprestricted', groupId: 3 },
  /** A `user`, assigned to `managerOwnFlag`. */
  user: { id: 6, username: 'user', assignedTo: 4 },
  /** A `user` assigned to `managerGroupFlag`. */
  userOfGroupFlag: { id: 7, username: 'user_of_group_flag', assignedTo: 5 },
  accountant: { id: 8, username: 'accountant' },
  reseller: { id: 9, username: 'reseller' },
  /** `usertype = 'admin'` with an id other than 0: not an admin. */
  fakeAdmin: { id: 10, username: 'admin2' },
  /** Two rows share `twin`: the manager (lower id) is the requester. */
  twinManager: { id: 11, username: 'twin' },
  twinUser: { id: 12, username: 'twin' },
  /** Every nullable column NULL. */
  nulls: { id: 13, username: 'nulls' },
  /** Every DATETIME `0000-00-00 00:00:00`, every DATE `0000-00-00`. */
  zeroDates: { id: 14, username: 'zero_dates' },
  /** The most negative value of every numeric column. */
  negative: { id: 15, username: 'negative' },
  /** The largest value of every numeric column (widest decimals, BIGINT max). */
  widest: { id: 16, username: 'widest' },
  /** Lithuanian, Cyrillic and emoji in every text column. */
  unicode: { id: 17, username: 'jonas_ąčęėįšųūž' },
  /** `<&>"'`, `]]>`, CR/LF/TAB and other C0 controls in every text column. */
  xmlMeta: { id: 18, username: 'xml_meta' },
  unassigned: { id: 19, username: 'unassigned', assignedTo: -1 },
  userOfManager: { id: 20, username: 'user_of_manager', assignedTo: 1 },
  userOfManagerWithoutRight: { id: 21, username: 'user_of_noright', assignedTo: 2 },
  userOfManagerWithoutGroup: { id: 22, username: 'user_of_nogroup', assignedTo: 3 },
  /** A username with a quote: found only by an exactly bound parameter. */
  quoted: { id: 23, username: "o'brien" },
  firstExtraUserId: 1000,
  rights: { users: 'USERS_Users', showOnlyAssigned: 'Show_only_assigned_Users' },
} as const;

type AnyColumn = Column;

type ColumnKind =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bigint' }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'datetime' }
  | { kind: 'date' }
  | { kind: 'text'; length: number }
  | { kind: 'enum' };

const INT_RANGES: Record<string, [number, number]> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
  'int(1)': [-2147483648, 2147483647],
};

function columnKind(column: AnyColumn): ColumnKind {
  const type = column.getSQLType();
  const range = INT_RANGES[type];
  if (range) return { kind: 'int', min: range[0], max: range[1] };
  if (type === 'bigint') return { kind: 'bigint' };
  if (type === 'datetime') return { kind: 'datetime' };
  if (type === 'date') return { kind: 'date' };
  if (type === 'text') return { kind: 'text', length: 1000 };
  if (type.startsWith('enum(')) return { kind: 'enum' };
  const varchar = /^varchar\((\d+)\)$/.exec(type);
  if (varchar) return { kind: 'text', length: Number(varchar[1]) };
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(type);
  if (decimal) return { kind: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2]) };
  throw new Error(`no seed rule for column ${column.name} of type ${type}`);
}

const userColumns = Object.entries(getTableColumns(users)).map(([key, column]) => ({
  key: key as UserColumn,
  column: column as AnyColumn,
  kind: columnKind(column as AnyColumn),
}));

function columnDefault(column: AnyColumn): UserRecord[UserColumn] {
  if (is(column.default, SQL)) {
    throw new Error(`buildUser cannot fill the SQL default of ${column.name}`);
  }
  if (column.default !== undefined) return column.default as UserRecord[UserColumn];
  if (!column.notNull) return null;
  return column.dataType === 'number' ? 0 : '';
}

const DEFAULT_USER = Object.freeze(
  Object.fromEntries(userColumns.map(({ key, column }) => [key, columnDefault(column)])),
) as UserRecord;

type UserOverrides = Partial<UserRecord> & Pick<UserRecord, 'id' | 'username'>;

/** A full `users` row: every column its table default (NULL, or 0/'' when NOT NULL without one). */
export function buildUser(overrides: UserOverrides): UserRecord {
  // Spreading keeps the template's (table) key order; overrides only replace values.
  return { ...DEFAULT_USER, ...overrides };
}

/** Overrides that set every column of the matching kind (text filters by kind, too). */
function fill(
  value: (kind: ColumnKind, key: UserColumn, notNull: boolean) => unknown,
): Partial<UserRecord> {
  const out: Partial<Record<UserColumn, unknown>> = {};
  for (const { key, column, kind } of userColumns) {
    if (PROTECTED.has(key)) continue;
    const v = value(kind, key, column.notNull);
    if (v !== undefined) out[key] = v;
  }
  return out as Partial<UserRecord>;
}

/** Columns the special rows leave alone so the row stays addressable and of its usertype. */
const PROTECTED: ReadonlySet<string> = new Set([
  'id',
  'username',
  'usertype',
  'password',
  'uniquehash',
  'two_fa_authenticator_secret',
]);

function nines(count: number): string {
  return '9'.repeat(count);
}

function widestDecimal(precision: number, scale: number, sign: '' | '-'): string {
  return `${sign}${nines(precision - scale)}.${nines(scale)}`;
}

/** Every numeric column at the lowest (`min`) or highest (`max`) value its type holds. */
function extremeNumbers(end: 'min' | 'max'): Partial<UserRecord> {
  return fill((kind) => {
    if (kind.kind === 'int') return kind[end];
    if (kind.kind === 'bigint')
      return end === 'min' ? '-9223372036854775808' : '9223372036854775807';
    if (kind.kind === 'decimal') {
      return widestDecimal(kind.precision, kind.scale, end === 'min' ? '-' : '');
    }
    return undefined;
  });
}

function truncate(text: string, length: number): string {
  return Array.from(text).slice(0, length).join('');
}

const UNICODE_TEXT = 'Žemaitė ąčęėįšųūž Ёжик в тумане 😀🇱🇹 𝄞';
const XML_META_TEXT = `<&>"' ]]> a\tb\nc\rd\r\ne\u0000f\u0001g\u0008h\u000bi\u000cj\u001fk\u007f`;

function randomDecimal(random: Random, intDigits: number, scale: number): string {
  const integer = String(random.int(0, 10 ** intDigits - 1));
  const fraction = random.chars('0123456789', scale);
  const sign = random.next() < 0.2 && /[1-9]/.test(integer + fraction) ? '-' : '';
  return `${sign}${integer}.${fraction}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function randomDatetime(random: Random): string {
  const day = `${random.int(2000, 2030)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  return `${day} ${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`;
}

const HEX = '0123456789abcdef';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function secrets(random: Random): Partial<UserRecord> {
  return {
    password: random.chars(HEX, 40),
    uniquehash: random.chars(ALNUM, 10),
    two_fa_authenticator_secret: random.chars(BASE32, 32),
  };
}

const FIRST_NAMES = ['Jonas', 'Ona', 'Ivan', 'Olga', 'Maria', 'John', 'Aistė', 'Пётр'] as const;
const LAST_NAMES = ['Petraitis', 'Kazlauskienė', 'Иванов', 'Smith', 'García', 'Müller'] as const;

function fixedUsers(random: Random): UserRecord[] {
  const person = (
    ref: { id: number; username: string },
    usertype: string,
    extra: Partial<UserRecord> = {},
  ): UserRecord =>
    buildUser({
      id: ref.id,
      username: ref.username,
      usertype,
      first_name: random.pick(FIRST_NAMES),
      last_name: random.pick(LAST_NAMES),
      balance: randomDecimal(random, 4, 15),
      main_email: `${ref.username.replace(/[^a-z0-9_]/g, '')}@example.com`,
      ...secrets(random),
      ...extra,
    });

  return [
    person(DEMO.admin, 'admin', { first_name: 'System', last_name: 'Admin', owner_id: 0 }),
    person(DEMO.manager, 'manager', { manager_group_id: DEMO.manager.groupId }),
    person(DEMO.managerWithoutRight, 'manager', {
      manager_group_id: DEMO.managerWithoutRight.groupId,
    }),
    person(DEMO.managerWithoutGroup, 'manager', {
      manager_group_id: DEMO.managerWithoutGroup.groupId,
    }),
    person(DEMO.managerOwnFlag, 'manager', {
      manager_group_id: DEMO.managerOwnFlag.groupId,
      show_only_assigned_users: 1,
    }),
    person(DEMO.managerGroupFlag, 'manager', {
      manager_group_id: DEMO.managerGroupFlag.groupId,
    }),
    person(DEMO.user, 'user', {
      responsible_accountant_id: DEMO.user.assignedTo,
      agreement_date: '2024-02-29',
      month_plan_updated: '2024-12-31 23:59:59',
      lcr_id: '3',
      tariff_id: '12',
      comment: 'a demo customer',
    }),
    person(DEMO.userOfGroupFlag, 'user', {
      responsible_accountant_id: DEMO.userOfGroupFlag.assignedTo,
    }),
    person(DEMO.accountant, 'accountant'),
    person(DEMO.reseller, 'reseller'),
    person(DEMO.fakeAdmin, 'admin', { manager_group_id: DEMO.manager.groupId }),
    person(DEMO.twinManager, 'manager', { manager_group_id: DEMO.manager.groupId }),
    person(DEMO.twinUser, 'user'),
    buildUser({
      id: DEMO.nulls.id,
      username: DEMO.nulls.username,
      ...secrets(random),
      uniquehash: null,
      two_fa_authenticator_secret: null,
      ...fill((_kind, _key, notNull) => (notNull ? undefined : null)),
    }),
    buildUser({
      id: DEMO.zeroDates.id,
      username: DEMO.zeroDates.username,
      ...secrets(random),
      ...fill((kind) =>
        kind.kind === 'datetime'
          ? '0000-00-00 00:00:00'
          : kind.kind === 'date'
            ? '0000-00-00'
            : undefined,
      ),
    }),
    buildUser({
      id: DEMO.negative.id,
      username: DEMO.negative.username,
      ...secrets(random),
      ...extremeNumbers('min'),
    }),
    buildUser({
      id: DEMO.widest.id,
      username: DEMO.widest.username,
      ...secrets(random),
      ...extremeNumbers('max'),
    }),
    buildUser({
      id: DEMO.unicode.id,
      username: DEMO.unicode.username,
      ...secrets(random),
      ...fill((kind) => (kind.kind === 'text' ? truncate(UNICODE_TEXT, kind.length) : undefined)),
    }),
    buildUser({
      id: DEMO.xmlMeta.id,
      username: DEMO.xmlMeta.username,
      ...secrets(random),
      ...fill((kind) => (kind.kind === 'text' ? truncate(XML_META_TEXT, kind.length) : undefined)),
    }),
    person(DEMO.unassigned, 'user', { responsible_accountant_id: DEMO.unassigned.assignedTo }),
    person(DEMO.userOfManager, 'user', {
      responsible_accountant_id: DEMO.userOfManager.assignedTo,
    }),
    person(DEMO.userOfManagerWithoutRight, 'user', {
      responsible_accountant_id: DEMO.userOfManagerWithoutRight.assignedTo,
    }),
    person(DEMO.userOfManagerWithoutGroup, 'user', {
      responsible_accountant_id: DEMO.userOfManagerWithoutGroup.assignedTo,
    }),
    person(DEMO.quoted, 'user'),
  ];
}

const ASSIGNABLE = [-1, DEMO.manager.id, DEMO.managerOwnFlag.id, DEMO.managerGroupFlag.id] as const;

function extraUser(random: Random, index: number): UserRecord {
  const id = DEMO.firstExtraUserId + index;
  return buildUser({
    id,
    username: `load_user_${id}`,
    first_name: random.pick(FIRST_NAMES),
    last_name: random.pick(LAST_NAMES),
    balance: randomDecimal(random, 6, 15),
    credit: randomDecimal(random, 3, 15),
    lcr_id: String(random.int(0, 50)),
    tariff_id: String(random.int(0, 50)),
    month_plan_updated: randomDatetime(random),
    agreement_date: randomDatetime(random).slice(0, 10),
    responsible_accountant_id: random.pick(ASSIGNABLE),
    blocked: random.next() < 0.05 ? 1 : 0,
    main_email: `load_user_${id}@example.com`,
    phone: `+3706${random.chars('0123456789', 7)}`,
    ...secrets(random),
  });
}

function settings(): ConflineRow[] {
  const row = (id: number, name: string, value: string, owner_id = 0): ConflineRow => ({
    id,
    name,
    value,
    owner_id,
    value2: null,
  });
  return [
    row(1, 'Allow_API', '1'),
    row(2, 'Allow_GET_API', '1'),
    row(3, 'API_Secret_Key', DEMO.secret),
    row(4, 'API_Disable_hash_checking', '0'),
    // A reseller's own settings: never the global ones.
    row(5, 'Allow_API', '0', DEMO.reseller.id),
    row(6, 'API_Secret_Key', 'reseller-secret', DEMO.reseller.id),
    row(7, 'XML_API_Extension', '1'),
  ];
}

function managerData(): Pick<
  DemoDataset,
  'managerGroups' | 'managerRights' | 'managerGroupRights'
> {
  // Right ids differ between installs (and here from the group ids): the read joins by name.
  const usersRight = 41;
  const assignedRight = 57;
  const callsRight = 12;
  return {
    managerGroups: [
      { id: 1, name: 'Users managers', comment: 'USERS_Users = 2' },
      { id: 2, name: 'No users access', comment: 'USERS_Users = 0' },
      { id: 3, name: 'Assigned users only', comment: 'Show_only_assigned_Users = 2' },
      { id: 4, name: 'Empty group', comment: null },
    ],
    managerRights: [
      { id: callsRight, name: 'CALLS_Calls', nice_name: 'Calls' },
      { id: usersRight, name: DEMO.rights.users, nice_name: 'Users' },
      { id: assignedRight, name: DEMO.rights.showOnlyAssigned, nice_name: 'Show only assigned' },
    ],
    managerGroupRights: [
      { id: 1, manager_group_id: 1, manager_right_id: usersRight, value: 2 },
      { id: 2, manager_group_id: 1, manager_right_id: assignedRight, value: 0 },
      { id: 3, manager_group_id: 1, manager_right_id: callsRight, value: 2 },
      { id: 4, manager_group_id: 2, manager_right_id: usersRight, value: 0 },
      { id: 5, manager_group_id: 2, manager_right_id: callsRight, value: 2 },
      { id: 6, manager_group_id: 3, manager_right_id: usersRight, value: 2 },
      { id: 7, manager_group_id: 3, manager_right_id: assignedRight, value: 2 },
    ],
  };
}

/** The demo set: the rows of users-table.md's "Seed data", plus `extraUsers` generated users. */
export function generateDemoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const random = createRandom(options.seed ?? 1);
  const rows = fixedUsers(random);
  for (let i = 0; i < (options.extraUsers ?? 0); i++) rows.push(extraUser(random, i));
  return { users: rows, conflines: settings(), ...managerData() };
}
