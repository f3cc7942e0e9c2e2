import { fileURLToPath } from 'node:url';
import { freePort, type SpawnedProcess, spawnGroup, waitForOk } from './processes';

/** apps/worker, where wrangler.jsonc is. */
export const WORKER_DIR = fileURLToPath(new URL('..', import.meta.url));
export const WRANGLER_BIN = fileURLToPath(
  new URL('../node_modules/.bin/wrangler', import.meta.url),
);

/** wrangler offline, without metrics or a CF-request for the `cf` object. */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    ...extra,
  };
}

export interface WranglerDev {
  baseUrl: string;
  process: SpawnedProcess;
  stop(): Promise<void>;
}

export interface WranglerDevOptions {
  /** Directory holding the wrangler config; default apps/worker. */
  cwd?: string;
  /** `-c` path relative to cwd; default wrangler.jsonc there. */
  config?: string;
  /** `--env`: a wrangler environment of the config (e.g. `hyperdrive`). */
  environment?: string;
  /** The port to listen on (127.0.0.1); default a free one. The inspector takes another. */
  port?: number;
  /** Passed as `--var NAME:VALUE`. */
  vars?: Record<string, string>;
  /** Passed through the environment (never argv: the process list is world-readable). */
  env?: Record<string, string>;
  /** Answers 2xx once the worker is up. */
  readyPath?: string;
  /** Every line wrangler (and the worker's console) writes. */
  onLine?: (line: string) => void;
}

/** `wrangler dev` of a worker, offline, in a process group of its own; ready on return. */
export async function startWranglerDev(options: WranglerDevOptions = {}): Promise<WranglerDev> {
  const port = options.port ?? (await freePort());
  const inspectorPort = options.port ? options.port + 10000 : await freePort();
  const args = [
    'dev',
    ...(options.config ? ['-c', options.config] : []),
    ...(options.environment ? ['--env', options.environment] : []),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--show-interactive-dev-session=false',
    ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child = spawnGroup(WRANGLER_BIN, args, {
    cwd: options.cwd ?? WORKER_DIR,
    env: wranglerEnv(options.env),
    ...(options.onLine && { onLine: options.onLine }),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${baseUrl}${options.readyPath ?? '/health'}`, child);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { baseUrl, process: child, stop: () => child.stop() };
}
