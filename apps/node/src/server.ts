import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Pool } from 'mysql2/promise';
import { createNodeApp, type NodeAppOptions } from './app';

export interface NodeServerOptions extends NodeAppOptions {
  /** 0 = an ephemeral port. */
  port: number;
  /** default 127.0.0.1 */
  hostname?: string;
  /** How long `close()` lets in-flight requests finish before cutting them; default 10 000 ms. */
  drainMs?: number;
}

export interface NodeServer {
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `drainMs`), then closes
   * the pool. Safe to call more than once.
   */
  close(): Promise<void>;
}

export async function startNodeServer(options: NodeServerOptions): Promise<NodeServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const app = createNodeApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, () => resolve(s)) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    port,
    close: () => {
      closing ??= shutdown(server, options.pool, options.drainMs ?? 10_000);
      return closing;
    },
  };
}

async function shutdown(server: Server, pool: Pool, drainMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with no request in flight would hold `close` open.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
  try {
    await closed;
  } finally {
    clearInterval(idleSweep);
    clearTimeout(deadline);
  }
  await pool.end();
}
