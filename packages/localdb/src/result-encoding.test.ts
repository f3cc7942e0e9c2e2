import { expect, it } from 'vitest';
import { encodeCounts, encodeField, encodeRow } from './result-encoding';

it('encodes a row as byte lengths and base64, NULL as -1', () => {
  const row = encodeRow([Buffer.from('1'), null, Buffer.from('ą😀'), Buffer.alloc(0)]);
  expect(row.lengths).toEqual(['1', '-1', '6', '0']);
  expect(Buffer.from(row.values ?? '', 'base64').toString('utf8')).toBe('1ą😀');
  expect(encodeRow([null, Buffer.alloc(0)])).toEqual({ lengths: ['-1', '0'] });
});

it('omits zero and empty field attributes, and the type of a NULL column', () => {
  expect(
    encodeField({
      name: 'id',
      columnType: 3,
      flags: 16899,
      characterSet: 63,
      columnLength: 11,
      decimals: 0,
      table: 'users',
      orgTable: 'users',
      orgName: 'id',
      schema: 'm4',
    }),
  ).toEqual({
    name: 'id',
    type: 'INT32',
    table: 'users',
    orgTable: 'users',
    database: 'm4',
    orgName: 'id',
    columnLength: 11,
    charset: 63,
    flags: 16899,
  });
  expect(
    encodeField({
      name: 'n',
      columnType: 6,
      flags: 0,
      decimals: 0,
      table: '',
      orgTable: '',
      orgName: '',
    }),
  ).toEqual({ name: 'n' });
});

it('writes counters as strings and leaves zeros out', () => {
  expect(encodeCounts(1, '9223372036854775807')).toEqual({
    rowsAffected: '1',
    insertId: '9223372036854775807',
  });
  expect(encodeCounts(0, 0)).toEqual({});
});
