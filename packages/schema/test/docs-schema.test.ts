import { describe, expect, it } from 'vitest';
import { RETURNED_USER_COLUMNS } from '../src/index';
import { documentedSections, markdownRows, schemaSections } from './docs-schema';

describe('docs/schema.md', () => {
  const documented = documentedSections();

  it('lists the returned columns of the Drizzle schema: names, order, types, NULL, defaults', () => {
    const returned = documented.get('The 151 returned columns') ?? [];
    expect(returned.map((c) => c.name)).toEqual([...RETURNED_USER_COLUMNS]);
    for (const [section, columns] of schemaSections()) {
      // On a difference, the message is the rows the section should have.
      expect(markdownRows(documented.get(section) ?? []), section).toBe(markdownRows(columns));
    }
  });

  it('has no column section the schema lacks', () => {
    expect([...documented.keys()].sort()).toEqual([...schemaSections().keys()].sort());
  });
});
