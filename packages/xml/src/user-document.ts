import { RETURNED_USER_COLUMNS, type ReturnedUser } from '@m4/schema';
import { escapeXmlText } from './escape';
import { FINAL_NEWLINE, XML_DECLARATION } from './layout';

type ColumnValue = ReturnedUser[keyof ReturnedUser] | undefined;

interface ColumnTags {
  readonly column: keyof ReturnedUser;
  readonly open: string;
  readonly close: string;
  readonly empty: string;
}

const HEAD = `${XML_DECLARATION}\n<page>\n  <status>\n    <user>\n`;
const TAIL = `    </user>\n  </status>\n</page>${FINAL_NEWLINE}`;

const TAGS: readonly ColumnTags[] = RETURNED_USER_COLUMNS.map((column) => ({
  column,
  open: `      <${column}>`,
  close: `</${column}>\n`,
  empty: `      <${column}/>\n`,
}));

/** The element text of one column value; '' means an empty element (NULL, '' or absent). */
export function columnText(value: ColumnValue): string {
  if (value === null || value === undefined) return '';
  return escapeXmlText(typeof value === 'string' ? value : String(value));
}

/**
 * The success document (method spec §4): one element per returned column, in schema order.
 * Iterates the column list, never the object, so other keys of `user` are never written.
 */
export function renderUserDocument(user: ReturnedUser): string {
  let out = HEAD;
  for (const tags of TAGS) {
    const text = columnText(user[tags.column]);
    out += text === '' ? tags.empty : tags.open + text + tags.close;
  }
  return out + TAIL;
}
