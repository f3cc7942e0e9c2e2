import { conformanceSuite } from '@m4/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { type HyperdriveStack, startHyperdriveStack } from './stack';

let stack: HyperdriveStack | undefined;

conformanceSuite({
  name: 'worker on Hyperdrive (workerd → mysql2 → Hyperdrive binding → proxy → MariaDB)',
  capabilities: { statements: true, faults: true },
  async connect() {
    stack = await startHyperdriveStack(1000);
    const { proxy } = stack;
    // The cases run one at a time: what reached the proxy during a request is that request's.
    const counted = new Map<string, number>();
    return {
      baseUrl: stack.url,
      fetch: async (request) => {
        const requestId = request.headers.get('x-request-id') ?? '';
        const before = proxy.statements;
        const response = await fetch(request);
        const body = await response.arrayBuffer();
        counted.set(requestId, proxy.statements - before);
        return new Response(body, response);
      },
      exec: (sql) => (stack as HyperdriveStack).exec(sql),
      timeoutMs: stack.timeoutMs,
      statements: async (requestId) => counted.get(requestId) ?? Number.NaN,
      faults: {
        set: async (fault) => proxy.setFault(fault),
        clear: async () => proxy.setFault(null),
      },
    };
  },
});

afterAll(async () => {
  await stack?.stop();
});

describe('worker on Hyperdrive: the request log', () => {
  it('has one JSON line per request, faults named, and never the reader password', () => {
    const output = (stack as HyperdriveStack).output();
    const lines = output
      .split('\n')
      .filter((line) => line.includes('"msg":"request"'))
      .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(90);
    const ids = lines.map((line) => line.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    const faults = lines.filter((line) => line.outcome === 'service_unavailable');
    expect(faults.length).toBeGreaterThanOrEqual(5);
    for (const line of faults) expect(line.fault).toEqual(expect.any(String));
    expect(output).not.toContain((stack as HyperdriveStack).readerPassword);
  });
});
