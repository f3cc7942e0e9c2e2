/**
 * Characters XML 1.0 forbids in a document: C0 controls other than TAB, LF and CR, U+FFFE,
 * U+FFFF, and (with the `u` flag, which reads the string by code points) unpaired surrogates.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching C0 controls is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** Replaces every character XML 1.0 forbids with U+FFFD; everything else is kept as it is. */
export function sanitizeXmlText(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD');
}
