import { readFileSync } from 'node:fs';

/** One row of a column table in the vendored users-table.md. */
export interface SpecColumn {
  name: string;
  type: string;
  nullable: 'YES' | 'NO';
  /** As written: `none`, `NULL`, `auto_increment`, `'0'`, `0`, … */
  default: string;
  returned: boolean;
}

export const VENDORED_SPEC = new URL('./spec/users-table.md', import.meta.url);
/**
 * A binding copy of users-table.md kept outside the repository, when `M4_USERS_SPEC` names one
 * (a path or a file: URL): the vendored copy must then be identical to it.
 */
export const BINDING_SPEC: string | undefined = process.env.M4_USERS_SPEC || undefined;

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

function backticked(cell: string): string {
  const match = /`([^`]+)`/.exec(cell);
  if (!match?.[1]) throw new Error(`no column name in "${cell}"`);
  return match[1];
}

function nullability(cell: string | undefined): 'YES' | 'NO' {
  if (cell !== 'YES' && cell !== 'NO') throw new Error(`bad NULL cell "${cell}"`);
  return cell;
}

const markdown = readFileSync(VENDORED_SPEC, 'utf8');

/** The 154 `users` columns, in order. */
export function usersSpec(): SpecColumn[] {
  return tableRows(section(markdown, '`users`')).map(([position, name, type, nul, def]) => {
    if (!position || !name || !type || def === undefined) throw new Error('short users row');
    return {
      name: backticked(name),
      type,
      nullable: nullability(nul),
      default: def,
      returned: !name.includes('never returned'),
    };
  });
}

/** `conflines` columns: `| column | type | NULL | default |`. */
export function conflinesSpec(): SpecColumn[] {
  return tableRows(section(markdown, '`conflines`')).map(([name, type, nul, def]) => {
    if (!name || !type) throw new Error('short conflines row');
    const autoIncrement = type.includes('auto_increment');
    return {
      name: backticked(name),
      type: type.replace(/ auto_increment.*$/, ''),
      nullable: nullability(nul),
      default: autoIncrement ? 'auto_increment' : def || 'none',
      returned: true,
    };
  });
}

/** The manager tables, from `` `id` int(11) PK, `name` varchar(255) NOT NULL, … ``. */
export function managerTablesSpec(): Map<string, SpecColumn[]> {
  const tables = new Map<string, SpecColumn[]>();
  for (const [table, columns] of tableRows(section(markdown, 'Manager permissions'))) {
    if (!table || !columns) throw new Error('short manager row');
    const parsed: SpecColumn[] = [];
    const pattern = /`(\w+)` (\w+\(\d+\))( PK)?( NOT NULL| NULL)?(?: DEFAULT (\S+))?/g;
    for (const match of columns.matchAll(pattern)) {
      const [, name, type, pk, nul, def] = match;
      if (!name || !type) continue;
      parsed.push({
        name,
        type,
        nullable: pk || nul === ' NOT NULL' ? 'NO' : 'YES',
        default: pk ? 'auto_increment' : (def ?? (nul === ' NULL' ? 'NULL' : 'none')),
        returned: true,
      });
    }
    tables.set(backticked(table), parsed);
  }
  return tables;
}
