/**
 * What `SHOW GRANTS` says the current account may change. The lines themselves are never kept
 * or printed (MariaDB's carry a password hash): only the writing privileges and where they
 * apply.
 */

export interface WriteGrant {
  /** e.g. `INSERT`, `ALL PRIVILEGES` */
  privileges: string[];
  /** `*.*`, `m4.*`, `m4.users` */
  on: string;
}

const WRITING = new Set([
  'ALL',
  'ALL PRIVILEGES',
  'INSERT',
  'UPDATE',
  'DELETE',
  'DELETE HISTORY',
  'CREATE',
  'DROP',
  'ALTER',
  'INDEX',
  'TRIGGER',
  'CREATE VIEW',
]);

const GRANT =
  /^GRANT\s+([\s\S]+?)\s+ON\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE BODY|PACKAGE)\s+)?((?:`(?:[^`]|``)*`|[^\s.`]+)(?:\.(?:`(?:[^`]|``)*`|[^\s.`]+))?)\s+TO\s/i;

/** Splits `SELECT, UPDATE (a, b), INSERT` on the commas outside parentheses. */
function privilegeList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out
    .map((p) =>
      p
        .replace(/\(.*\)/s, '')
        .trim()
        .replace(/\s+/g, ' ')
        .toUpperCase(),
    )
    .filter((p) => p !== '');
}

function unquote(part: string): string {
  return part.startsWith('`') ? part.slice(1, -1).replace(/``/g, '`') : part;
}

/** A grant's database pattern (`%`, `_`, `\_`) matched against the database name. */
function databaseMatches(pattern: string, database: string): boolean {
  if (pattern === '*') return true;
  let regex = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] ?? '';
    if (char === '\\' && i + 1 < pattern.length) {
      i += 1;
      regex += (pattern[i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') regex += '.*';
    else if (char === '_') regex += '.';
    else regex += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${regex}$`, 'i').test(database);
}

/**
 * The grants among `lines` that let the account change `database` (or, for a table grant,
 * one of `tables`).
 */
export function writeGrants(
  lines: readonly string[],
  database: string,
  tables: readonly string[],
): WriteGrant[] {
  const found: WriteGrant[] = [];
  for (const line of lines) {
    const match = GRANT.exec(line.trim());
    if (!match?.[1] || !match[2]) continue;
    const privileges = privilegeList(match[1]).filter((p) => WRITING.has(p));
    if (privileges.length === 0) continue;
    const [dbPart = '', tablePart] = match[2].split(/\.(?=(?:[^`]*`[^`]*`)*[^`]*$)/);
    const db = unquote(dbPart);
    const table = tablePart === undefined ? undefined : unquote(tablePart);
    if (tablePart === undefined && db !== '*') continue; // routines and roles
    if (!databaseMatches(db, database)) continue;
    if (table !== undefined && table !== '*' && !tables.includes(table)) continue;
    found.push({ privileges, on: `${db}.${table ?? '*'}` });
  }
  return found;
}
