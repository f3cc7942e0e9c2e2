// The shipped error documents (src/error-documents.generated.ts) are exactly what the generator
// writes now: core's whole catalogue, rendered by the xmlbuilder2 installed here.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { M4_ERRORS } from '@m4/core';
import { describe, expect, it } from 'vitest';
import {
  ERROR_DOCUMENTS_FILE,
  errorDocumentsSource,
  errorDocumentTable,
  GENERATE_COMMAND,
  singleQuoted,
  templateLiteral,
} from '../scripts/error-documents-source';
import { ERROR_DOCUMENTS } from '../src/error-documents.generated';

const STALE = `src/error-documents.generated.ts is stale: run \`${GENERATE_COMMAND}\` and commit it`;

describe('src/error-documents.generated.ts', () => {
  it('holds exactly the documents xmlbuilder2 writes for every pair of the catalogue', () => {
    const table = errorDocumentTable();
    const expected = {
      filter: Object.fromEntries(table.filter),
      method: Object.fromEntries(table.method),
    };
    expect(ERROR_DOCUMENTS, STALE).toStrictEqual(expected);
  });

  it('is byte for byte the generator output', () => {
    const committed = readFileSync(ERROR_DOCUMENTS_FILE, 'utf8');
    expect(committed === errorDocumentsSource(), STALE).toBe(true);
  });

  it('covers each entry of M4_ERRORS, and nothing else', () => {
    const pairs = new Set(Object.values(M4_ERRORS).map((e) => `${e.envelope}\n${e.message}`));
    const shipped = Object.entries(ERROR_DOCUMENTS).flatMap(([envelope, documents]) =>
      Object.keys(documents).map((message) => `${envelope}\n${message}`),
    );
    expect(shipped.sort()).toEqual([...pairs].sort());
  });

  it.each(['plain', '`\u0024{x}` \\ \r\n', 'it\'s "q"', '\u2028\t'])(
    'writes %j as literals that read back exactly',
    (text) => {
      expect(runInNewContext(templateLiteral(text))).toBe(text);
      expect(runInNewContext(`({ ${singleQuoted(text)}: 1 })`)).toEqual({ [text]: 1 });
    },
  );
});
