/** Driver errors as one readable line, without credentials, SQL or a stack. */

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  errno?: unknown;
  status?: unknown;
  message?: unknown;
  sqlMessage?: unknown;
  cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : {};
}

const NETWORK: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ETIMEDOUT: 'no answer (timed out)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  PROTOCOL_CONNECTION_LOST: 'the server closed the connection',
};

/** The first line of an error's own text, shortened; SQL a driver appends is cut off. */
export function errorText(error: unknown): string {
  const e = asErrorLike(error);
  const text = typeof e.sqlMessage === 'string' ? e.sqlMessage : String(e.message ?? error);
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > 240 ? `${line.slice(0, 237)}…` : line;
}

/** Why connecting to (or first asking) `where` failed, as one line. */
export function describeConnectionFailure(error: unknown, where: string, source: string): string {
  const e = asErrorLike(error);
  const cause = asErrorLike(e.cause);
  const code =
    typeof e.code === 'string' ? e.code : typeof cause.code === 'string' ? cause.code : '';
  const network = NETWORK[code];
  if (network !== undefined) return `cannot reach ${where}: ${network}`;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return `cannot reach ${where}: no answer within the time limit`;
  }
  // 1045: wrong password; 1698: MariaDB's answer for an unknown user or refused plugin login.
  if (
    code.startsWith('ER_ACCESS_DENIED') ||
    e.errno === 1045 ||
    e.errno === 1698 ||
    e.status === 401
  ) {
    return `${where} refused the credentials in ${source} (wrong user or password)`;
  }
  if (code === 'ER_BAD_DB_ERROR' || e.errno === 1049) {
    return `${where}: the database named in ${source} does not exist`;
  }
  if (code === 'ER_DBACCESS_DENIED_ERROR' || e.errno === 1044) {
    return `${where}: the account in ${source} may not use that database`;
  }
  if (e.name === 'TypeError' && String(e.message) === 'fetch failed') {
    return `cannot reach ${where}: ${errorText(e.cause)}`;
  }
  if (typeof e.status === 'number') return `${where} answered HTTP ${e.status}: ${errorText(e)}`;
  return `${where}: ${errorText(error)}`;
}

/** `text` with every credential replaced by `***` (a safety net for foreign messages). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join('***');
  }
  return out;
}
