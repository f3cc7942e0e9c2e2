import { isSettingOn } from '@m4/core';
import { compareColumnType } from './column-types';
import {
  EXPECTED_COLUMNS,
  EXPECTED_TABLES,
  KNOWN_USER_COLUMNS,
  RIGHT_NAMES,
  SETTING_NAMES,
  type SettingName,
  USERS_TABLE,
} from './expected';
import type { DatabaseFacts, SettingRow } from './facts';

export type Status = 'ok' | 'info' | 'warn' | 'fail';

/** One line of the report: what was checked, what was found, and what to do about a problem. */
export interface Finding {
  /** Stable, for scripts: `tables`, `users-columns`, `setting:Allow_API`, … */
  id: string;
  status: Status;
  check: string;
  result: string;
  advice?: string;
}

const BREAKS = 'every request would answer 503 (Service temporarily unavailable)';

function list(names: readonly string[], limit = 12): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function tablesCheck(facts: DatabaseFacts): Finding {
  const missing = EXPECTED_TABLES.filter((table) => !facts.tables.includes(table));
  if (missing.length === 0) {
    return {
      id: 'tables',
      status: 'ok',
      check: 'tables',
      result: `all ${EXPECTED_TABLES.length} present`,
    };
  }
  return {
    id: 'tables',
    status: 'fail',
    check: 'tables',
    result: `missing ${list(missing)}`,
    advice: `The one statement reads all five tables, so ${BREAKS}: point the URL at the M4 database, or replicate every table.`,
  };
}

function columnsChecks(facts: DatabaseFacts): Finding[] {
  const actual = new Map(facts.columns.map((c) => [`${c.table}.${c.name}`, c.type]));
  const expected = EXPECTED_COLUMNS.filter((c) => facts.tables.includes(c.table));
  const findings: Finding[] = [];

  const missing = expected.filter((c) => !actual.has(`${c.table}.${c.name}`));
  const missingUsers = missing.filter((c) => c.table === USERS_TABLE).map((c) => c.name);
  const missingOther = missing
    .filter((c) => c.table !== USERS_TABLE)
    .map((c) => `${c.table}.${c.name}`);
  const returned = EXPECTED_COLUMNS.filter((c) => c.table === USERS_TABLE).length;
  if (facts.tables.includes(USERS_TABLE)) {
    findings.push(
      missingUsers.length === 0
        ? {
            id: 'users-columns',
            status: 'ok',
            check: 'users columns',
            result: `all ${returned} returned columns present`,
          }
        : {
            id: 'users-columns',
            status: 'fail',
            check: 'users columns',
            result: `missing ${list(missingUsers)}`,
            advice: `The service selects every returned column by name, so ${BREAKS}: add the ${missingUsers.length === 1 ? 'column' : 'columns'} (an older M4?) or run against an up-to-date copy.`,
          },
    );
  }
  if (missingOther.length > 0) {
    findings.push({
      id: 'other-columns',
      status: 'fail',
      check: 'settings/rights columns',
      result: `missing ${list(missingOther)}`,
      advice: `The statement reads these tables by column name, so ${BREAKS}.`,
    });
  }

  const changes: string[] = [];
  const families: string[] = [];
  const details: string[] = [];
  for (const column of expected) {
    const type = actual.get(`${column.table}.${column.name}`);
    if (type === undefined) continue;
    const verdict = compareColumnType(column.type, type);
    const label = `${column.table === USERS_TABLE ? '' : `${column.table}.`}${column.name} ${type} (expected ${column.type})`;
    if (verdict.kind === 'changes-text') changes.push(`${label}: ${verdict.note}`);
    else if (verdict.kind === 'family') families.push(label);
    else if (verdict.kind === 'detail') details.push(label);
  }
  if (changes.length > 0) {
    findings.push({
      id: 'column-types',
      status: 'fail',
      check: 'column types',
      result: `${plural(changes.length, 'column')} would change the response text: ${list(changes, 5)}`,
      advice:
        'Alter the column to the documented type (docs/schema.md), or have the schema declare the type this database has.',
    });
  }
  if (families.length > 0) {
    findings.push({
      id: 'column-type-kinds',
      status: 'warn',
      check: 'column types',
      result: `${plural(families.length, 'column')} of another kind of type: ${list(families, 5)}`,
      advice: 'The text passes unchanged, but check these are the columns M4 clients expect.',
    });
  }
  if (details.length > 0) {
    findings.push({
      id: 'column-type-details',
      status: 'info',
      check: 'column types',
      result: `${plural(details.length, 'column')} differ only in width, scale or labels (text unchanged): ${list(details, 5)}`,
    });
  }
  if (
    changes.length === 0 &&
    families.length === 0 &&
    details.length === 0 &&
    expected.length > 0
  ) {
    findings.push({
      id: 'column-types',
      status: 'ok',
      check: 'column types',
      result: 'as the schema declares them',
    });
  }

  const extra = facts.columns
    .filter((c) => c.table === USERS_TABLE && !KNOWN_USER_COLUMNS.has(c.name))
    .map((c) => c.name);
  if (extra.length > 0) {
    findings.push({
      id: 'extra-columns',
      status: 'warn',
      check: 'extra users columns',
      result: `not returned: ${list(extra)}`,
      advice: 'A newer M4? Responses leave these out until packages/schema names them.',
    });
  }
  return findings;
}

