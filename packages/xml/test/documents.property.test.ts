// Property tests: whatever text the database or a caller hands over, every document is
// well-formed and an independent parser (saxes) reads back exactly sanitizeXmlText(input).
// FUZZ_RUNS and FUZZ_SEED (passed through by turbo) widen or replay a run.

import type { Envelope } from '@m4/core';
import { RETURNED_USER_COLUMNS, type ReturnedUser } from '@m4/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderErrorDocumentDom } from '../src/error-document-xmlbuilder';
import { renderUserDocument, sanitizeXmlText } from '../src/index';
import { renderUserDocumentDom } from '../src/user-document-xmlbuilder';
import { nullsUser } from './fixtures/users';
import { elementAt, readXml } from './xml-reader';

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = { numRuns: runs, ...(seed === undefined ? {} : { seed }) };
/** A wider FUZZ_RUNS needs more time (a user-document run costs about 2 ms). */
const timeout = Math.max(10_000, runs * 10);

/** Characters worth hitting often: markup, CR/LF, C0, non-characters, lone surrogates. */
const tricky = fc.constantFrom(
  '&',
  '<',
  '>',
  '"',
  "'",
  '\r',
  '\n',
  '\t',
  '\r\n',
  '\u0000',
  '\u0008',
  '\u000B',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uFFFD',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u{1F600}',
  ']]>',
  '&amp;',
  '&#13;',
  '&#x0;',
  '<!--',
  '<?xml',
  '\u0085',
  '\u2028',
  'ą',
  'Ж',
);
/** Any UTF-16 code unit, so lone surrogates and every C0 control can appear. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'grapheme-ascii' }),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 2 })) }),
);
const value = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger()) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const column = fc.constantFrom(...RETURNED_USER_COLUMNS);
const user = fc
  .array(fc.tuple(column, value), { minLength: 1, maxLength: 12 })
  .map((pairs) => ({ ...nullsUser, ...Object.fromEntries(pairs) }) as ReturnedUser);

function readBack(value: string | number | null): string {
  return value === null ? '' : sanitizeXmlText(String(value));
}

describe('documents for arbitrary text', () => {
  it(
    'user document: well-formed, every column reads back sanitised, DOM build identical',
    () => {
      fc.assert(
        fc.property(user, (row) => {
          const xml = renderUserDocument(row);
          const fields = elementAt(readXml(xml), 'page', 'status', 'user').children;
          expect(fields.map((field) => [field.name, field.text])).toEqual(
            RETURNED_USER_COLUMNS.map((name) => [name, readBack(row[name])]),
          );
          expect(renderUserDocumentDom(row)).toBe(xml);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'error documents (xmlbuilder2, the generator): well-formed, the message reads back sanitised',
    () => {
      const envelope = fc.constantFrom<Envelope>('filter', 'method');
      fc.assert(
        fc.property(envelope, text, (kind, message) => {
          const doc = readXml(renderErrorDocumentDom(kind, message));
          const path = kind === 'method' ? ['page', 'status', 'error'] : ['status', 'error'];
          expect(elementAt(doc, ...path).text).toBe(sanitizeXmlText(message));
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'sanitised text is always legal XML 1.0 character data',
    () => {
      const legal = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
      fc.assert(
        fc.property(text, (input) => {
          const once = sanitizeXmlText(input);
          expect(once).toMatch(legal);
          expect(sanitizeXmlText(once)).toBe(once);
          expect(once).toHaveLength(input.length);
        }),
        params,
      );
    },
    timeout,
  );
});
