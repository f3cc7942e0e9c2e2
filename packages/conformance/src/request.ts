import { apiHash } from '@m4/core';
import type { CaseRequest, ConformanceCase, SettingName, SettingsOverride } from './cases';
import { BASE_SETTINGS } from './cases';

export const METHOD_PATH = '/billing/api/user_details_raw_get';

export function effectiveSettings(
  override: SettingsOverride = {},
): Record<SettingName, string | null> {
  return { ...BASE_SETTINGS, ...override };
}

function asParam(value: unknown): string | undefined {
  return value === undefined || value === null || typeof value === 'object'
    ? undefined
    : String(value);
}

async function hashFor(request: CaseRequest, secret: string): Promise<string | undefined> {
  const mode = request.hash ?? 'signed';
  if (mode === 'absent') return undefined;
  const u = request.signOver?.u ?? asParam(request.params?.u) ?? '';
  const userId = request.signOver?.user_id ?? asParam(request.params?.user_id) ?? '';
  const hash = await apiHash(u, userId, request.signWith ?? secret);
  switch (mode) {
    case 'upper':
      return hash.toUpperCase();
    case 'truncated':
      return hash.slice(0, 39);
    case 'wrong':
      return `${hash.slice(0, 39)}${hash.endsWith('0') ? '1' : '0'}`;
    default:
      return hash;
  }
}

/** Builds the HTTP request a case describes, signed with the secret its settings hold. */
export async function buildRequest(
  testCase: ConformanceCase,
  baseUrl: string,
  requestId: string,
): Promise<Request> {
  const { request } = testCase;
  const method = request.method ?? 'POST';
  const url = new URL(request.path ?? METHOD_PATH, baseUrl);
  if (request.query) url.search = request.query;
  const headers = new Headers({ 'X-Request-Id': requestId, ...request.headers });

  const secret = effectiveSettings(testCase.settings).API_Secret_Key ?? '';
  const hash = await hashFor(request, secret);
  const entries = Object.entries({ ...request.params, ...(hash !== undefined && { hash }) });

  if (request.body) {
    if (request.body.contentType) headers.set('content-type', request.body.contentType);
    if (request.carrier === 'query') appendQuery(url, entries);
    return new Request(url, { method, headers, body: request.body.text });
  }
  const carrier = request.carrier ?? (method === 'GET' || method === 'HEAD' ? 'query' : 'form');
  switch (carrier) {
    case 'query':
      appendQuery(url, entries);
      return new Request(url, { method, headers });
    case 'json': {
      headers.set('content-type', 'application/json');
      return new Request(url, {
        method,
        headers,
        body: JSON.stringify(Object.fromEntries(entries)),
      });
    }
    case 'multipart': {
      const form = new FormData();
      for (const [key, value] of entries) {
        const text = asParam(value);
        if (text !== undefined) form.append(key, text);
      }
      return new Request(url, { method, headers, body: form });
    }
    case 'form': {
      const form = new URLSearchParams();
      for (const [key, value] of entries) {
        const text = asParam(value);
        if (text !== undefined) form.append(key, text);
      }
      if (!headers.has('content-type')) {
        headers.set('content-type', 'application/x-www-form-urlencoded');
      }
      return new Request(url, { method, headers, body: form.toString() });
    }
  }
}

function appendQuery(url: URL, entries: Array<[string, unknown]>): void {
  for (const [key, value] of entries) {
    const text = asParam(value);
    if (text !== undefined) url.searchParams.append(key, text);
  }
}

/** SQL that replaces the four global settings with the case's (run through the target). */
export function settingsStatements(override: SettingsOverride = {}): string[] {
  const settings = effectiveSettings(override);
  const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const names = Object.keys(settings).map(quote).join(', ');
  const rows = Object.entries(settings)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `(${quote(name)}, ${quote(value)}, 0)`);
  return [
    `DELETE FROM conflines WHERE owner_id = 0 AND name IN (${names})`,
    ...(rows.length > 0
      ? [`INSERT INTO conflines (name, value, owner_id) VALUES ${rows.join(', ')}`]
      : []),
  ];
}
