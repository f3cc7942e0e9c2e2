import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStack, startDemoStack } from '../src/testing';
import { post, signedForm, until } from './support';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `src/main.ts` as its own process (what `pnpm start` runs), with its stdout lines. */
function startMain(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PACKAGE_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    out.push(...parts);
  });
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, out, err, exited };
}

describe('node: src/main.ts', () => {
  let stack: DemoStack;
  beforeAll(async () => {
    stack = await startDemoStack({ prefix: 'node_main' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('serves from MYSQL_URL and exits 0 on SIGTERM after its in-flight request', async () => {
    const main = startMain({
      MYSQL_URL: stack.proxy.urlFor(stack.databaseUrl),
      PORT: '0',
      DB_TIMEOUT_MS: '5000',
    });
    try {
      await until(() => main.out.some((l) => l.includes('"msg":"listening"')), 30_000);
      const listening = JSON.parse(main.out.find((l) => l.includes('listening')) ?? '{}');
      const url = String(listening.url);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listening.timeoutMs).toBe(5000);

      expect((await fetch(new URL('/health', url))).status).toBe(200);
      const form = await signedForm('admin', '6');
      const answered = await post(url, form, { 'x-request-id': 'main-1' });
      expect(answered.status).toBe(200);
      expect(answered.headers.get('x-request-id')).toBe('main-1');
      const line = main.out.map((l) => JSON.parse(l)).find((l) => l.requestId === 'main-1');
      expect(line).toMatchObject({ msg: 'request', status: 200, outcome: 'ok' });

      stack.proxy.setFault({ mode: 'latency', latencyMs: 400 });
      const sent = stack.proxy.statements;
      const inFlight = post(url, form);
      await until(() => stack.proxy.statements > sent);
      main.child.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      const [code] = await main.exited;
      expect(code).toBe(0);
      expect(main.out.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    } finally {
      stack.proxy.setFault(null);
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
    }
  });

  it('refuses a bad DB_TIMEOUT_MS with exit code 2', async () => {
    const main = startMain({ DB_TIMEOUT_MS: 'soon', PORT: '0' });
    const [code] = await main.exited;
    expect(code).toBe(2);
    expect(main.err.join('')).toContain('DB_TIMEOUT_MS must be a positive number');
  });
});
