import { BlockList, isIP } from 'node:net';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** True for localhost, 127.0.0.0/8 and ::1 (URL hostnames may keep IPv6 brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 4) return loopback.check(host, 'ipv4');
  if (family === 6) return loopback.check(host, 'ipv6');
  return false;
}

export interface MysqlTarget {
  host: string;
  port: number;
  database: string;
}

export function describeMysqlUrl(mysqlUrl: string): MysqlTarget {
  const url = new URL(mysqlUrl);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 3306 : Number(url.port),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}

/** Throws unless the MySQL URL points at this machine (or remote use is allowed explicitly). */
export function assertLoopbackMysql(mysqlUrl: string, allowRemote: boolean): void {
  const { host } = describeMysqlUrl(mysqlUrl);
  if (allowRemote || isLoopbackHost(host)) return;
  throw new Error(
    `refusing to start: MYSQL_URL host "${host}" is not loopback (127.0.0.0/8, ::1, localhost); ` +
      'the gateway is a local development tool. Set GATEWAY_ALLOW_REMOTE_MYSQL=1 ' +
      '(or allowRemoteMysql: true) to allow it.',
  );
}
