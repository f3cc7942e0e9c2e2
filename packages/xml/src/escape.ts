import { sanitizeXmlText } from './sanitize';

/** Anything that needs work: forbidden characters, markup characters, CR, any surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching C0 controls is the point
const NEEDS_WORK = /[\u0000-\u0008\u000B-\u001F&<>\uD800-\uDFFF\uFFFE\uFFFF]/;
const MARKUP = /[&<>\r]/g;

function toReference(char: string): string {
  if (char === '&') return '&amp;';
  if (char === '<') return '&lt;';
  return char === '>' ? '&gt;' : '&#13;';
}

/**
 * The text content as written between tags: sanitised, then `&`, `<`, `>` escaped and a carriage
 * return written `&#13;` so that a parser reads it back. Quotes stay literal.
 */
export function escapeXmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return sanitizeXmlText(value).replace(MARKUP, toReference);
}
