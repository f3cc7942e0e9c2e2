import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import journal from '../drizzle/meta/_journal.json';
import type { TestDatabase } from '../src/dev/index';
import { connect, createTestDatabase, pushSchema } from '../src/dev/index';
import type { SpecColumn } from './users-spec';
import { conflinesSpec, managerTablesSpec, usersSpec } from './users-spec';

interface InformationColumn extends RowDataPacket {
  name: string;
  columnType: string;
  isNullable: string;
  columnDefault: string | null;
  extra: string;
  collation: string | null;
}

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('schema_ddl');
});

afterAll(async () => {
  await database?.drop();
});

async function query<T extends RowDataPacket>(sql: string, params: unknown[]): Promise<T[]> {
  const connection = await connect(database.mysqlUrl);
  try {
    const [rows] = await connection.query<T[]>(sql, params);
    return rows;
  } finally {
    await connection.end();
  }
}

function informationColumns(table: string): Promise<InformationColumn[]> {
  return query<InformationColumn>(
    `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS columnType, IS_NULLABLE AS isNullable,
            COLUMN_DEFAULT AS columnDefault, EXTRA AS extra, COLLATION_NAME AS collation
       FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
      ORDER BY ORDINAL_POSITION`,
    [database.name, table],
  );
}

/** MariaDB shows display widths (`int(11)`), MySQL 8 does not: the default widths mean nothing. */
function normaliseType(type: string): string {
  return type
    .toLowerCase()
    .replace(/^int\(11\)/, 'int')
    .replace(/^tinyint\(4\)/, 'tinyint')
    .replace(/^smallint\(6\)/, 'smallint')
    .replace(/^bigint\(20\)/, 'bigint')
    .replace(/,\s+/g, ',');
}

/** Quotes off; numbers by value (`0` = `'0'` = `0.000000000000000`); a nullable NULL default. */
function normaliseDefault(value: string | null, nullable: string): string {
  if (value === null || value === 'NULL') return nullable === 'YES' ? 'NULL' : 'none';
  const unquoted = value.replace(/^'(.*)'$/, '$1');
  return /^-?\d+(\.\d+)?$/.test(unquoted) ? String(Number(unquoted)) : unquoted;
}

function expectedShape(spec: SpecColumn) {
  const autoIncrement = spec.default === 'auto_increment';
  return {
    name: spec.name,
    type: normaliseType(spec.type),
    nullable: spec.nullable,
    default: autoIncrement
      ? 'none'
      : normaliseDefault(spec.default === 'none' ? null : spec.default, spec.nullable),
    autoIncrement,
  };
}

function actualShape(column: InformationColumn) {
  return {
    name: column.name,
    type: normaliseType(column.columnType),
    nullable: column.isNullable,
    default: normaliseDefault(column.columnDefault, column.isNullable),
    autoIncrement: column.extra.includes('auto_increment'),
  };
}

describe('the pushed DDL', () => {
  it('matches users-table.md column by column', async () => {
    const actual = (await informationColumns('users')).map(actualShape);
    const expected = usersSpec().map(expectedShape);
    expect(actual).toHaveLength(154);
    for (const [index, column] of expected.entries()) {
      expect(actual[index], `column ${index + 1} (${column.name})`).toEqual(column);
    }
  });

  it('keeps the zero-date default and enum labels exactly', async () => {
    const columns = await informationColumns('users');
    const byName = new Map(columns.map((column) => [column.name, column]));
    expect(byName.get('month_plan_updated')?.columnDefault).toMatch(/^'?0000-00-00 00:00:00'?$/);
    expect(byName.get('billing_period')?.columnType).toBe(
      "enum('weekly','bi-weekly','monthly','bimonthly','quarterly','halfyearly','dynamic')",
    );
    expect(byName.get('cyberplat_active')?.columnType).toBe('int(1)');
  });

  it('matches the conflines and manager tables', async () => {
    const tables = new Map([['conflines', conflinesSpec()], ...managerTablesSpec()]);
    expect([...tables.keys()].sort()).toEqual([
      'conflines',
      'manager_group_rights',
      'manager_groups',
      'manager_rights',
    ]);
    for (const [table, spec] of tables) {
      const actual = (await informationColumns(table)).map(actualShape);
      expect(actual, table).toEqual(spec.map(expectedShape));
    }
  });

  it('has primary keys on id and indexes on users.owner_id and users.username', async () => {
    const rows = await query<RowDataPacket>(
      `SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, COLUMN_NAME AS columnName
         FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> '__drizzle_migrations'
`,
      [database.name],
    );
    const indexes = rows.map((row) => `${row.tableName}.${row.indexName}(${row.columnName})`);
    expect(indexes.sort()).toEqual(
      [
        'conflines.PRIMARY(id)',
        'manager_group_rights.PRIMARY(id)',
        'manager_groups.PRIMARY(id)',
        'manager_rights.PRIMARY(id)',
        'users.owner_id(owner_id)',
        'users.PRIMARY(id)',
        'users.username(username)',
      ].sort(),
    );
  });

  it('compares usernames and right names case-insensitively', async () => {
    const columns = [
      ...(await informationColumns('users')),
      ...(await informationColumns('manager_rights')),
    ];
    const collations = new Map(columns.map((column) => [column.name, column.collation]));
    expect(collations.get('username')).toMatch(/^utf8mb4_.*_ci$/);
    expect(collations.get('name')).toMatch(/^utf8mb4_.*_ci$/);
  });

  it('is idempotent: pushing again applies nothing and keeps data', async () => {
    const connection = await connect(database.mysqlUrl);
    try {
      await connection.query("INSERT INTO conflines (name, value) VALUES ('kept', '1')");
      await pushSchema(database.mysqlUrl);
      await pushSchema(database.mysqlUrl);
      const [migrations] = await connection.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM __drizzle_migrations',
      );
      const [kept] = await connection.query<RowDataPacket[]>(
        "SELECT value FROM conflines WHERE name = 'kept'",
      );
      expect(Number(migrations[0]?.n)).toBe(journal.entries.length);
      expect(kept).toEqual([{ value: '1' }]);
    } finally {
      await connection.end();
    }
  });
});
