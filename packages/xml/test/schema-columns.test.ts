import { RETURNED_USER_COLUMNS } from '@m4/schema';
import { describe, expect, it } from 'vitest';

// packages/schema checks the list against users-table.md; the builder only needs its names to
// be usable as element names as they are.
describe('RETURNED_USER_COLUMNS from @m4/schema', () => {
  it('uses names that are plain XML element names', () => {
    for (const name of RETURNED_USER_COLUMNS) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