/** The service's bound on one database call when `DB_TIMEOUT_MS` is not set. */
export const DEFAULT_DB_TIMEOUT_MS = 5000;

function statementChecks(facts: DatabaseFacts, timeoutMs: number): Finding[] {
  const { statement } = facts;
  if (!statement.ok) {
    return [
      {
        id: 'statement',
        status: 'fail',
        check: 'service statement',
        result: `failed: ${statement.error}`,
        advice: `This is the read every request makes, so ${BREAKS}.`,
      },
    ];
  }
  const [first = 0] = statement.value;
  const sorted = [...statement.value].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const measured = `median ${ms(median)} over ${sorted.length} runs (min ${ms(sorted[0] ?? 0)}, max ${ms(sorted.at(-1) ?? 0)})`;
  const bound = `DB_TIMEOUT_MS ${timeoutMs}`;
  const roundTrip: Finding =
    median > timeoutMs
      ? {
          id: 'round-trip',
          status: 'fail',
          check: 'round trip',
          result: `${measured}: over ${bound}`,
          advice: `The service gives up after ${bound}, so ${BREAKS}: run it nearer the database, or raise DB_TIMEOUT_MS.`,
        }
      : median > timeoutMs / 2
        ? {
            id: 'round-trip',
            status: 'warn',
            check: 'round trip',
            result: `${measured}: over half of ${bound}`,
            advice:
              'A slower moment will time requests out: run the service nearer the database, or raise DB_TIMEOUT_MS.',
          }
        : { id: 'round-trip', status: 'info', check: 'round trip', result: measured };
  return [
    {
      id: 'statement',
      status: 'ok',
      check: 'service statement',
      result: `ran for an absent user in ${ms(first)}`,
    },
    roundTrip,
  ];
}

const SETTING_ADVICE = (name: SettingName, value: string) =>
  `Set it in M4's settings, or: INSERT INTO conflines (name, value, owner_id) VALUES ('${name}', '${value}', 0)`;

/** The row the service uses: the lowest id among the global (owner_id = 0) rows. */
function globalRow(rows: readonly SettingRow[], name: SettingName): SettingRow | undefined {
  return rows.filter((r) => r.name === name && r.ownerId === 0).sort((a, b) => a.id - b.id)[0];
}

function settingChecks(rows: readonly SettingRow[]): Finding[] {
  return SETTING_NAMES.map((name): Finding => {
    const id = `setting:${name}`;
    const row = globalRow(rows, name);
    const others = rows.filter((r) => r.name === name && r.ownerId !== 0);
    const duplicates = rows.filter((r) => r.name === name && r.ownerId === 0).length;
    const elsewhere =
      others.length > 0
        ? ` (rows for other owners exist: the service reads only owner_id = 0)`
        : '';
    const repeated = duplicates > 1 ? ` (${duplicates} global rows: the lowest id wins)` : '';
    const check = name;
    if (name === 'API_Secret_Key') {
      const value = row?.value;
      if (value === undefined || value.kind !== 'secret') {
        return {
          id,
          status: 'warn',
          check,
          result: `no global row${elsewhere}: empty, so every call answers "API must have Secret Key" while the hash is checked`,
          advice: SETTING_ADVICE(name, '<a long random secret>'),
        };
      }
      if (value.blank) {
        return {
          id,
          status: 'warn',
          check,
          result: `empty${repeated}: every call answers "API must have Secret Key" while the hash is checked`,
          advice: "Set a long random secret in M4's API settings and give it to the API's clients.",
        };
      }
      return {
        id,
        status: 'ok',
        check,
        result: `set, ${plural(value.characters, 'character')}${repeated}`,
      };
    }
    const value = row?.value.kind === 'text' ? row.value.text : null;
    const on = isSettingOn(value);
    const shown =
      row === undefined ? `no global row${elsewhere}` : `"${value ?? 'NULL'}"${repeated}`;
    switch (name) {
      case 'Allow_API':
        return on
          ? { id, status: 'ok', check, result: `${shown}: on` }
          : {
              id,
              status: 'warn',
              check,
              result: `${shown}: off, the API is disabled (every call answers "API Requests are disabled")`,
              advice: SETTING_ADVICE(name, '1'),
            };
      case 'Allow_GET_API':
        if (on) {
          return {
            id,
            status: 'warn',
            check,
            result: `${shown}: on, GET is allowed`,
            advice:
              'GET puts u, user_id and the hash into URLs and access logs; turn it off unless a client needs it.',
          };
        }
        return row === undefined
          ? {
              id,
              status: 'warn',
              check,
              result: `${shown}: off (POST only)`,
              advice: SETTING_ADVICE(name, '0'),
            }
          : { id, status: 'ok', check, result: `${shown}: off (POST only)` };
      default:
        if (on) {
          return {
            id,
            status: 'warn',
            check,
            result: `${shown}: on, hash checking is disabled`,
            advice:
              'Anyone who knows an admin or manager username can read every user: turn it off.',
          };
        }
        return row === undefined
          ? {
              id,
              status: 'warn',
              check,
              result: `${shown}: off (hash checked)`,
              advice: SETTING_ADVICE(name, '0'),
            }
          : { id, status: 'ok', check, result: `${shown}: off (hash checked)` };
    }
  });
}

