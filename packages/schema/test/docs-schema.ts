import { readFileSync } from 'node:fs';
import type { Column, Table } from 'drizzle-orm';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { MySqlColumnWithAutoIncrement } from 'drizzle-orm/mysql-core';
import {
  conflines,
  managerGroupRights,
  managerGroups,
  managerRights,
  OMITTED_USER_COLUMNS,
  users,
} from '../src/index';

/** docs/schema.md at the repository root: the schema as the project documents it. */
export const DOCS_SCHEMA = new URL('../../../docs/schema.md', import.meta.url);

/** One documented column: `| # | column | type | NULL | default |`. */
export interface DocumentedColumn {
  name: string;
  type: string;
  nullable: 'YES' | 'NO';
  default: string;
}

function defaultText(column: Column): string {
  if (is(column, MySqlColumnWithAutoIncrement) && column.autoIncrement) return 'auto_increment';
  if (column.default === undefined) return column.notNull ? 'none' : 'NULL';
  return typeof column.default === 'string' ? `'${column.default}'` : String(column.default);
}

function documented(column: Column): DocumentedColumn {
  return {
    name: column.name,
    type: column.getSQLType(),
    nullable: column.notNull ? 'NO' : 'YES',
    default: defaultText(column),
  };
}

const omitted: ReadonlySet<string> = new Set(OMITTED_USER_COLUMNS);

/** What the Drizzle schema says the docs must list, per section of docs/schema.md. */
export function schemaSections(): Map<string, DocumentedColumn[]> {
  const all = Object.values(getTableColumns(users)).map((c) => documented(c as Column));
  const sections = new Map<string, DocumentedColumn[]>([
    ['The 151 returned columns', all.filter((c) => !omitted.has(c.name))],
    ['Columns never read', all.filter((c) => omitted.has(c.name))],
  ]);
  const others: Table[] = [conflines, managerGroups, managerRights, managerGroupRights];
  for (const table of others) {
    sections.set(
      `\`${getTableName(table)}\``,
      Object.values(getTableColumns(table)).map((c) => documented(c as Column)),
    );
  }
  return sections;
}

/** The markdown rows of a section, as the docs write them. */
export function markdownRows(columns: readonly DocumentedColumn[]): string {
  return columns
    .map((c, i) => `| ${i + 1} | \`${c.name}\` | \`${c.type}\` | ${c.nullable} | ${c.default} |`)
    .join('\n');
}

/** The column rows under each `### heading` of docs/schema.md. */
export function documentedSections(markdown = readFileSync(DOCS_SCHEMA, 'utf8')) {
  const sections = new Map<string, DocumentedColumn[]>();
  let current: DocumentedColumn[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading?.[1]) {
      current = [];
      sections.set(heading[1].trim(), current);
      continue;
    }
    const row = /^\| \d+ \| `([^`]+)` \| `([^`]+)` \| (YES|NO) \| (.+?) \|$/.exec(line);
    if (row && current) {
      const [, name = '', type = '', nullable, def = ''] = row;
      current.push({ name, type, nullable: nullable as 'YES' | 'NO', default: def });
    }
  }
  return new Map([...sections].filter(([, columns]) => columns.length > 0));
}
