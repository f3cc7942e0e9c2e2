// Byte-for-byte comparison with the files under test/golden/. The error documents were written
// by hand from the method spec §5; the user documents were generated once and reviewed.
// Regenerate the user documents after a deliberate change: UPDATE_GOLDEN=1 pnpm exec vitest run
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderErrorDocument, renderUserDocument } from '../src/index';
import { hostileUser, nullsUser, realisticUser } from './fixtures/users';

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);

function expectGolden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1' && name.startsWith('user-')) {
    writeFileSync(golden(name), actual);
  }
  const expected = readFileSync(golden(name));
  expect(Buffer.from(actual, 'utf8').equals(expected)).toBe(true);
  expect(actual).toBe(expected.toString('utf8'));
}

describe('golden documents', () => {
  it.each([
    ['user-realistic.xml', realisticUser],
    ['user-nulls.xml', nullsUser],
    ['user-hostile.xml', hostileUser],
  ])('%s', (name, user) => {
    expectGolden(name, renderUserDocument(user));
  });

  it('error-filter.xml', () => {
    expectGolden('error-filter.xml', renderErrorDocument('filter', 'API Requests are disabled'));
  });

  it('error-method.xml', () => {
    expectGolden('error-method.xml', renderErrorDocument('method', 'User was not found'));
  });
});
