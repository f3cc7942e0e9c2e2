import { PassThrough } from 'node:stream';
import { type DemoStack, startDemoStack } from '@m4/node/testing';
import { RETURNED_USER_COLUMNS } from '@m4/schema';
import { DEMO } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAsks, LOADED_CI_TIMEOUT_MS, runInProcess } from './run';

describe('m4api user-details-raw-get against the Node app (in process)', () => {
  let stack: DemoStack;
  const env = { M4_API_SECRET: DEMO.secret };
  const args = (userId: string, ...more: string[]) => adminAsks(stack.url, userId, ...more);
  beforeAll(async () => {
    stack = await startDemoStack({ prefix: 'cli', timeoutMs: LOADED_CI_TIMEOUT_MS });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('prints the document as received by default, and exits 0', async () => {
    const ran = await runInProcess(args('6'), env);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe('');
    expect(ran.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<page>')).toBe(true);
    expect(ran.stdout).toContain('<id>6</id>');
  });

  it('prints JSON and the table, over GET too', async () => {
    const json = await runInProcess(args('6', '--format', 'json', '--get'), env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.ok).toBe(true);
    expect(Object.keys(parsed.user)).toEqual([...RETURNED_USER_COLUMNS]);
    const table = await runInProcess(args(String(DEMO.xmlMeta.id), '--format', 'table'), env);
    expect(table.code).toBe(0);
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(RETURNED_USER_COLUMNS.length);
    expect(rows[0]).toMatch(new RegExp(`^id +${DEMO.xmlMeta.id}$`));
    expect(table.stdout).toMatch(/\\r/);
  });

  it('exits 1 with the M4 message on stderr', async () => {
    const ran = await runInProcess(args('999999', '--format', 'table'), env);
    expect(ran).toEqual({
      code: 1,
      stdout: '',
      stderr: 'm4api: User was not found (user_not_found, HTTP 200)\n',
    });
    const wrong = await runInProcess(args('6'), { M4_API_SECRET: 'wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Incorrect hash');
  });

  it('exits 4 when the service answers 503', async () => {
    stack.proxy.setFault({ mode: 'hang' });
    try {
      const ran = await runInProcess(args('6', '--format', 'table'), env);
      expect(ran.code).toBe(4);
      expect(ran.stderr).toBe(
        'm4api: Service temporarily unavailable (service_unavailable, HTTP 503; retry after 5 s)\n',
      );
    } finally {
      stack.proxy.setFault(null);
    }
  });

  it('asks for the secret on a terminal when M4_API_SECRET is not set', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => tty });
    const ran = runInProcess(args('6', '--format', 'json'), {}, tty);
    tty.write(`${DEMO.secret}\r`);
    const done = await ran;
    expect(done.code).toBe(0);
    expect(done.stderr).toBe('M4 API secret: \n');
    expect(done.stdout).not.toContain(DEMO.secret);
  });

  it('exits 2 without a secret and without a terminal to ask on', async () => {
    const ran = await runInProcess(args('6'), {});
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      'm4api: M4_API_SECRET is not set and stdin is not a terminal to ask for it\n',
    );
  });

  it('exits 3 with one line when the timeout passes', async () => {
    stack.proxy.setFault({ mode: 'latency', latencyMs: 250 });
    try {
      const ran = await runInProcess(args('6', '--timeout', '50'), env);
      expect(ran.code).toBe(3);
      expect(ran.stderr).toBe(`m4api: no answer from ${stack.url} within 50 ms\n`);
    } finally {
      stack.proxy.setFault(null);
    }
  });
});
