import { urlCredentials } from '@m4/http';
import { DEMO } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlPool, startNodeServer } from '../src';
import { type DemoStack, startDemoStack, unusedPort } from '../src/testing';
import { parseLines, post, signedForm, until } from './support';

const UNAVAILABLE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<status>\n  <error>Service temporarily unavailable</error>\n</status>\n';

/** A server over `mysqlUrl` that keeps its log lines; closed by the caller. */
async function serverOver(mysqlUrl: string, timeoutMs = 2000) {
  const lines: string[] = [];
  const server = await startNodeServer({
    pool: createMysqlPool(mysqlUrl, { connectTimeout: timeoutMs }),
    port: 0,
    timeoutMs,
    secrets: urlCredentials(mysqlUrl),
    log: (line) => lines.push(line),
  });
  return { server, lines };
}

describe('node: the database unreachable', () => {
  it('answers 503 with Retry-After when nothing listens on the MySQL port', async () => {
    const url = `mysql://m4reader:unreachable-pw-51c2@127.0.0.1:${await unusedPort()}/m4`;
    const { server, lines } = await serverOver(url);
    try {
      const response = await post(server.url, await signedForm('admin', '6'));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.text).toBe(UNAVAILABLE);
      const [line] = parseLines(lines);
      expect(line).toMatchObject({ level: 'error', outcome: 'service_unavailable', status: 503 });
      expect(line?.fault).toMatch(/ECONNREFUSED/);
      expect(lines.join('\n')).not.toMatch(/unreachable-pw-51c2|m4reader/);
    } finally {
      await server.close();
    }
  });
});

describe('node: faults between the app and MariaDB', () => {
  let stack: DemoStack;
  beforeAll(async () => {
    // Generous: CI runs every package's tests at once on two cores, and this stack opens
    // fresh MySQL connections through the proxy after each fault.
    stack = await startDemoStack({ prefix: 'node_faults', timeoutMs: 1500 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 503 when a login is refused, without the password in the log', async () => {
    const url = new URL(stack.proxy.urlFor(stack.databaseUrl));
    url.password = 'not-roots-password-93be';
    const { server, lines } = await serverOver(url.toString());
    try {
      const response = await post(server.url, await signedForm('admin', '6'));
      expect(response.status).toBe(503);
      expect(response.text).toBe(UNAVAILABLE);
      const [line] = parseLines(lines);
      expect(line?.fault).toMatch(/Access denied/);
      expect(lines.join('\n')).not.toContain('not-roots-password-93be');
    } finally {
      await server.close();
    }
  });

  it('bounds a stalled read by the timeout, destroys its connection, and recovers', async () => {
    const form = await signedForm('admin', '6');
    expect((await post(stack.url, form)).status).toBe(200);
    const before = stack.lines.length;
    const open = stack.proxy.open;
    stack.proxy.setFault({ mode: 'hang' });
    const stalled = await post(stack.url, form, { 'x-request-id': 'stalled-1' });
    // The app destroyed the stalled connection rather than returning it to the pool.
    await until(() => stack.proxy.open === open - 1);
    stack.proxy.setFault(null);
    expect(stalled.status).toBe(503);
    expect(stalled.text).toBe(UNAVAILABLE);
    const [line] = parseLines(stack.lines.slice(before));
    expect(line).toMatchObject({ requestId: 'stalled-1', outcome: 'service_unavailable' });
    expect(line?.fault).toBe(`DatabaseTimeoutError: database call exceeded ${stack.timeoutMs} ms`);
    const recovered = await post(stack.url, form);
    expect(recovered.status).toBe(200);
    expect(recovered.text).toContain(`<username>${DEMO.user.username}</username>`);
  });

  it('bounds a connection that stalls in its handshake, and recovers', async () => {
    const pool = createMysqlPool(stack.proxy.urlFor(stack.databaseUrl), { connectTimeout: 5000 });
    const lines: string[] = [];
    const server = await startNodeServer({
      pool,
      port: 0,
      timeoutMs: 300,
      log: (l) => lines.push(l),
    });
    try {
      stack.proxy.setFault({ mode: 'hang' });
      const stalled = await post(server.url, await signedForm('admin', '6'));
      expect(stalled.status).toBe(503);
      expect(parseLines(lines)[0]?.fault).toMatch(/DatabaseTimeoutError/);
      stack.proxy.setFault(null);
      expect((await post(server.url, await signedForm('admin', '6'))).status).toBe(200);
    } finally {
      stack.proxy.setFault(null);
      await server.close();
    }
  });

  it('answers 503 when the server answers an error or garbage, or cuts the connection', async () => {
    const form = await signedForm('admin', '6');
    const faults = { http500: /ER_SERVER_SHUTDOWN|shutdown/i, garbage: /offset/, drop: /closed/ };
    for (const [mode, fault] of Object.entries(faults)) {
      const before = stack.lines.length;
      stack.proxy.setFault({ mode: mode as 'http500' | 'garbage' | 'drop' });
      const response = await post(stack.url, form);
      stack.proxy.setFault(null);
      expect(response.status, mode).toBe(503);
      expect(parseLines(stack.lines.slice(before))[0]?.fault, mode).toMatch(fault);
      expect((await post(stack.url, form)).status, `${mode} recovery`).toBe(200);
    }
  });

  it('serves concurrent requests after a fault, one statement each', async () => {
    const form = await signedForm('admin', '6');
    stack.proxy.setFault({ mode: 'drop' });
    await post(stack.url, form);
    stack.proxy.setFault(null);
    const ids = Array.from({ length: 12 }, (_, i) => `concurrent-${i}`);
    const results = await Promise.all(
      ids.map((id) => post(stack.url, form, { 'x-request-id': id })),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(ids.map((id) => stack.statements(id))).toEqual(ids.map(() => 1));
  });
});
