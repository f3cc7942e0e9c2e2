import { parseArgs } from 'node:util';
import { DOCTOR_HELP } from '@m4/doctor';

export const FORMATS = ['xml', 'json', 'table'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const COMMAND = 'user-details-raw-get';
export const DOCTOR_COMMAND = 'doctor';

export interface UserDetailsCommand {
  url: string;
  user: string;
  userId: string;
  format: OutputFormat;
  method: 'GET' | 'POST';
  timeoutMs: number | undefined;
  path: string | undefined;
}

export type ParsedArgs =
  | { kind: 'help'; text: string }
  | { kind: 'run'; command: UserDetailsCommand }
  /** `m4api doctor …`: its own options are read by @m4/doctor. */
  | { kind: 'doctor'; argv: string[] }
  | { kind: 'usage'; message: string };

export const MAIN_HELP = `m4api — call the Kolmisoft M4 API from a terminal

Usage:
  m4api ${COMMAND} --url <base> --user <u> --user-id <id> [options]
  m4api ${DOCTOR_COMMAND} [--json] [--from DATABASE_URL|MYSQL_URL]
  m4api help [command]

Commands:
  ${COMMAND}   read one user's details (M4's user_details_raw_get)
  ${DOCTOR_COMMAND}                 check a live M4 database before going live (own exit codes:
                         0 ready, 1 would fail, 2 no usable database)

The API secret is read from M4_API_SECRET, or asked for (without echo) when that is not set
and stdin is a terminal. It is never accepted as an option: arguments are visible in ps.

Exit codes: 0 user document, 1 M4 error document, 2 usage error, 3 transport error,
4 service fault (HTTP 503 or 429: retry later).
`;

export const COMMAND_HELP = `m4api ${COMMAND} — read one user's details

Usage:
  m4api ${COMMAND} --url <base> --user <u> --user-id <id> [options]

Options:
  --url <base>       where M4 answers, e.g. https://m4.example.com (a path prefix is kept)
  --user <u>         the requester's username (M4's u)
  --user-id <id>     the user to read (sent and signed as written, e.g. 06)
  --format <f>       xml (the document as received, default), json, or table
  --get              send GET with a query string instead of a POST form
  --path <path>      the method's path (default /billing/api/user_details_raw_get)
  --timeout <ms>     give up after this many milliseconds (default 10000)
  -h, --help         this help

Environment:
  M4_API_SECRET      the API secret (API_Secret_Key) that signs the call

Examples:
  M4_API_SECRET=… m4api ${COMMAND} --url http://127.0.0.1:8788 --user admin --user-id 6
  m4api ${COMMAND} --url https://m4.example.com --user admin --user-id 6 --format table
`;

const SECRET_FLAGS = /^--?(secret|api-secret|key|hash|password)(=|$)/;

/** Reads the command line (without `node` and the script); never throws. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    return { kind: 'help', text: MAIN_HELP };
  }
  if (first === 'help') {
    if (rest.length === 0) return { kind: 'help', text: MAIN_HELP };
    if (rest[0] === COMMAND && rest.length === 1) return { kind: 'help', text: COMMAND_HELP };
    if (rest[0] === DOCTOR_COMMAND && rest.length === 1) return { kind: 'help', text: DOCTOR_HELP };
    return usage(`no help for "${rest.join(' ')}"`);
  }
  if (first === DOCTOR_COMMAND) return { kind: 'doctor', argv: rest };
  if (first !== COMMAND) return usage(`unknown command "${first}"`);

  const secretFlag = rest.find((arg) => SECRET_FLAGS.test(arg));
  if (secretFlag !== undefined) {
    return usage(
      `${secretFlag.split('=')[0]} is not accepted: arguments are visible to other users in ps; ` +
        'set M4_API_SECRET or answer the prompt',
      COMMAND,
    );
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      strict: true,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        user: { type: 'string' },
        'user-id': { type: 'string' },
        format: { type: 'string' },
        get: { type: 'boolean' },
        path: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage(error instanceof Error ? firstLine(error.message) : String(error), COMMAND);
  }
  if (values.help) return { kind: 'help', text: COMMAND_HELP };
  if (positionals.length > 0) return usage(`unexpected argument "${positionals[0]}"`, COMMAND);

  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const url = str('url');
  const user = str('user');
  const userId = str('user-id');
  const missing = [
    url === undefined && '--url',
    user === undefined && '--user',
    userId === undefined && '--user-id',
  ].filter((m): m is string => m !== false);
  if (missing.length > 0 || url === undefined || user === undefined || userId === undefined) {
    return usage(`missing ${missing.join(', ')}`, COMMAND);
  }
  const urlProblem = problemWithUrl(url);
  if (urlProblem !== undefined) return usage(urlProblem, COMMAND);

  const format = str('format') ?? 'xml';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return usage(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`, COMMAND);
  }
  const timeout = str('timeout');
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    return usage(
      `--timeout must be a positive whole number of milliseconds, got "${timeout}"`,
      COMMAND,
    );
  }
  return {
    kind: 'run',
    command: {
      url,
      user,
      userId,
      format: format as OutputFormat,
      method: values.get ? 'GET' : 'POST',
      timeoutMs,
      path: str('path'),
    },
  };
}

function usage(message: string, command?: string): ParsedArgs {
  const hint = command ? `m4api ${command} --help` : 'm4api --help';
  return { kind: 'usage', message: `${message}\nRun '${hint}' for usage.` };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function problemWithUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `--url must be an http:// or https:// URL, got "${text}"`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `--url must be an http:// or https:// URL, got "${url.protocol}…"`;
  }
  if (url.username !== '' || url.password !== '') return '--url must not carry a user or password';
  return undefined;
}
