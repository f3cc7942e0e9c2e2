import { readThroughPlanetScale } from '@m4/database/planetscale';
import { Client } from '@planetscale/database';
import { CALL_TIMEOUT_MS, type Road, type Row, urlSecrets } from './road';

/**
 * `DATABASE_URL` through PlanetScale's HTTP API (@planetscale/database), as the worker reads
 * it; the local gateway speaks the same protocol. Nothing connects before the first query.
 */
export function openPlanetScaleRoad(url: URL): Road {
  const path = url.pathname === '/' ? '' : url.pathname;
  const bounded: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(CALL_TIMEOUT_MS) });
  const client = new Client({ url: url.href, fetch: bounded });
  return {
    source: 'DATABASE_URL',
    driver: '@planetscale/database',
    where: `${url.protocol}//${url.host}${path}`,
    secrets: urlSecrets(url),
    service: (query, signal) =>
      readThroughPlanetScale(url.href, `m4-doctor-${crypto.randomUUID()}`, bounded)(query, signal),
    async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await client.execute(sql, params.length > 0 ? [...params] : null);
      return result.rows as Row[];
    },
    async close() {},
  };
}
