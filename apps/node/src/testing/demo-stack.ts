import type { MethodDeps } from '@m4/http';
import { urlCredentials } from '@m4/http';
import { ensureMariadb, type MariadbHandle, type MysqlProxy, startMysqlProxy } from '@m4/localdb';
import {
  connect,
  createTestDatabase,
  DEFAULT_MYSQL_URL,
  generateDemoDataset,
  writeDataset,
} from '@m4/schema/dev';
import type { Pool } from 'mysql2/promise';
import { createMysqlPool } from '../database';
import { type NodeServer, startNodeServer } from '../server';

export interface DemoStackOptions {
  /** Names the test database: `m4_t_<prefix>_<random>`. */
  prefix: string;
  /** default 1000 */
  timeoutMs?: number;
  limiter?: MethodDeps['limiter'];
  /** The MariaDB server; default `MYSQL_URL` or the default URL. */
  serverUrl?: string;
}

/** The Node app on an ephemeral port, over a proxy, over a fresh database with the demo data. */
export interface DemoStack {
  /** The app's base URL. */
  url: string;
  /** The test database, directly (not through the proxy). */
  databaseUrl: string;
  timeoutMs: number;
  proxy: MysqlProxy;
  server: NodeServer;
  pool: Pool;
  /** Every request log line the app wrote. */
  lines: string[];
  /** Statements the app sent for a request id. */
  statements(requestId: string): number;
  /** Runs one statement on the test database, not through the app or the proxy. */
  exec(sql: string): Promise<void>;
  /** Closes the server (and its pool), the proxy, and drops the database. */
  stop(): Promise<void>;
}

export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const timeoutMs = options.timeoutMs ?? 1000;
  const serverUrl = options.serverUrl ?? process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL;
  const database = await createTestDatabase(options.prefix, serverUrl);
  const cleanup: Array<() => Promise<unknown>> = [() => database.drop()];
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      for (const step of cleanup.reverse()) await step();
    })();
    return stopped;
  };
  try {
    await writeDataset(database.mysqlUrl, generateDemoDataset());
    const { hostname, port } = new URL(database.mysqlUrl);
    const proxy = await startMysqlProxy({ host: hostname, port: Number(port || 3306) });
    cleanup.push(() => proxy.close());
    const admin = await connect(database.mysqlUrl);
    cleanup.push(() => admin.end());
    const pool = createMysqlPool(proxy.urlFor(database.mysqlUrl), { connectTimeout: timeoutMs });
    const counts = new Map<string, number>();
    const lines: string[] = [];
    const server = await startNodeServer({
      pool,
      port: 0,
      timeoutMs,
      limiter: options.limiter,
      secrets: urlCredentials(database.mysqlUrl),
      log: (line) => lines.push(line),
      onStatement: (id) => counts.set(id, (counts.get(id) ?? 0) + 1),
    });
    cleanup.push(() => server.close());
    return {
      url: server.url,
      databaseUrl: database.mysqlUrl,
      timeoutMs,
      proxy,
      server,
      pool,
      lines,
      statements: (id) => counts.get(id) ?? 0,
      exec: async (sql) => {
        await admin.query(sql);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** For a vitest globalSetup: a MariaDB that answers (started privately when none does). */
export function ensureTestMariadb(): Promise<MariadbHandle> {
  return ensureMariadb({ mysqlUrl: process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL });
}
