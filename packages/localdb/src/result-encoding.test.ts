import { describe, expect, it } from 'vitest';
import {
  encodeCounts,
  encodeField,
  encodeResultSet,
  encodeResultSetJson,
  encodeRow,
  encodeRowJson,
  FieldsJsonCache,
  type MysqlField,
  type RawValue,
} from './result-encoding';

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

const column = (over: Partial<MysqlField> = {}): MysqlField => ({
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
  ...over,
});

describe('the JSON text encoders', () => {
  const rows: RawValue[][] = [
    [Buffer.from('1'), null, Buffer.from('ą😀 "\\\n'), Buffer.alloc(0)],
    [null, null, Buffer.alloc(0), Buffer.alloc(0)],
    [Buffer.from([0, 255, 1]), Buffer.from('x'), null, null],
    [],
  ];

  it('writes a row as JSON.stringify writes its object form', () => {
    for (const row of rows) expect(encodeRowJson(row)).toBe(JSON.stringify(encodeRow(row)));
  });

  it('writes a result set as JSON.stringify writes its object form, empty as undefined', () => {
    const fields = [
      column(),
      column({ name: 'n "ü"', columnType: 6, flags: 0, table: '', orgTable: '', orgName: '' }),
      column({ name: 'j', columnType: 252, characterSet: 45, extendedFormat: 'json' }),
      column({ name: 'x', flags: ['NOT_NULL'], schema: undefined, db: 'other' }),
    ];
    const cache = new FieldsJsonCache();
    for (const [f, r] of [
      [fields, rows.slice(0, 3)],
      [fields, []],
      [[], rows.slice(0, 1)],
    ] as const) {
      expect(encodeResultSetJson(f, r, cache)).toBe(JSON.stringify(encodeResultSet(f, r)));
    }
    expect(encodeResultSetJson([], [], cache)).toBeUndefined();
  });

  it('keeps one entry per column set and a new one for any changed attribute', () => {
    const cache = new FieldsJsonCache();
    const base = [column(), column({ name: 'name', columnType: 253, characterSet: 45 })];
    const first = cache.json(base);
    expect(cache.json(base.map((f) => ({ ...f })))).toBe(first);
    expect(cache.size).toBe(1);
    const changes: Partial<MysqlField>[] = [
      { name: 'ID' },
      { columnType: 8 },
      { flags: 16931 },
      { characterSet: 45 },
      { columnLength: 10 },
      { decimals: 2 },
      { table: 'u' },
      { orgTable: 'people' },
      { schema: 'm4_other' },
      { orgName: 'uid' },
      { extendedFormat: 'json' },
    ];
    for (const change of changes) {
      const changed = [column(change), base[1] as MysqlField];
      expect(cache.json(changed)).toBe(JSON.stringify(changed.map(encodeField)));
    }
    expect(cache.size).toBe(1 + changes.length);
  });

  it('starts over when full', () => {
    const cache = new FieldsJsonCache(2);
    for (const name of ['a', 'b', 'c', 'a']) {
      expect(cache.json([column({ name })])).toBe(JSON.stringify([encodeField(column({ name }))]));
    }
    expect(cache.size).toBe(2);
  });
});
