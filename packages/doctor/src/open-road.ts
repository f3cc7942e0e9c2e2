import { openMysqlRoad } from './mysql-road';
import { openPlanetScaleRoad } from './planetscale-road';
import { type Road, RoadError, type UrlSource } from './road';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Picks the URL to check: `from` when given, else `DATABASE_URL` (the worker's) when set, else
 * `MYSQL_URL` (the Node app's and Hyperdrive's). Throws {@link RoadError} with one line.
 */
export function chooseSource(env: Env, from?: UrlSource): UrlSource {
  if (from !== undefined) {
    if (!env[from]) throw new RoadError(`${from} is not set`);
    return from;
  }
  if (env.DATABASE_URL) return 'DATABASE_URL';
  if (env.MYSQL_URL) return 'MYSQL_URL';
  throw new RoadError(
    'set DATABASE_URL (PlanetScale or the local gateway) or MYSQL_URL (MySQL/MariaDB) to the database to check',
  );
}

const PROTOCOLS: Readonly<Record<UrlSource, readonly string[]>> = {
  DATABASE_URL: ['https:', 'http:'],
  MYSQL_URL: ['mysql:'],
};

function parseUrl(source: UrlSource, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RoadError(`${source} is not a URL`);
  }
  const protocols = PROTOCOLS[source];
  if (!protocols.includes(url.protocol)) {
    throw new RoadError(`${source} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  if (source === 'DATABASE_URL' && (url.username === '' || url.password === '')) {
    throw new RoadError(
      'DATABASE_URL must carry a user and password: https://<user>:<password>@<host>',
    );
  }
  if (source === 'MYSQL_URL' && (url.pathname === '' || url.pathname === '/')) {
    throw new RoadError('MYSQL_URL must name a database: mysql://<user>@<host>:<port>/<database>');
  }
  return url;
}

/** Opens the road the service itself would use for that URL. */
export async function openRoad(env: Env, from?: UrlSource): Promise<Road> {
  const source = chooseSource(env, from);
  const url = parseUrl(source, env[source] ?? '');
  return source === 'MYSQL_URL' ? openMysqlRoad(url) : openPlanetScaleRoad(url);
}
