export interface NodeConfig {
  mysqlUrl: string;
  port: number;
  timeoutMs: number;
}

/** The database of `pnpm dev` (architecture.md's default). */
export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/m4_dev';
export const DEFAULT_PORT = 8788;
export const DEFAULT_TIMEOUT_MS = 5000;

/** `MYSQL_URL`, `PORT` and `DB_TIMEOUT_MS` from an environment, or what is wrong with them. */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; config: NodeConfig } | { ok: false; error: string } {
  const mysqlUrl = env.MYSQL_URL || DEFAULT_MYSQL_URL;
  try {
    if (new URL(mysqlUrl).protocol !== 'mysql:') throw new Error('not mysql:');
  } catch {
    return { ok: false, error: 'MYSQL_URL must be a mysql:// URL' };
  }
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: 'PORT must be an integer from 0 to 65535' };
  }
  const timeoutMs = env.DB_TIMEOUT_MS ? Number(env.DB_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return { ok: false, error: 'DB_TIMEOUT_MS must be a positive number of milliseconds' };
  }
  return { ok: true, config: { mysqlUrl, port, timeoutMs } };
}
