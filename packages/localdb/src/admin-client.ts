import type { Fault } from './fault';

export type { Fault, FaultMode } from './fault';

export interface GatewayAdmin {
  /** Execute calls seen for this X-Request-Id, or in total without one. */
  statements(requestId?: string): Promise<number>;
  setFault(f: Fault | null): Promise<void>;
  setRoundTrip(ms: number): Promise<void>;
  reset(): Promise<void>;
}

/** A fetch-only client of the gateway's `/_admin` endpoints (usable inside workerd). */
export function gatewayAdmin(adminUrl: string, fetcher: typeof fetch = fetch): GatewayAdmin {
  const base = adminUrl.replace(/\/+$/, '');
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    const res = await fetcher(`${base}${path}`, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`gateway admin ${method} ${path}: HTTP ${res.status} ${text}`);
    return JSON.parse(text) as unknown;
  };
  return {
    statements: async (requestId) => {
      const path =
        requestId === undefined
          ? '/statements'
          : `/statements?request_id=${encodeURIComponent(requestId)}`;
      const json = (await call('GET', path)) as { total?: number; statements?: number };
      return (requestId === undefined ? json.total : json.statements) ?? 0;
    },
    setFault: async (f) => {
      if (f === null) await call('DELETE', '/fault');
      else await call('PUT', '/fault', f);
    },
    setRoundTrip: async (ms) => {
      await call('PUT', '/round-trip', { ms });
    },
    reset: async () => {
      await call('POST', '/reset');
    },
  };
}
