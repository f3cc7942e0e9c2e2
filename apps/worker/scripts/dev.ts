/**
 * `pnpm dev`: the whole local stack. Finds or starts MariaDB, creates the database and pushes
 * the schema, seeds the demo data when `users` is empty, starts the PlanetScale-compatible
 * gateway and `wrangler dev`, then prints a curl that works as pasted. Ctrl-C stops what it
 * started (and nothing else).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { apiHash } from '@m4/core';
import { ensureMariadb, startGateway } from '@m4/localdb';
import { connect, DEMO, generateDemoDataset, pushSchema, writeDataset } from '@m4/schema/dev';

const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/m4_dev';
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 3900);
const workerPort = Number(process.env.WORKER_PORT ?? 8787);
const workerDir = fileURLToPath(new URL('..', import.meta.url));

const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main(): Promise<void> {
  const mariadb = await ensureMariadb({ mysqlUrl });
  cleanups.push(() => mariadb.stop());
  const dbUrl = mariadb.mysqlUrl;
  await pushSchema(dbUrl);
  if ((await countUsers(dbUrl)) === 0) {
    await writeDataset(dbUrl, generateDemoDataset());
    console.log('seeded the demo data set (users was empty)');
  }

  const gateway = await startGateway({ mysqlUrl: dbUrl, port: gatewayPort });
  cleanups.push(() => gateway.close());
  console.log(`gateway on 127.0.0.1:${gateway.port}`);

  const wrangler = spawnWrangler(gateway.url);
  cleanups.push(() => stopChild(wrangler));
  wrangler.on('exit', (code) => {
    if (!stopping) {
      console.error(`wrangler dev exited (${code ?? 'signal'})`);
      void stop(1);
    }
  });

  await waitForHealth(`http://127.0.0.1:${workerPort}/health`);
  const hash = await apiHash(DEMO.admin.username, String(DEMO.user.id), DEMO.secret);
  console.log(`
M4 user_details_raw_get is up on http://127.0.0.1:${workerPort} (database ${new URL(dbUrl).pathname.slice(1)})

  curl -s -X POST http://127.0.0.1:${workerPort}/billing/api/user_details_raw_get \\
    -d u=${DEMO.admin.username} -d user_id=${DEMO.user.id} -d hash=${hash}

Ctrl-C stops the stack.`);
}

async function countUsers(url: string): Promise<number> {
  const connection = await connect(url);
  try {
    const [rows] = await connection.query('SELECT COUNT(*) AS n FROM users');
    return Number((rows as Array<{ n: number | string }>)[0]?.n ?? 0);
  } finally {
    await connection.end();
  }
}

function spawnWrangler(databaseUrl: string): ChildProcess {
  return spawn(
    'pnpm',
    [
      'exec',
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(workerPort),
      '--inspector-port',
      String(workerPort + 10000),
      '--show-interactive-dev-session=false',
    ],
    {
      cwd: workerDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Through the environment, not argv: the process list is readable by every local user.
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      },
      detached: true,
    },
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer on ${url} within 60 s`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
});
