import { ensureMariadb, type Gateway, type MysqlProxy, startGateway } from '@m4/localdb';
import {
  createTestDatabase,
  DEFAULT_MYSQL_URL,
  generateDemoDataset,
  type TestDatabase,
  writeDataset,
} from '@m4/schema/dev';
import { startHyperdriveDev, startWranglerDev, WORKER_DIR, type WranglerDev } from '@m4/worker/dev';
import { RequestLog } from './request-log';

export interface Stack {
  database: TestDatabase;
  gateway: Gateway;
  worker: WranglerDev;
  /** The worker's own timings per request id, from its log lines. */
  requestLog: RequestLog;
  seed: { users: number; ms: number };
}

/** Runs `cleanup`s in reverse order of registration, each at most once, ignoring failures. */
export class Cleanups {
  #steps: Array<() => Promise<void>> = [];

  add(step: () => Promise<void>): void {
    this.#steps.push(step);
  }

  async run(): Promise<void> {
    const steps = this.#steps.reverse();
    this.#steps = [];
    for (const step of steps) await step().catch(() => undefined);
  }
}

/**
 * MariaDB (found or started), a database of the bench's own with the demo set plus
 * `extraUsers`, the gateway on an ephemeral port, and the worker under `wrangler dev`. Every
 * part registers its own stop with `cleanups` as soon as it exists.
 */
export async function startStack(
  options: { extraUsers: number; dbTimeoutMs: number; log: (line: string) => void },
  cleanups: Cleanups,
): Promise<Stack> {
  const mariadb = await ensureMariadb({
    mysqlUrl: process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL,
    log: options.log,
  });
  cleanups.add(() => mariadb.stop());
  const database = await createTestDatabase('bench', mariadb.mysqlUrl);
  cleanups.add(() => database.drop());
  options.log(`database ${database.name}`);

  const seedStarted = performance.now();
  const dataset = generateDemoDataset({ extraUsers: options.extraUsers });
  await writeDataset(database.mysqlUrl, dataset);
  const seed = { users: dataset.users.length, ms: Math.round(performance.now() - seedStarted) };
  options.log(`seeded ${seed.users} users in ${(seed.ms / 1000).toFixed(1)} s`);

  const gateway = await startGateway({ mysqlUrl: database.mysqlUrl, port: 0 });
  cleanups.add(() => gateway.close());
  options.log(`gateway on 127.0.0.1:${gateway.port}`);

  const requestLog = new RequestLog();
  const worker = await startWranglerDev({
    cwd: WORKER_DIR,
    readyPath: '/health',
    vars: { DB_TIMEOUT_MS: String(options.dbTimeoutMs) },
    env: { DATABASE_URL: gateway.url },
    onLine: (line) => requestLog.onLine(line),
  });
  cleanups.add(() => worker.stop());
  options.log(`wrangler dev on ${worker.baseUrl} (DB_TIMEOUT_MS=${options.dbTimeoutMs})`);
  return { database, gateway, worker, requestLog, seed };
}

export interface HyperdriveWorker {
  worker: WranglerDev;
  /** Between the worker's Hyperdrive binding and MariaDB: counts statements, simulates the round trip. */
  proxy: MysqlProxy;
  requestLog: RequestLog;
  /** Stops the worker and the proxy and drops the reader account (once; also via cleanups). */
  stop(): Promise<void>;
}

/**
 * The Hyperdrive deployment (wrangler env `hyperdrive`, src/hyperdrive.ts) over the same bench
 * database: a reader account that may only SELECT on it (what an operator gives Hyperdrive),
 * the MySQL proxy in front of MariaDB (statement counter and simulated round trip), and a
 * second `wrangler dev` whose local Hyperdrive binding connects to the proxy. The connection
 * string holds the reader's password: it goes through the environment, never argv or a log.
 */
export async function startHyperdriveWorker(
  options: { database: TestDatabase; dbTimeoutMs: number; log: (line: string) => void },
  cleanups: Cleanups,
): Promise<HyperdriveWorker> {
  const requestLog = new RequestLog();
  const hyperdrive = await startHyperdriveDev({
    mysqlUrl: options.database.mysqlUrl,
    proxy: true,
    vars: { DB_TIMEOUT_MS: String(options.dbTimeoutMs) },
    onLine: (line) => requestLog.onLine(line),
  });
  const stop = () => hyperdrive.stop({ dropReader: true });
  cleanups.add(stop);
  const { worker, proxy, reader } = hyperdrive;
  if (!proxy) throw new Error('the Hyperdrive worker started without its proxy');
  options.log(`MySQL proxy on 127.0.0.1:${proxy.port} (reader account ${reader.user})`);
  options.log(`wrangler dev --env hyperdrive on ${worker.baseUrl}`);
  return { worker, proxy, requestLog, stop };
}
