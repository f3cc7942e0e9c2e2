import { type DemoStack, startDemoStack, unusedPort } from '@m4/node/testing';
import { DEMO } from '@m4/schema/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAsks as args, LOADED_CI_TIMEOUT_MS, runBin } from './run';

describe('bin/m4api.mjs as a child process', () => {
  let stack: DemoStack;
  const env = { M4_API_SECRET: DEMO.secret };
  beforeAll(async () => {
    stack = await startDemoStack({ prefix: 'cli_bin', timeoutMs: LOADED_CI_TIMEOUT_MS });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('exits 0 with the user as JSON', async () => {
    const ran = await runBin(args(stack.url, '6', '--format', 'json'), env);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).user.id).toBe('6');
  });

  it('exits 1 for an M4 error, 2 for usage, 3 when unreachable, 4 for a 503', async () => {
    const port = await unusedPort();
    const [denied, usage, unreachable] = await Promise.all([
      runBin(args(stack.url, '0'), env),
      runBin(['user-details-raw-get', '--url', stack.url, '--secret', 'x'], env),
      runBin(args(`http://127.0.0.1:${port}`, '6'), env),
    ]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe('m4api: Access Denied (access_denied, HTTP 200)\n');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--secret is not accepted/);
    expect(unreachable).toEqual({
      code: 3,
      stdout: '',
      stderr: `m4api: cannot reach http://127.0.0.1:${port}: connection refused\n`,
    });

    stack.proxy.setFault({ mode: 'hang' });
    try {
      const fault = await runBin(args(stack.url, '6', '--format', 'table'), env);
      expect(fault.code).toBe(4);
      expect(fault.stderr).toMatch(/Service temporarily unavailable/);
    } finally {
      stack.proxy.setFault(null);
    }
  });

  it('prints help with exit 0', async () => {
    const help = await runBin(['help', 'user-details-raw-get'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^m4api user-details-raw-get — read one user's details/);
  });
});
