import type { ServiceRead } from './statement';

export type Row = Record<string, unknown>;

export type UrlSource = 'DATABASE_URL' | 'MYSQL_URL';

/** A connection to the database the way the service makes it: one of the two drivers. */
export interface Road {
  source: UrlSource;
  driver: 'mysql2' | '@planetscale/database';
  /** Where it points, without user or password, e.g. `mysql://127.0.0.1:3306/m4`. */
  where: string;
  /** Runs one statement with `?` parameters and answers its rows as objects. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** The service's own read of one request, on this road (see statement.ts). */
  service: ServiceRead;
  /** The URL's user and password (raw and decoded): never printed, cut out of driver messages. */
  secrets: readonly string[];
  close(): Promise<void>;
}

/** A failure to open or use a road that ends the run: one line, exit 2. */
export class RoadError extends Error {
  override name = 'RoadError';
}

/** Milliseconds one connection attempt or statement may take. */
export const CALL_TIMEOUT_MS = 10_000;

/** The user and password of a URL, raw and decoded, for {@link Road.secrets}. */
export function urlSecrets(url: URL): string[] {
  const parts = [url.password, url.username].filter((part) => part !== '');
  return [...new Set(parts.flatMap((part) => [part, safeDecode(part)]))];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
