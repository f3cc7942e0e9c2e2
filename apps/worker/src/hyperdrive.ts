import { MYSQL_READ_OPTIONS, readThroughMysql } from '@m4/database/mysql';
import { createConnection } from 'mysql2/promise';
import { createApp } from './app';
import { unconfigured } from './database';

/**
 * The worker over the operator's own MySQL through Cloudflare Hyperdrive (wrangler.jsonc,
 * environments `hyperdrive*`). A mysql2 connection per request — Hyperdrive keeps the pooled
 * connections to the database — ended once the response is out. The binding's fields, not its
 * connection string: mysql2 rejects the string's `ssl-mode` option. No eval in workerd.
 */
const app = createApp({
  read: (env, _requestId, ctx) => {
    const hyperdrive = env.HYPERDRIVE;
    if (!hyperdrive) return unconfigured('the HYPERDRIVE binding');
    return readThroughMysql({
      acquire: () =>
        createConnection({
          host: hyperdrive.host,
          port: hyperdrive.port,
          user: hyperdrive.user,
          password: hyperdrive.password,
          database: hyperdrive.database,
          disableEval: true,
          ...MYSQL_READ_OPTIONS,
        }),
      release: (connection) => ctx.waitUntil(connection.end().catch(() => connection.destroy())),
    });
  },
  secrets: (env) =>
    env.HYPERDRIVE ? [env.HYPERDRIVE.password, env.HYPERDRIVE.connectionString] : [],
});

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
