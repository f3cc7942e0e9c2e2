import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { serverUrl } from './databases';
import { describeMysqlUrl, isLoopbackHost } from './loopback';

export interface EnsureMariadbOptions {
  mysqlUrl: string;
  /** default `<repo root>/.mariadb/<port>` (git-ignored) */
  dataDir?: string;
  /** default /usr/sbin/mariadbd, else `mariadbd` on PATH */
  mariadbdPath?: string;
  /** default `mariadb-install-db` beside mariadbd's usual places or on PATH */
  installDbPath?: string;
  /** how long to wait for a started server to answer; default 30 000 ms */
  startTimeoutMs?: number;
  /** where the one "started" line goes; default console.log */
  log?: (line: string) => void;
}

export interface MariadbHandle {
  mysqlUrl: string;
  /** true when this call started a private server (and `stop()` stops it) */
  started: boolean;
  stop(): Promise<void>;
}

const run = promisify(execFile);

type Probe = { up: true } | { up: false; reason: string };

/** Does a server answer `SELECT 1`? A server that refuses the login is an error, not "down". */
async function probe(mysqlUrl: string): Promise<Probe> {
  let conn: Awaited<ReturnType<typeof createConnection>> | undefined;
  try {
    conn = await createConnection({ uri: serverUrl(mysqlUrl), connectTimeout: 2000 });
    await conn.query('SELECT 1');
    return { up: true };
  } catch (err) {
    const e = err as { sqlState?: unknown; code?: unknown; message?: unknown };
    if (typeof e.sqlState === 'string') throw err;
    return { up: false, reason: String(e.code ?? e.message) };
  } finally {
    await conn?.end().catch(() => conn?.destroy());
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function findBinary(
  explicit: string | undefined,
  usual: string[],
  name: string,
): string | undefined {
  if (explicit !== undefined) return existsSync(explicit) ? explicit : undefined;
  return usual.find((p) => existsSync(p)) ?? onPath(name);
}

export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function noServerMessage(host: string, port: number, why: string): string {
  return (
    `no MySQL/MariaDB server answers at ${host}:${port} (${why}). ` +
    'Install MariaDB (sudo apt-get install mariadb-server) so one can be started here, ' +
    'or set MYSQL_URL to a running server (mysql://user:password@host:port/database).'
  );
}

/**
 * Uses the server at `mysqlUrl` if one answers; otherwise starts a private MariaDB on that
 * loopback port with a project-owned data dir. `stop()` stops only what this call started.
 */
export async function ensureMariadb(opts: EnsureMariadbOptions): Promise<MariadbHandle> {
  const { host, port } = describeMysqlUrl(opts.mysqlUrl);
  const first = await probe(opts.mysqlUrl);
  if (first.up) return { mysqlUrl: opts.mysqlUrl, started: false, stop: async () => undefined };
  if (!isLoopbackHost(host)) throw new Error(noServerMessage(host, port, first.reason));

  const mariadbd = findBinary(opts.mariadbdPath, ['/usr/sbin/mariadbd'], 'mariadbd');
  if (mariadbd === undefined) {
    throw new Error(noServerMessage(host, port, `${first.reason}; no mariadbd binary found`));
  }
  const dataDir = opts.dataDir ?? join(repoRoot(), '.mariadb', String(port));
  const errorLog = join(dataDir, 'mariadbd.err');
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dataDir, { recursive: true });
  if (asRoot) await run('chown', ['-R', 'mysql:mysql', dataDir]);
  if (!existsSync(join(dataDir, 'mysql'))) {
    const installDb = findBinary(
      opts.installDbPath,
      [join(dirname(mariadbd), '..', 'bin', 'mariadb-install-db'), '/usr/bin/mariadb-install-db'],
      'mariadb-install-db',
    );
    if (installDb === undefined) throw new Error('mariadb-install-db not found beside mariadbd');
    await run(installDb, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--user=mysql',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    if (asRoot) await run('chown', ['-R', 'mysql:mysql', dataDir]);
  }

  const child: ChildProcess = spawn(
    mariadbd,
    [
      '--no-defaults',
      '--user=mysql',
      `--datadir=${dataDir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dataDir, 'mysqld.sock')}`,
      `--pid-file=${join(dataDir, 'mariadbd.pid')}`,
      `--log-error=${errorLog}`,
      '--skip-networking=0',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_general_ci',
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exit;
    clearTimeout(killer);
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 30_000);
  for (;;) {
    if (exited) {
      throw new Error(`mariadbd exited during start-up; its log ends:\n${logTail(errorLog)}`);
    }
    if ((await probe(opts.mysqlUrl)).up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`mariadbd did not answer on ${host}:${port} in time:\n${logTail(errorLog)}`);
    }
    await sleep(250);
  }
  (opts.log ?? console.log)(`started MariaDB on 127.0.0.1:${port} (data dir ${dataDir})`);
  return { mysqlUrl: opts.mysqlUrl, started: true, stop };
}
