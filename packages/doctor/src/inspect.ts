import { secretKeyOf } from '@m4/core';
import {
  EXPECTED_TABLES,
  RIGHT_NAMES,
  SETTING_NAMES,
  type SettingName,
  USERS_TABLE,
} from './expected';
import type { ColumnFact, DatabaseFacts, Read, SettingRow } from './facts';
import { describeConnectionFailure, errorText, redact } from './failure';
import { writeGrants } from './grants';
import { type Road, RoadError, type Row } from './road';
import { runServiceStatement } from './statement';

/** How often the statement runs for the round-trip figure (the first run is the check). */
export const STATEMENT_RUNS = 5;

const IN_TABLES = EXPECTED_TABLES.map(() => '?').join(', ');

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The row's value under `key`, whatever case the server gave the column name. */
function field(row: Row, key: string): unknown {
  if (key in row) return row[key];
  const found = Object.keys(row).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : row[found];
}

async function attempt<T>(road: Road, read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: redact(errorText(error), road.secrets) };
  }
}

function settingName(name: string): SettingName | undefined {
  return SETTING_NAMES.find((known) => known.toLowerCase() === name.toLowerCase());
}

/**
 * The four settings' rows (any owner), oldest first. `API_Secret_Key` is reduced to its length
 * here, in the row mapping: its value goes no further.
 */
async function readSettings(road: Road): Promise<SettingRow[]> {
  const rows = await road.query(
    `SELECT id, name, value, owner_id FROM conflines WHERE name IN (${SETTING_NAMES.map(() => '?').join(', ')}) ORDER BY id`,
    SETTING_NAMES,
  );
  return rows.flatMap((row): SettingRow[] => {
    const name = settingName(text(field(row, 'name')));
    if (name === undefined) return [];
    const raw = field(row, 'value');
    const value = raw === null || raw === undefined ? null : String(raw);
    const owner = field(row, 'owner_id');
    return [
      {
        id: Number(field(row, 'id')),
        name,
        ownerId: owner === null || owner === undefined ? null : Number(owner),
        value:
          name === 'API_Secret_Key'
            ? {
                kind: 'secret',
                characters: value === null ? 0 : [...value].length,
                blank: secretKeyOf({ secretKey: value }) === null,
              }
            : { kind: 'text', text: value },
      },
    ];
  });
}

async function timeStatement(road: Road): Promise<number[]> {
  const timings: number[] = [];
  for (let run = 0; run < STATEMENT_RUNS; run += 1) {
    const started = performance.now();
    await runServiceStatement(road.service);
    timings.push(performance.now() - started);
  }
  return timings;
}

/**
 * Reads what the checks need. A failure of the first question (the server's version) means the
 * database cannot be used at all and throws {@link RoadError}; later failures are recorded.
 */
export async function inspect(road: Road): Promise<DatabaseFacts> {
  let probe: Row | undefined;
  try {
    [probe] = await road.query('SELECT VERSION() AS version, DATABASE() AS db');
  } catch (error) {
    throw new RoadError(
      redact(describeConnectionFailure(error, road.where, road.source), road.secrets),
    );
  }
  const database = text(probe && field(probe, 'db'));
  if (database === '') throw new RoadError(`${road.where}: ${road.source} names no database`);

  const tableRows = await road.query(
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${IN_TABLES})`,
    EXPECTED_TABLES,
  );
  const present = new Set(tableRows.map((row) => text(field(row, 'name'))));
  const tables = EXPECTED_TABLES.filter((table) => present.has(table));

  const columnRows = await road.query(
    `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, COLUMN_TYPE AS column_type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${IN_TABLES}) ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    EXPECTED_TABLES,
  );
  const columns: ColumnFact[] = columnRows.map((row) => ({
    table: text(field(row, 'table_name')),
    name: text(field(row, 'column_name')),
    type: text(field(row, 'column_type')),
  }));

  const has = (table: string) => present.has(table);
  const usernameIndexes = has(USERS_TABLE)
    ? await attempt(road, async () => {
        const rows = await road.query(
          "SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'username' AND SEQ_IN_INDEX = 1",
        );
        return rows.map((row) => text(field(row, 'name')));
      })
    : undefined;
  const settings = has('conflines') ? await attempt(road, () => readSettings(road)) : undefined;
  const rights = has('manager_rights')
    ? await attempt(road, async () => {
        const rows = await road.query(
          `SELECT DISTINCT name FROM manager_rights WHERE name IN (${RIGHT_NAMES.map(() => '?').join(', ')})`,
          RIGHT_NAMES,
        );
        return rows.map((row) => text(field(row, 'name')));
      })
    : undefined;
  const grants = await attempt(road, async () => {
    const rows = await road.query('SHOW GRANTS');
    // Only the parsed privileges leave this function: the lines may carry a password hash.
    const lines = rows.map((row) => text(Object.values(row)[0]));
    return writeGrants(lines, database, EXPECTED_TABLES);
  });
  const statement = await attempt(road, () => timeStatement(road));

  return {
    server: { version: text(probe && field(probe, 'version')), database },
    tables,
    columns,
    usernameIndexes,
    settings,
    rights,
    writeGrants: grants,
    statement,
  };
}
