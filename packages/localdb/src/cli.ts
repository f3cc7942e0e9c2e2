import { startGateway } from './gateway';
import { describeMysqlUrl } from './loopback';
import { ensureMariadb } from './mariadb';

const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/m4_dev';
const port = Number(process.env.GATEWAY_PORT ?? 3900);

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`GATEWAY_PORT must be a port number, got ${process.env.GATEWAY_PORT}`);
  }
  const mariadb = await ensureMariadb({ mysqlUrl });
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  try {
    gateway = await startGateway({
      mysqlUrl,
      port,
      username: process.env.GATEWAY_USER ?? 'dev',
      password: process.env.GATEWAY_PASSWORD ?? 'dev',
    });
  } catch (err) {
    await mariadb.stop();
    throw err;
  }
  const target = describeMysqlUrl(mysqlUrl);
  console.log(
    `gateway listening on http://127.0.0.1:${gateway.port} -> ${target.host}:${target.port}/${target.database}`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await gateway.close();
    await mariadb.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`gateway: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
