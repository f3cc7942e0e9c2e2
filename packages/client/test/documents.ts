import { RETURNED_USER_COLUMNS } from '@m4/schema';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** A user document shaped as method spec §4 prints it; `values` override `<column>column</column>`. */
export function userDocument(
  values: Record<string, string> = {},
  columns: readonly string[] = RETURNED_USER_COLUMNS,
): string {
  const lines = columns.map((column) => {
    const value = values[column] ?? `${column}-value`;
    return value === ''
      ? `      <${column}/>`
      : `      <${column}>${escapeText(value)}</${column}>`;
  });
  return `${DECLARATION}<page>\n  <status>\n    <user>\n${lines.join('\n')}\n    </user>\n  </status>\n</page>\n`;
}

export function filterError(text: string): string {
  return `${DECLARATION}<status>\n  <error>${text}</error>\n</status>\n`;
}

export function methodError(text: string): string {
  return `${DECLARATION}<page>\n  <status>\n    <error>${text}</error>\n  </status>\n</page>\n`;
}
