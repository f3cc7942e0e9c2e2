import { describe, expect, it } from 'vitest';
import { dbInt } from './db-int';

describe('dbInt', () => {
  it.each([
    [0, 0n],
    [5, 5n],
    [-1, -1n],
    ['0', 0n],
    ['00', 0n],
    ['07', 7n],
    ['+7', 7n],
    ['-1', -1n],
    [' 7 ', 7n],
    ['99999999999999999999', 99999999999999999999n],
  ] as const)('%j is %s', (value, expected) => {
    expect(dbInt(value)).toBe(expected);
  });

  it.each([null, undefined, '', ' ', '1.5', '1e3', '0x10', 'abc', '7a', 1.5, Number.NaN, Infinity])(
    '%j is no integer',
    (value) => {
      expect(dbInt(value)).toBeNull();
    },
  );
});
