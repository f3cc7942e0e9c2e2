import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type CliIo, runCli } from '../src';

/**
 * The demo stack's database bound in these tests: long enough for a fresh MySQL handshake while
 * CI runs other suites on the same two cores, short enough for the hang tests.
 */
export const LOADED_CI_TIMEOUT_MS = 1500;

/** `m4api user-details-raw-get` as the demo admin asking for `userId`. */
export function adminAsks(url: string, userId: string, ...more: string[]): string[] {
  return ['user-details-raw-get', '--url', url, '--user', 'admin', '--user-id', userId, ...more];
}

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'm4api.mjs');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `runCli` in this process, with captured output and a stdin that is not a terminal. */
export async function runInProcess(
  argv: string[],
  env: Record<string, string> = {},
  stdin: CliIo['stdin'] = new PassThrough(),
): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    stdin,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** The installed command as a child process: `bin/m4api.mjs`, stdin closed. */
export async function runBin(argv: string[], env: Record<string, string> = {}): Promise<Ran> {
  const child = spawn(process.execPath, [BIN, ...argv], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
