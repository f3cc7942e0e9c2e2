/**
 * `pnpm dev` (and `pnpm dev:hyperdrive`): the whole local stack. Finds or starts MariaDB, creates
 * the database and pushes the schema, seeds the demo data when `users` is empty, then starts
 * `wrangler dev` reading it — through the PlanetScale-compatible gateway, or with `--hyperdrive`
 * through a local Hyperdrive binding as a reader account that may only SELECT — and prints a
 * curl that works as pasted. Ctrl-C stops what it started (and nothing else).
 */
import { apiHash } from '@m4/core';
import { ensureMariadb, startGateway } from '@m4/localdb';
import { connect, DEMO, generateDemoDataset, pushSchema, writeDataset } from '@m4/schema/dev';
import { startHyperdriveDev, startWranglerDev, type WranglerDev } from '../dev';

const hyperdrive = process.argv.includes('--hyperdrive');
const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/m4_dev';
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 3900);
const workerPort = Number(process.env.WORKER_PORT ?? 8787);

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

  let worker: WranglerDev;
  if (hyperdrive) {
    const started = await startHyperdriveDev({ mysqlUrl: dbUrl, port: workerPort, onLine: print });
    cleanups.push(() => started.stop());
    worker = started.worker;
    console.log(
      `Hyperdrive connects as MariaDB account ${started.reader.user} (SELECT on ` +
        `${databaseOf(dbUrl)} only; created if missing, a new password at every start)`,
    );
  } else {
    const gateway = await startGateway({ mysqlUrl: dbUrl, port: gatewayPort });
    cleanups.push(() => gateway.close());
    console.log(`gateway on 127.0.0.1:${gateway.port}`);
    // Through the environment, never argv: the process list is readable by every local user.
    worker = await startWranglerDev({
      port: workerPort,
      env: { DATABASE_URL: gateway.url },
      onLine: print,
    });
    cleanups.push(() => worker.stop());
  }
  worker.process.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`wrangler dev exited (${code ?? 'signal'})`);
      void stop(1);
    }
  });

  const hash = await apiHash(DEMO.admin.username, String(DEMO.user.id), DEMO.secret);
  const road = hyperdrive ? 'through a local Hyperdrive binding' : 'through the local gateway';
  console.log(`
M4 user_details_raw_get is up on ${worker.baseUrl} (database ${databaseOf(dbUrl)}, ${road})

  curl -s -X POST ${worker.baseUrl}/billing/api/user_details_raw_get \\
    -d u=${DEMO.admin.username} -d user_id=${DEMO.user.id} -d hash=${hash}

Ctrl-C stops the stack.`);
}

function print(line: string): void {
  console.log(line);
}

function databaseOf(url: string): string {
  return new URL(url).pathname.slice(1);
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

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
});
