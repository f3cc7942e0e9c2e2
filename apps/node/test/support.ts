import { apiHash } from '@m4/core';
import { DEMO } from '@m4/schema/seed';

export const METHOD_PATH = '/billing/api/user_details_raw_get';

/** A signed POST for `u`/`user_id` with the demo secret. */
export async function signedForm(
  u: string,
  userId: string,
  extra: Record<string, string> = {},
): Promise<URLSearchParams> {
  return new URLSearchParams({
    u,
    user_id: userId,
    hash: await apiHash(u, userId, DEMO.secret),
    ...extra,
  });
}

export async function post(
  baseUrl: string,
  form: URLSearchParams,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(new URL(METHOD_PATH, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: form.toString(),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** Waits until `condition` holds, checking every few milliseconds; fails after `limitMs`. */
export async function until(condition: () => boolean, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface LogLine {
  level: string;
  msg: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  outcome: string;
  durationMs: number;
  dbMs?: number;
  fault?: string;
}

export function parseLines(lines: readonly string[]): LogLine[] {
  return lines.map((line) => JSON.parse(line) as LogLine);
}
