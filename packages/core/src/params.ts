import { type M4Error, m4Error } from './errors';

/** The three parameters the method reads; everything else a client sends is ignored. */
export interface MethodParams {
  u?: string;
  user_id?: string;
  hash?: string;
}

export type ParamsResult = { ok: true; params: MethodParams } | M4Error;
export type BodyResult = { ok: true; bytes: Uint8Array | null } | M4Error;

export interface ParamsInput {
  /** The raw search string, with or without its leading `?`. */
  query: string;
  contentType: string | null;
  body: Uint8Array | null;
}

/** 64 KiB (method spec §1). */
export const MAX_BODY_BYTES = 65536;

/**
 * How much of an oversized body is read and thrown away before answering 413. Answering while
 * the client is still sending makes some proxies (wrangler dev's among them) reset the
 * connection instead of passing the answer on; past this, the stream is cancelled.
 */
export const MAX_DRAIN_BYTES = 1024 * 1024;

const KEYS = ['u', 'user_id', 'hash'] as const;
type Key = (typeof KEYS)[number];

function isKey(name: string): name is Key {
  return name === 'u' || name === 'user_id' || name === 'hash';
}

type BodyEntries = Iterable<[string, string | undefined]>;

/** Later entries override earlier ones; `undefined` values are skipped (absent). */
function collect(target: MethodParams, entries: BodyEntries): void {
  for (const [name, value] of entries) {
    if (value !== undefined && isKey(name)) target[name] = value;
  }
}

function mediaTypeOf(contentType: string | null): { essence: string; rest: string } | null {
  if (contentType == null) return null;
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon))
    .trim()
    .toLowerCase();
  return { essence, rest: semicolon === -1 ? '' : contentType.slice(semicolon) };
}

function jsonValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

function parseJson(bytes: Uint8Array): BodyEntries | null {
  let parsed: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    // Rails treats a blank JSON body as no parameters.
    if (text.trim() === '') return [];
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const object = parsed as Record<string, unknown>;
  return KEYS.filter((key) => Object.hasOwn(object, key)).map((key) => [
    key,
    jsonValue(object[key]),
  ]);
}

async function parseMultipart(bytes: Uint8Array, rest: string): Promise<BodyEntries | null> {
  try {
    const form = await new Response(bytes, {
      headers: { 'content-type': `multipart/form-data${rest}` },
    }).formData();
    const entries: [string, string | undefined][] = [];
    // File parts are ignored as if absent.
    form.forEach((value, name) => {
      entries.push([name, typeof value === 'string' ? value : undefined]);
    });
    return entries;
  } catch {
    return null;
  }
}

async function parseBody(
  contentType: string | null,
  bytes: Uint8Array,
): Promise<BodyEntries | null> {
  const media = mediaTypeOf(contentType);
  switch (media?.essence) {
    case 'application/x-www-form-urlencoded':
      return new URLSearchParams(new TextDecoder().decode(bytes));
    case 'multipart/form-data':
      return parseMultipart(bytes, media.rest);
    case 'application/json':
      return parseJson(bytes);
    default:
      return [];
  }
}

/**
 * Merges the query string and the body into the method's parameters (method spec §1): the body
 * overrides the query, a repeated key's last value wins, unknown keys are dropped. Bodies of
 * other content types are ignored. Never throws.
 */
export async function readParams(input: ParamsInput): Promise<ParamsResult> {
  const { query, contentType, body } = input;
  if (body !== null && body.byteLength > MAX_BODY_BYTES) return m4Error('request_too_large');
  const params: MethodParams = {};
  // URLSearchParams drops one leading '?', as `URL#search` carries it.
  collect(params, new URLSearchParams(query));
  if (body !== null && body.byteLength > 0) {
    const entries = await parseBody(contentType, body);
    if (entries === null) return m4Error('malformed_request');
    collect(params, entries);
  }
  return { ok: true, params };
}

function ignore(): void {}

/**
 * Reads a request body up to `limit` bytes. Stops reading (and cancels the stream) as soon as
 * more than `limit` bytes have arrived; a stream that fails counts as a malformed request.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number = MAX_BODY_BYTES,
  drainLimit: number = MAX_DRAIN_BYTES,
): Promise<BodyResult> {
  if (body === null) return { ok: true, bytes: null };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) return await refuseOversized(reader, total, drainLimit);
      chunks.push(value);
    }
  } catch {
    reader.cancel().catch(ignore);
    return m4Error('malformed_request');
  }
  if (chunks.length === 1 && chunks[0] !== undefined) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

async function refuseOversized(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  read: number,
  drainLimit: number,
): Promise<M4Error> {
  let total = read;
  try {
    while (total <= drainLimit) {
      const { done, value } = await reader.read();
      if (done) return m4Error('request_too_large');
      total += value.byteLength;
    }
  } catch {
    // The client gave up sending: the body was too large all the same.
  }
  reader.cancel().catch(ignore);
  return m4Error('request_too_large');
}
