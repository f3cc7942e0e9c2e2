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

/** The object form of a result set (the reference the JSON text below must match). */
export function encodeResultSet(
  fields: readonly MysqlField[],
  rows: readonly (readonly RawValue[])[],
): ProtoResult {
  const result: ProtoResult = {};
  if (fields.length > 0) result.fields = fields.map(encodeField);
  if (rows.length > 0) result.rows = rows.map(encodeRow);
  return result;
}

/** One row as JSON text: `JSON.stringify(encodeRow(values))` without the objects in between. */
export function encodeRowJson(values: readonly RawValue[]): string {
  let lengths = '';
  let size = 0;
  for (const value of values) {
    if (lengths !== '') lengths += ',';
    if (value === null) {
      lengths += '"-1"';
    } else {
      lengths += `"${value.length}"`;
      size += value.length;
    }
  }
  if (size === 0) return `{"lengths":[${lengths}]}`;
  const bytes = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const value of values) if (value !== null) offset += value.copy(bytes, offset);
  // base64 needs no JSON escaping
  return `{"lengths":[${lengths}],"values":"${bytes.toString('base64')}"}`;
}

/** Every attribute of a column that `encodeField` reads, as it read them. */
interface ColumnIdentity {
  name: string;
  type: number | undefined;
  flags: number | string[];
  characterSet: number | undefined;
  columnLength: number | undefined;
  decimals: number;
  extendedFormat: string | undefined;
  table: string;
  orgTable: string;
  database: string | undefined;
  orgName: string;
}

function identityOf(meta: MysqlField): ColumnIdentity {
  return {
    name: meta.name,
    type: meta.columnType ?? meta.type,
    flags: meta.flags,
    characterSet: meta.characterSet,
    columnLength: meta.columnLength,
    decimals: meta.decimals,
    extendedFormat: meta.extendedFormat,
    table: meta.table,
    orgTable: meta.orgTable,
    database: meta.schema ?? meta.db,
    orgName: meta.orgName,
  };
}

function sameColumn(known: ColumnIdentity, meta: MysqlField): boolean {
  return (
    known.name === meta.name &&
    known.type === (meta.columnType ?? meta.type) &&
    typeof known.flags === 'number' &&
    known.flags === meta.flags &&
    known.characterSet === meta.characterSet &&
    known.columnLength === meta.columnLength &&
    known.decimals === meta.decimals &&
    known.extendedFormat === meta.extendedFormat &&
    known.table === meta.table &&
    known.orgTable === meta.orgTable &&
    known.database === (meta.schema ?? meta.db) &&
    known.orgName === meta.orgName
  );
}

interface FieldsEntry {
  columns: ColumnIdentity[];
  json: string;
}

/**
 * The encoded fields of a result set as JSON text, kept per column set: a statement answers
 * the same column definitions every time, and they are 90 % of its answer. An entry is found
 * by the column names and taken only when every attribute of mysql2's column definitions that
 * the encoding reads is the same (types, flags, lengths, charset, table, database, ...), so a
 * changed schema, database or alias is a new entry, never a stale one. Comparing beats
 * building a key: no number becomes a string.
 */
export class FieldsJsonCache {
  readonly #entries = new Map<string, FieldsEntry[]>();
  readonly #capacity: number;
  #size = 0;

  /** `capacity`: column sets kept (all are dropped when it is reached). */
  constructor(capacity = 256) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#size;
  }

  json(fields: readonly MysqlField[]): string {
    let names = '';
    for (const field of fields) names += `${field.name}\u0000`;
    const bucket = this.#entries.get(names);
    if (bucket !== undefined) {
      for (const entry of bucket) if (matches(entry.columns, fields)) return entry.json;
    }
    const json = JSON.stringify(fields.map(encodeField));
    if (this.#size >= this.#capacity) {
      this.#entries.clear();
      this.#size = 0;
    }
    const entry: FieldsEntry = { columns: fields.map(identityOf), json };
    const current = this.#entries.get(names);
    if (current === undefined) this.#entries.set(names, [entry]);
    else current.push(entry);
    this.#size++;
    return json;
  }
}

function matches(columns: readonly ColumnIdentity[], fields: readonly MysqlField[]): boolean {
  if (columns.length !== fields.length) return false;
  for (let i = 0; i < fields.length; i++) {
    if (!sameColumn(columns[i] as ColumnIdentity, fields[i] as MysqlField)) return false;
  }
  return true;
}

/**
 * A result set as proto3 JSON text: `JSON.stringify(encodeResultSet(fields, rows))`, byte for
 * byte, with the fields' text from `cache`; `undefined` for an empty result (left out).
 */
export function encodeResultSetJson(
  fields: readonly MysqlField[],
  rows: readonly (readonly RawValue[])[],
  cache: FieldsJsonCache,
): string | undefined {
  if (fields.length === 0 && rows.length === 0) return undefined;
  let text = '{';
  if (fields.length > 0) text += `"fields":${cache.json(fields)}`;
  if (rows.length > 0) {
    text += fields.length > 0 ? ',"rows":[' : '"rows":[';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as readonly RawValue[];
      text += i > 0 ? `,${encodeRowJson(row)}` : encodeRowJson(row);
    }
    text += ']';
  }
  return `${text}}`;
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
