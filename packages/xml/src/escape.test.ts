import { describe, expect, it } from 'vitest';
import { escapeXmlText } from './escape';

describe('escapeXmlText', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['\r', '&#13;'],
    ['\r\n', '&#13;\n'],
    ['a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });

  it('keeps quotes, tab and LF literal', () => {
    expect(escapeXmlText(`"it's"\t\n`)).toBe(`"it's"\t\n`);
  });

  it('escapes text that looks like an entity, so it reads back as typed', () => {
    expect(escapeXmlText('&amp; &lt; &#13; &foo;')).toBe('&amp;amp; &amp;lt; &amp;#13; &amp;foo;');
  });

  it('sanitises before escaping', () => {
    expect(escapeXmlText('<\u0000>\uD800&')).toBe('&lt;\uFFFD&gt;\uFFFD&amp;');
  });

  it('leaves paired surrogates and other non-ASCII as they are', () => {
    expect(escapeXmlText('Žemaitė 😀 & Привет')).toBe('Žemaitė 😀 &amp; Привет');
  });

  it('returns plain text unchanged', () => {
    expect(escapeXmlText('john@example.com 2024-03-15 10.000000000000000')).toBe(
      'john@example.com 2024-03-15 10.000000000000000',
    );
    expect(escapeXmlText('')).toBe('');
  });
});
