/** MySQL column type codes of the client/server protocol. */
const T = {
  DECIMAL: 0,
  TINY: 1,
  SHORT: 2,
  LONG: 3,
  FLOAT: 4,
  DOUBLE: 5,
  NULL: 6,
  TIMESTAMP: 7,
  LONGLONG: 8,
  INT24: 9,
  DATE: 10,
  TIME: 11,
  DATETIME: 12,
  YEAR: 13,
  NEWDATE: 14,
  VARCHAR: 15,
  BIT: 16,
  TIMESTAMP2: 17,
  DATETIME2: 18,
  TIME2: 19,
  JSON: 245,
  NEWDECIMAL: 246,
  ENUM: 247,
  SET: 248,
  TINY_BLOB: 249,
  MEDIUM_BLOB: 250,
  LONG_BLOB: 251,
  BLOB: 252,
  VAR_STRING: 253,
  STRING: 254,
  GEOMETRY: 255,
} as const;

export const FLAG_UNSIGNED = 32;
export const FLAG_ENUM = 256;
export const FLAG_SET = 2048;
export const BINARY_CHARSET = 63;

export interface ColumnMeta {
  columnType: number;
  flags: number;
  characterSet: number;
  /** MariaDB extended metadata format, e.g. 'json' for a JSON column (an alias of LONGTEXT). */
  extendedFormat?: string | undefined;
}

function integral(base: string, flags: number): string {
  return flags & FLAG_UNSIGNED ? `UINT${base}` : `INT${base}`;
}

function textual(text: string, binary: string, meta: ColumnMeta): string {
  if (meta.flags & FLAG_ENUM) return 'ENUM';
  if (meta.flags & FLAG_SET) return 'SET';
  return meta.characterSet === BINARY_CHARSET ? binary : text;
}

/** The Vitess/PlanetScale type name of a column, or `null` for the NULL type (omitted). */
export function protocolType(meta: ColumnMeta): string | null {
  switch (meta.columnType) {
    case T.TINY:
      return integral('8', meta.flags);
    case T.SHORT:
      return integral('16', meta.flags);
    case T.INT24:
      return integral('24', meta.flags);
    case T.LONG:
      return integral('32', meta.flags);
    case T.LONGLONG:
      return integral('64', meta.flags);
    case T.FLOAT:
      return 'FLOAT32';
    case T.DOUBLE:
      return 'FLOAT64';
    case T.DECIMAL:
    case T.NEWDECIMAL:
      return 'DECIMAL';
    case T.NULL:
      return null;
    case T.TIMESTAMP:
    case T.TIMESTAMP2:
      return 'TIMESTAMP';
    case T.DATE:
    case T.NEWDATE:
      return 'DATE';
    case T.TIME:
    case T.TIME2:
      return 'TIME';
    case T.DATETIME:
    case T.DATETIME2:
      return 'DATETIME';
    case T.YEAR:
      return 'YEAR';
    case T.BIT:
      return 'BIT';
    case T.JSON:
      return 'JSON';
    case T.ENUM:
      return 'ENUM';
    case T.SET:
      return 'SET';
    case T.GEOMETRY:
      return 'GEOMETRY';
    case T.VARCHAR:
    case T.VAR_STRING:
      return textual('VARCHAR', 'VARBINARY', meta);
    case T.STRING:
      return textual('CHAR', 'BINARY', meta);
    case T.TINY_BLOB:
    case T.MEDIUM_BLOB:
    case T.LONG_BLOB:
    case T.BLOB:
      if (meta.extendedFormat === 'json') return 'JSON';
      return textual('TEXT', 'BLOB', meta);
    default:
      return textual('VARCHAR', 'VARBINARY', meta);
  }
}
