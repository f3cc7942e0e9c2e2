import { protocolType } from './field-types';

/** The column metadata mysql2 hands over (a subset of its FieldPacket). */
export interface MysqlField {
  name: string;
  columnType?: number | undefined;
  type?: number | undefined;
  flags: number | string[];
  characterSet?: number | undefined;
  columnLength?: number | undefined;
  decimals: number;
  table: string;
  orgTable: string;
  orgName: string;
  schema?: string | undefined;
  db?: string | undefined;
  extendedFormat?: string | undefined;
}

/** A column as proto3 JSON: zero and empty values are left out. */
export interface ProtoField {
  name: string;
  type?: string;
  table?: string;
  orgTable?: string;
  database?: string;
  orgName?: string;
  columnLength?: number;
  charset?: number;
  decimals?: number;
  flags?: number;
}

export interface ProtoRow {
  lengths: string[];
  values?: string;
}

export interface ProtoResult {
  fields?: ProtoField[];
  rows?: ProtoRow[];
  rowsAffected?: string;
  insertId?: string;
}

export type RawValue = Buffer | null;

function setIfPresent<K extends keyof ProtoField>(
  field: ProtoField,
  key: K,
  value: ProtoField[K] | undefined,
): void {
  if (value === undefined || value === '' || value === 0) return;
  field[key] = value;
}

export function encodeField(meta: MysqlField): ProtoField {
  const flags = typeof meta.flags === 'number' ? meta.flags : 0;
  const characterSet = meta.characterSet ?? 0;
  const type = protocolType({
    columnType: meta.columnType ?? meta.type ?? 253,
    flags,
    characterSet,
    extendedFormat: meta.extendedFormat,
  });
  const field: ProtoField = { name: meta.name };
  if (type !== null) field.type = type;
  setIfPresent(field, 'table', meta.table);
  setIfPresent(field, 'orgTable', meta.orgTable);
  setIfPresent(field, 'database', meta.schema ?? meta.db);
  setIfPresent(field, 'orgName', meta.orgName);
  setIfPresent(field, 'columnLength', (meta.columnLength ?? 0) >>> 0);
  setIfPresent(field, 'charset', characterSet);
  setIfPresent(field, 'decimals', meta.decimals);
  setIfPresent(field, 'flags', flags);
  return field;
}

/** One row: byte lengths as strings ("-1" for NULL) and the concatenated bytes as base64. */
export function encodeRow(values: readonly RawValue[]): ProtoRow {
  const lengths: string[] = [];
  const chunks: Buffer[] = [];
  for (const value of values) {
    if (value === null) {
      lengths.push('-1');
    } else {
      lengths.push(String(value.length));
      chunks.push(value);
    }
  }
  const bytes = Buffer.concat(chunks);
  return bytes.length === 0 ? { lengths } : { lengths, values: bytes.toString('base64') };
}

export function encodeResultSet(
  fields: readonly MysqlField[],
  rows: readonly (readonly RawValue[])[],
): ProtoResult {
  const result: ProtoResult = {};
  if (fields.length > 0) result.fields = fields.map(encodeField);
  if (rows.length > 0) result.rows = rows.map(encodeRow);
  return result;
}

/** An OK packet's counters; zero means "omitted". */
export function encodeCounts(
  affectedRows: number | string | undefined,
  insertId: number | string | undefined,
): ProtoResult {
  const result: ProtoResult = {};
  const affected = String(affectedRows ?? 0);
  const id = String(insertId ?? 0);
  if (affected !== '0') result.rowsAffected = affected;
  if (id !== '0') result.insertId = id;
  return result;
}
