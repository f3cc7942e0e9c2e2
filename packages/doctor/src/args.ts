import { parseArgs } from 'node:util';
import type { UrlSource } from './road';

export const DOCTOR_HELP = `m4api doctor — check a live M4 database before the service goes live

Usage:
  m4api doctor [--json] [--from DATABASE_URL|MYSQL_URL]
  pnpm run doctor [--json] [--from DATABASE_URL|MYSQL_URL]   (bare "pnpm doctor" is pnpm's own)

Reads the database named in DATABASE_URL (PlanetScale's HTTP API, or the local gateway: what
the worker reads) or MYSQL_URL (MySQL/MariaDB through mysql2: what the Node app and Hyperdrive
read) the way the service does, and reports what would break or surprise: missing tables or
columns, column types that would change the response text, the service's own statement, the
API settings, the manager rights, the users.username index, extra columns, write access, and
the statement's round trip (compared with DB_TIMEOUT_MS, the service's bound, default 5000).
Reads only; never prints a secret, a password or a user row.

Options:
  --json          the report as JSON
  --from <name>   which variable to check when both are set (default DATABASE_URL)
  -h, --help      this help

Exit codes: 0 ready (warnings allowed), 1 something would fail, 2 no usable database
(unset or bad URL, unreachable server, wrong credentials) or a usage error.
`;

export type DoctorArgs =
  | { kind: 'help' }
  | { kind: 'run'; json: boolean; from: UrlSource | undefined }
  | { kind: 'usage'; message: string };

const SOURCES: readonly UrlSource[] = ['DATABASE_URL', 'MYSQL_URL'];

/** Reads `doctor`'s options; never throws. URLs are refused here: they carry passwords. */
export function parseDoctorArgs(argv: readonly string[]): DoctorArgs {
  let values: { json?: boolean; from?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return usage(message.split('\n')[0] ?? message);
  }
  if (values.help) return { kind: 'help' };
  if (positionals.length > 0) {
    return usage(
      'doctor takes no arguments: set DATABASE_URL or MYSQL_URL (a URL on the command line is visible in ps)',
    );
  }
  const from = values.from;
  if (from !== undefined && !(SOURCES as readonly string[]).includes(from)) {
    return usage('--from must be DATABASE_URL or MYSQL_URL');
  }
  return { kind: 'run', json: values.json === true, from: from as UrlSource | undefined };
}

function usage(message: string): DoctorArgs {
  return { kind: 'usage', message: `${message}\nRun 'm4api doctor --help' for usage.` };
}
