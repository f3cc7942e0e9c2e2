// The golden files and the response order depend on @m4/schema's list; check it against an
// independent copy of the spec table so a change there is seen here.
import { RETURNED_USER_COLUMNS } from '@m4/schema';
import { describe, expect, it } from 'vitest';
import { SPEC_OMITTED_COLUMNS, SPEC_RETURNED_COLUMNS } from './fixtures/spec-columns';

describe('RETURNED_USER_COLUMNS from @m4/schema', () => {
  it('is the 151 spec columns in table order', () => {
    expect([...RETURNED_USER_COLUMNS]).toEqual([...SPEC_RETURNED_COLUMNS]);
    expect(new Set(RETURNED_USER_COLUMNS).size).toBe(151);
  });

  it('names none of the omitted columns', () => {
    for (const name of SPEC_OMITTED_COLUMNS) expect(RETURNED_USER_COLUMNS).not.toContain(name);
  });

  it('uses names that are plain XML element names', () => {
    for (const name of RETURNED_USER_COLUMNS) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
