import { expect, it } from 'vitest';
import { BINARY_CHARSET, FLAG_ENUM, FLAG_SET, FLAG_UNSIGNED, protocolType } from './field-types';

const utf8 = 224;
const t = (columnType: number, flags = 0, characterSet = BINARY_CHARSET, extendedFormat?: string) =>
  protocolType({ columnType, flags, characterSet, extendedFormat });

it('names integer types, signed and unsigned', () => {
  expect([t(1), t(2), t(9), t(3), t(8)]).toEqual(['INT8', 'INT16', 'INT24', 'INT32', 'INT64']);
  expect(t(1, FLAG_UNSIGNED)).toBe('UINT8');
  expect(t(3, FLAG_UNSIGNED)).toBe('UINT32');
  expect(t(8, FLAG_UNSIGNED)).toBe('UINT64');
});

it('names numeric, temporal and other types', () => {
  expect([t(0), t(246), t(4), t(5)]).toEqual(['DECIMAL', 'DECIMAL', 'FLOAT32', 'FLOAT64']);
  expect([t(10), t(12), t(7), t(11), t(13)]).toEqual([
    'DATE',
    'DATETIME',
    'TIMESTAMP',
    'TIME',
    'YEAR',
  ]);
  expect([t(16), t(245)]).toEqual(['BIT', 'JSON']);
  expect(t(6)).toBeNull();
});

it('tells text from binary by charset 63', () => {
  expect(t(253, 0, utf8)).toBe('VARCHAR');
  expect(t(253, 0, BINARY_CHARSET)).toBe('VARBINARY');
  expect(t(254, 0, utf8)).toBe('CHAR');
  expect(t(254, 0, BINARY_CHARSET)).toBe('BINARY');
  expect(t(252, 16, utf8)).toBe('TEXT');
  expect(t(252, 16, BINARY_CHARSET)).toBe('BLOB');
});

it('names ENUM and SET from their flags, and MariaDB JSON from its extended format', () => {
  expect(t(254, FLAG_ENUM, utf8)).toBe('ENUM');
  expect(t(254, FLAG_SET, utf8)).toBe('SET');
  expect(t(247, 0, utf8)).toBe('ENUM');
  expect(t(252, 16, utf8, 'json')).toBe('JSON');
});
