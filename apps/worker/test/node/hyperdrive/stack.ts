/**
 * The Hyperdrive deployment (wrangler env `hyperdrive`) under test, from Node: a database of its
 * own with the demo data set, a reader account that may only SELECT on it (what an operator gives
 * Hyperdrive; miniflare's local binding also needs a password), the MySQL fault proxy in front of
 * MariaDB (it counts statements independently of the worker and injects the faults), and
 * `wrangler dev --env hyperdrive`: the worker bundled by wrangler and run in local workerd, its
 * binding connecting to the proxy with the reader's credentials.
 */
import { ensureMariadb, type MysqlProxy } from '@m4/localdb';
import {
  connect,
  createTestDatabase,
  DEFAULT_MYSQL_URL,
  generateDemoDataset,
  writeDataset,
} from '@m4/schema/dev';
import { startHyperdriveDev } from '../../../dev';

export interface HyperdriveStack {
  /** The worker's origin. */
  url: string;
  /** The password of the reader account the binding connects with (for leak checks). */
  readerPassword: string;
  timeoutMs: number;
  proxy: MysqlProxy;
  /** Runs SQL as the database's owner (the worker's account cannot write). */
  exec(sql: string): Promise<void>;
  /** The worker's console lines since start (its request log among them). */
  output(): string;
  stop(): Promise<void>;
}

export async function startHyperdriveStack(timeoutMs: number): Promise<HyperdriveStack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const mariadb = await ensureMariadb({ mysqlUrl: process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL });
    stops.push(() => mariadb.stop());
    const database = await createTestDatabase('worker_hd', mariadb.mysqlUrl);
    stops.push(() => database.drop());
    await writeDataset(database.mysqlUrl, generateDemoDataset());
    const owner = await connect(database.mysqlUrl);
    stops.push(() => owner.end());

    const lines: string[] = [];
    const {
      worker,
      reader,
      proxy,
      stop: stopWorker,
    } = await startHyperdriveDev({
      mysqlUrl: database.mysqlUrl,
      proxy: true,
      vars: { DB_TIMEOUT_MS: String(timeoutMs) },
      onLine: (line) => lines.push(line),
    });
    stops.push(() => stopWorker({ dropReader: true }));
    if (!proxy) throw new Error('the Hyperdrive worker started without its proxy');
    const url = worker.baseUrl;
    return {
      url,
      readerPassword: decodeURIComponent(new URL(reader.mysqlUrl).password),
      timeoutMs,
      proxy,
      exec: async (sql) => {
        await owner.query(sql);
      },
      output: () => lines.join('\n'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
