import { M4_ERRORS } from '@m4/core';
import { describe, expect, it } from 'vitest';
import { renderErrorDocument } from './error-document';
import { renderErrorDocumentDom } from './error-document-xmlbuilder';

describe('renderErrorDocument', () => {
  it.each(Object.entries(M4_ERRORS))('serves what xmlbuilder2 writes for %s', (_name, entry) => {
    expect(renderErrorDocument(entry.envelope, entry.message)).toBe(
      renderErrorDocumentDom(entry.envelope, entry.message),
    );
  });

  it('serves the same string every time: a constant, not a rendering', () => {
    const { envelope, message } = M4_ERRORS.user_not_found;
    expect(renderErrorDocument(envelope, message)).toBe(renderErrorDocument(envelope, message));
  });

  it.each([
    ['filter', 'No such message'],
    ['filter', 'User was not found'],
    ['method', 'Incorrect hash'],
    ['method', 'constructor'],
    ['filter', '__proto__'],
  ] as const)('refuses a pair outside the catalogue: (%s, %j)', (envelope, message) => {
    expect(() => renderErrorDocument(envelope, message)).toThrow(
      /not in @m4\/core's M4_ERRORS.*pnpm --filter @m4\/xml generate/,
    );
  });
});
