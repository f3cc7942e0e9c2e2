import { describe, expect, it } from 'vitest';
import { sanitizeXmlText } from './sanitize';

const FFFD = '\uFFFD';
const forbiddenC0 = [...Array(0x20).keys()]
  .filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d)
  .map((code) => String.fromCharCode(code));

describe('sanitizeXmlText', () => {
  it.each(forbiddenC0)('replaces C0 control %j with U+FFFD', (char) => {
    expect(sanitizeXmlText(`a${char}b`)).toBe(`a${FFFD}b`);
  });

  it.each(['\uFFFE', '\uFFFF'])('replaces the non-character %j', (char) => {
    expect(sanitizeXmlText(char)).toBe(FFFD);
  });

  it.each([
    ['a lone high surrogate at the end', 'x\uD83D', `x${FFFD}`],
    ['a lone low surrogate at the start', '\uDE00x', `${FFFD}x`],
    ['a reversed pair', '\uDE00\uD83D', FFFD + FFFD],
    ['two high surrogates then a low', '\uD83D\uD83D\uDE00', `${FFFD}\u{1F600}`],
  ])('replaces %s', (_name, input, expected) => {
    expect(sanitizeXmlText(input)).toBe(expected);
  });

  it('keeps everything XML 1.0 allows', () => {
    const allowed = '\t\n\r \u007F\u0085\u00A0\uD7FF\uE000\uFDD0\uFFFD\u{10000}\u{1F600}\u{10FFFF}';
    expect(sanitizeXmlText(allowed)).toBe(allowed);
  });

  it('keeps markup characters for the escaper', () => {
    expect(sanitizeXmlText(`<&>"'`)).toBe(`<&>"'`);
  });

  it('returns the empty string unchanged', () => {
    expect(sanitizeXmlText('')).toBe('');
  });

  it('is idempotent and preserves UTF-16 length', () => {
    const input = 'a\u0000\uD800b\uFFFF\u{1F600}';
    const once = sanitizeXmlText(input);
    expect(sanitizeXmlText(once)).toBe(once);
    expect(once).toHaveLength(input.length);
  });
});
