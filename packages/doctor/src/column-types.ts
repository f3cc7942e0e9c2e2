/**
 * Does a column's type in the database change the text the service answers with? The service
 * hands every value on as the driver delivers it, except Drizzle's integer columns (`tinyint`,
 * `smallint`, `int`), which it turns into JavaScript numbers. So the text changes when an
 * integer column of the schema is something else in the database (a BIGINT past 2^53, a
 * DECIMAL's fraction, a date as NaN), and for any column the drivers deliver as a number or an
 * object (FLOAT/DOUBLE, JSON) or as bytes. Widths, scales, lengths and enum labels change
 * nothing: the response carries the database's own text for them.
 */

export type TypeFamily =
  | 'integer'
  | 'bigint'
  | 'decimal'
  | 'float'
  | 'datetime'
  | 'date'
  | 'time'
  | 'year'
  | 'text'
  | 'enum'
  | 'set'
  | 'binary'
  | 'json'
  | 'other';

const FAMILIES: Readonly<Record<string, TypeFamily>> = {
  tinyint: 'integer',
  smallint: 'integer',
  mediumint: 'integer',
  int: 'integer',
  integer: 'integer',
  bigint: 'bigint',
  decimal: 'decimal',
  numeric: 'decimal',
  float: 'float',
  double: 'float',
  real: 'float',
  datetime: 'datetime',
  timestamp: 'datetime',
  date: 'date',
  time: 'time',
  year: 'year',
  char: 'text',
  varchar: 'text',
  tinytext: 'text',
  text: 'text',
  mediumtext: 'text',
  longtext: 'text',
  enum: 'enum',
  set: 'set',
  binary: 'binary',
  varbinary: 'binary',
  tinyblob: 'binary',
  blob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
  bit: 'binary',
  json: 'json',
};

/** The family of a column type as information_schema or Drizzle writes it. */
export function familyOf(columnType: string): TypeFamily {
  const base = /^\s*([a-z]+)/i.exec(columnType)?.[1]?.toLowerCase() ?? '';
  return FAMILIES[base] ?? 'other';
}

/** Lower case, integer display widths dropped (`int(11)` = `int`: MySQL 8 prints no width). */
export function normalizeType(columnType: string): string {
  const lower = columnType.trim().toLowerCase().replace(/\s+/g, ' ');
  return lower.replace(/^(tinyint|smallint|mediumint|int|integer|bigint)\(\d+\)/, '$1');
}

export type TypeVerdict =
  /** identical after normalisation */
  | { kind: 'same' }
  /** same family, other width, scale, length, labels or signedness: text unchanged */
  | { kind: 'detail'; note: string }
  /** another family, but the text passes unchanged */
  | { kind: 'family'; note: string }
  /** the response text would differ from the database's */
  | { kind: 'changes-text'; note: string };

const NUMBER_DECODED: ReadonlySet<TypeFamily> = new Set(['integer']);
const NEVER_TEXT: ReadonlySet<TypeFamily> = new Set(['float', 'json', 'binary', 'other']);

const WHY_NOT_TEXT: Readonly<Partial<Record<TypeFamily, string>>> = {
  float: 'the drivers deliver FLOAT/DOUBLE as a JavaScript number, whose text can differ',
  json: 'the drivers deliver JSON as an object, not its text',
  binary: 'the drivers deliver binary columns as bytes, not text',
  other: 'the drivers do not deliver this type as text',
};

/** Compares the schema's type of a column with the database's. */
export function compareColumnType(expected: string, actual: string): TypeVerdict {
  if (normalizeType(expected) === normalizeType(actual)) return { kind: 'same' };
  const want = familyOf(expected);
  const have = familyOf(actual);
  if (NUMBER_DECODED.has(want)) {
    if (have === 'integer') return { kind: 'detail', note: 'integer width or sign differs' };
    const why =
      have === 'bigint'
        ? 'values past 2^53 would lose digits'
        : have === 'decimal' || have === 'float'
          ? 'the fraction and trailing zeros would be lost'
          : 'its values would read as NaN or a bare number';
    return { kind: 'changes-text', note: `the service reads it as a number: ${why}` };
  }
  if (NEVER_TEXT.has(have)) {
    return { kind: 'changes-text', note: WHY_NOT_TEXT[have] ?? 'not delivered as text' };
  }
  if (want === have || (want === 'bigint' && have === 'integer')) {
    return { kind: 'detail', note: 'the response carries the database’s own text' };
  }
  return {
    kind: 'family',
    note: 'the text passes unchanged, but the values may not be what M4 clients expect',
  };
}
