import { type MysqlProxy, startMysqlProxy } from '@m4/localdb';
import { ensureReaderAccount, type ReaderAccount } from '@m4/schema/dev';
import { startWranglerDev, type WranglerDev, type WranglerDevOptions } from './wrangler';

export interface HyperdriveDev {
  worker: WranglerDev;
  /** The SELECT-only account the local binding connects as. */
  reader: ReaderAccount;
  /** Between the binding and the database, when asked for: statement counter, faults, round trip. */
  proxy: MysqlProxy | undefined;
  /** Stops the worker and the proxy (once); `dropReader` also drops the account. */
  stop(options?: { dropReader?: boolean }): Promise<void>;
}

export interface HyperdriveDevOptions extends Pick<WranglerDevOptions, 'port' | 'vars' | 'onLine'> {
  /** The database to read, with an account that may create users and grant. */
  mysqlUrl: string;
  /** Put the MySQL fault proxy between the binding and the database (tests, bench). */
  proxy?: boolean;
}

/** `text` with every occurrence of `secret` replaced (an error message may quote a URL). */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('<redacted>');
}

/**
 * `wrangler dev --env hyperdrive` (src/hyperdrive.ts) reading the database of `mysqlUrl` through
 * a local Hyperdrive binding, as a reader account that may only SELECT on it — what an operator
 * gives Hyperdrive, and miniflare's local binding needs a password, which the dev `root` has
 * not. The connection string holds the reader's password: it goes through the environment,
 * never argv, and is cut out of a start-up failure's message.
 */
export async function startHyperdriveDev(options: HyperdriveDevOptions): Promise<HyperdriveDev> {
  const reader = await ensureReaderAccount(options.mysqlUrl);
  const steps: Array<() => Promise<void>> = [];
  let stopped: Promise<void> | undefined;
  const stop = async ({ dropReader = false } = {}) => {
    stopped ??= (async () => {
      for (const step of steps.reverse()) await step().catch(() => undefined);
    })();
    await stopped;
    if (dropReader) await reader.drop();
  };
  try {
    let proxy: MysqlProxy | undefined;
    let connectionString = reader.mysqlUrl;
    if (options.proxy) {
      const server = new URL(options.mysqlUrl);
      proxy = await startMysqlProxy({ host: server.hostname, port: Number(server.port || 3306) });
      steps.push(() => (proxy as MysqlProxy).close());
      connectionString = proxy.urlFor(reader.mysqlUrl);
    }
    const worker = await startWranglerDev({
      environment: 'hyperdrive',
      port: options.port,
      vars: options.vars,
      onLine: options.onLine,
      env: { CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: connectionString },
    });
    steps.push(() => worker.stop());
    return { worker, reader, proxy, stop };
  } catch (error) {
    await stop({ dropReader: true });
    const message = error instanceof Error ? error.message : String(error);
    const password = decodeURIComponent(new URL(reader.mysqlUrl).password);
    throw new Error(`the Hyperdrive worker did not start: ${redact(message, password)}`);
  }
}
