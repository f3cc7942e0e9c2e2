import { conformanceSuite } from '@m4/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { type DemoStack, startDemoStack } from '../src/testing';

let stack: DemoStack | undefined;
let statementsBefore = 0;

conformanceSuite({
  name: 'node (hono/node-server → mysql2 pool → proxy → MariaDB)',
  capabilities: { statements: true, faults: true },
  async connect() {
    stack = await startDemoStack({ prefix: 'node' });
    statementsBefore = stack.proxy.statements;
    const target = stack;
    return {
      baseUrl: target.url,
      fetch: (request) => fetch(request),
      exec: target.exec,
      timeoutMs: target.timeoutMs,
      statements: async (requestId) => target.statements(requestId),
      faults: {
        set: async (fault) => target.proxy.setFault(fault),
        clear: async () => target.proxy.setFault(null),
      },
    };
  },
});

describe('node: statements counted by the app', () => {
  it('are exactly the statements that reached the database proxy', () => {
    const target = stack;
    if (!target) throw new Error('the conformance suite did not start');
    const ids = target.lines.map((line) => (JSON.parse(line) as { requestId: string }).requestId);
    expect(new Set(ids).size).toBe(ids.length);
    const counted = ids.reduce((sum, id) => sum + target.statements(id), 0);
    expect(counted).toBeGreaterThan(50);
    expect(target.proxy.statements - statementsBefore).toBe(counted);
  });
});

afterAll(async () => {
  await stack?.stop();
});