function rightsChecks(present: readonly string[]): Finding[] {
  const has = (name: string) => present.some((p) => p.toLowerCase() === name.toLowerCase());
  return RIGHT_NAMES.map((name): Finding => {
    const id = `right:${name}`;
    if (has(name)) return { id, status: 'ok', check: `right ${name}`, result: 'in manager_rights' };
    return {
      id,
      status: 'warn',
      check: `right ${name}`,
      result:
        name === 'USERS_Users'
          ? 'absent from manager_rights: no manager may read users (the admin still can)'
          : 'absent from manager_rights: managers are restricted only by their own show_only_assigned_users',
      advice: 'Rights come with M4; a missing one suggests an incomplete copy of manager_rights.',
    };
  });
}

function readFailure(id: string, check: string, error: string): Finding {
  return { id, status: 'warn', check, result: `could not be read: ${error}` };
}

/**
 * The report's findings, in order, from what was read. Pure. `timeoutMs` is the service's bound
 * on one database call (`DB_TIMEOUT_MS`) the round trip is compared with.
 */
export function runChecks(facts: DatabaseFacts, timeoutMs = DEFAULT_DB_TIMEOUT_MS): Finding[] {
  const findings: Finding[] = [
    {
      id: 'server',
      status: 'info',
      check: 'server',
      result: `${facts.server.version}, database ${facts.server.database}`,
    },
    tablesCheck(facts),
    ...columnsChecks(facts),
    ...statementChecks(facts, timeoutMs),
  ];

  if (facts.settings !== undefined) {
    findings.push(
      ...(facts.settings.ok
        ? settingChecks(facts.settings.value)
        : [readFailure('settings', 'settings', facts.settings.error)]),
    );
  }
  if (facts.rights !== undefined) {
    findings.push(
      ...(facts.rights.ok
        ? rightsChecks(facts.rights.value)
        : [readFailure('rights', 'manager rights', facts.rights.error)]),
    );
  }
  if (facts.usernameIndexes !== undefined) {
    const indexes = facts.usernameIndexes;
    findings.push(
      !indexes.ok
        ? readFailure('username-index', 'users.username index', indexes.error)
        : indexes.value.length > 0
          ? {
              id: 'username-index',
              status: 'ok',
              check: 'users.username index',
              result: list(indexes.value),
            }
          : {
              id: 'username-index',
              status: 'warn',
              check: 'users.username index',
              result: 'none: every request scans users to find the requester',
              advice:
                'CREATE INDEX username ON users (username) — about 64 ms saved per request at 100 000 users.',
            },
    );
  }

  const grants = facts.writeGrants;
  findings.push(
    !grants.ok
      ? {
          id: 'write-access',
          status: 'info',
          check: 'read-only account',
          result: `not checked: the server did not show the grants (${grants.error})`,
          advice: 'Make sure the password is read-only (on PlanetScale: the "Read-only" role).',
        }
      : grants.value.length === 0
        ? {
            id: 'write-access',
            status: 'ok',
            check: 'read-only account',
            result: 'no writing privileges on this database',
          }
        : {
            id: 'write-access',
            status: 'warn',
            check: 'read-only account',
            result: `can write: ${list(
              grants.value.map((g) => `${g.privileges.join(', ')} on ${g.on}`),
              4,
            )}`,
            advice:
              'The service only reads: give it an account (or PlanetScale password) with SELECT alone.',
          },
  );
  return findings;
}
