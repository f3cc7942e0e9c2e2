import type { Gateway } from '@m4/localdb';
import { Client } from '@planetscale/database';
import type { HttpClient, HttpResponse } from './http-client';
import { DEV_PROXY_FLUSH, type Expected, type OutcomeProbe, withRequestId } from './requests';

export interface StatementCount {
  outcome: string;
  status: number;
  /** Execute calls the gateway saw for the request's id. */
  statements: number;
  expectedStatements: number;
  /** Status and body were exactly the expected ones. */
  responseOk: boolean;
}

export function matches(response: HttpResponse, expected: Expected, users: Map<number, string>) {
  if (response.status !== expected.status) return false;
  if ('body' in expected) return response.body === expected.body;
  return response.body === users.get(expected.userId);
}

/** The request id the worker used (its response header), which the gateway counted under. */
export function requestIdOf(response: HttpResponse): string {
  const id = response.headers['x-request-id'];
  return Array.isArray(id) ? (id[0] ?? '') : (id ?? '');
}

/**
 * Sends each probe `repeat` times with a fresh request id, and reads the gateway's count of
 * statements for that id. Settings a probe needs are set in the bench's database and restored.
 */
export async function countStatements(
  http: HttpClient,
  gateway: Gateway,
  probes: readonly OutcomeProbe[],
  users: Map<number, string>,
  repeat = 5,
): Promise<StatementCount[]> {
  const sql = new Client({ url: gateway.url });
  const counts: StatementCount[] = [];
  let n = 0;
  for (const probe of probes) {
    const saved = await applySettings(sql, probe.settings ?? {});
    try {
      for (let i = 0; i < repeat; i++) {
        const response = await http.send(withRequestId(probe.request, `bench-stmt-${n++}`));
        counts.push({
          outcome: probe.outcome,
          status: response.status,
          statements: gateway.statements(requestIdOf(response)),
          expectedStatements: probe.statements,
          responseOk: matches(response, probe.expect, users),
        });
        if (probe.leavesBodyUnread) await http.send(DEV_PROXY_FLUSH);
      }
    } finally {
      await applySettings(sql, saved);
    }
  }
  return counts;
}

/** Sets global settings; returns the previous values (null = the row was missing). */
async function applySettings(
  sql: Client,
  settings: Record<string, string | null>,
): Promise<Record<string, string | null>> {
  const previous: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(settings)) {
    const rows = await sql.execute(
      'SELECT value FROM conflines WHERE name = ? AND owner_id = 0 ORDER BY id LIMIT 1',
      [name],
    );
    const row = rows.rows[0] as { value: string | null } | undefined;
    previous[name] = row === undefined ? null : row.value;
    await sql.execute('DELETE FROM conflines WHERE name = ? AND owner_id = 0', [name]);
    if (value !== null) {
      await sql.execute('INSERT INTO conflines (name, value, owner_id) VALUES (?, ?, 0)', [
        name,
        value,
      ]);
    }
  }
  return previous;
}
