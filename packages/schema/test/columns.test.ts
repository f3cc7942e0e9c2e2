import { existsSync, readFileSync } from 'node:fs';
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { OMITTED_USER_COLUMNS, RETURNED_USER_COLUMNS, USER_COLUMNS, users } from '../src/index';
import { BINDING_SPEC, usersSpec, VENDORED_SPEC } from './users-spec';

describe('the vendored spec', () => {
  it.runIf(BINDING_SPEC !== undefined && existsSync(BINDING_SPEC))(
    'is identical to the binding copy named by M4_USERS_SPEC',
    () => {
      const binding = BINDING_SPEC ?? '';
      expect(readFileSync(VENDORED_SPEC, 'utf8')).toBe(readFileSync(binding, 'utf8'));
    },
  );

  it('lists 154 users columns', () => {
    expect(usersSpec()).toHaveLength(154);
  });
});

describe('USER_COLUMNS', () => {
  it('are the table columns of the spec, in its order, as DB names', () => {
    expect(USER_COLUMNS).toEqual(usersSpec().map((column) => column.name));
    const dbNames = Object.values(getTableColumns(users)).map((column) => column.name);
    expect(dbNames).toEqual([...USER_COLUMNS]);
  });
});

describe('RETURNED_USER_COLUMNS', () => {
  it('are the spec columns not marked "never returned", in order', () => {
    const returned = usersSpec()
      .filter((column) => column.returned)
      .map((column) => column.name);
    expect(RETURNED_USER_COLUMNS).toEqual(returned);
  });

  it('has 151 entries and none of the omitted ones', () => {
    expect(RETURNED_USER_COLUMNS).toHaveLength(151);
    for (const omitted of OMITTED_USER_COLUMNS)
      expect(RETURNED_USER_COLUMNS).not.toContain(omitted);
    expect(new Set(RETURNED_USER_COLUMNS).size).toBe(151);
  });

  it('omits exactly what the spec marks as never returned', () => {
    const never = usersSpec()
      .filter((column) => !column.returned)
      .map((column) => column.name);
    expect([...OMITTED_USER_COLUMNS].sort()).toEqual(never.sort());
  });

  it('is frozen', () => {
    expect(Object.isFrozen(RETURNED_USER_COLUMNS)).toBe(true);
    expect(Object.isFrozen(USER_COLUMNS)).toBe(true);
  });
});
