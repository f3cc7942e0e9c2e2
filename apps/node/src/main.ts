/**
 * `pnpm --filter @m4/node start`: serves user_details_raw_get on 127.0.0.1:$PORT from the M4
 * database at $MYSQL_URL. SIGTERM or SIGINT stops accepting, lets in-flight requests finish,
 * closes the pool and exits 0.
 */

import { urlCredentials } from '@m4/http';
import { readConfig } from './config';
import { createMysqlPool } from './database';
import { startNodeServer } from './server';

const parsed = readConfig(process.env);
if (!parsed.ok) {
  console.error(JSON.stringify({ level: 'error', msg: 'config', error: parsed.error }));
  process.exit(2);
}
const { mysqlUrl, port, timeoutMs } = parsed.config;
const pool = createMysqlPool(mysqlUrl, { connectTimeout: Math.max(timeoutMs, 1000) });
const server = await startNodeServer({
  pool,
  port,
  timeoutMs,
  secrets: urlCredentials(mysqlUrl),
});
console.log(JSON.stringify({ level: 'info', msg: 'listening', url: server.url, timeoutMs }));

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: 'info', msg: 'stopping', signal }));
    server.close().then(
      () => {
        console.log(JSON.stringify({ level: 'info', msg: 'stopped' }));
        process.exit(0);
      },
      (error: unknown) => {
        console.error(JSON.stringify({ level: 'error', msg: 'stop failed', error: String(error) }));
        process.exit(1);
      },
    );
  });
}
