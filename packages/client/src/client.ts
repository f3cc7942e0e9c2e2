import { apiHash, type Envelope } from '@m4/core';
import { type M4User, parseM4Document } from './document';
import { errorKindOf, type M4ErrorKind } from './error-kind';
import { M4TransportError } from './transport-error';

export const DEFAULT_PATH = '/billing/api/user_details_raw_get';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface M4ClientOptions {
  /** Where M4 (or this service) answers, e.g. `https://m4.example.com`; a path prefix is kept. */
  baseUrl: string;
  /** `API_Secret_Key`: signs each call; never sent, logged or put in an error. */
  secret: string;
  /** default: the global fetch */
  fetch?: typeof fetch;
  /** default POST (form body); GET puts the parameters in the query string */
  method?: 'POST' | 'GET';
  /** default `/billing/api/user_details_raw_get` */
  path?: string;
  /** Bound on one call, answer included; default 10 000 ms. */
  timeoutMs?: number;
}

export interface UserDetailsInput {
  /** The requester's username (`u`). */
  u: string;
  /** The user to read; sent, and signed, as `String(userId)`. */
  userId: string | number;
  signal?: AbortSignal;
}

export interface M4ErrorDetails {
  envelope: Envelope;
  message: string;
  /** The HTTP status: 200 for M4's own errors, 4xx for transport errors, 429/503 for faults. */
  status: number;
  kind: M4ErrorKind;
  /** `Retry-After` in seconds, where the service sent one (429, 503). */
  retryAfterSeconds?: number;
}

export type UserDetailsResult =
  | { ok: true; user: M4User; xml: string }
  | { ok: false; error: M4ErrorDetails; xml: string };

export interface M4Client {
  /**
   * Calls `user_details_raw_get`. Resolves with the user or with the M4 error document the
   * service answered (503 and 429 included: retry those later); rejects with
   * {@link M4TransportError} when no such document arrived.
   */
  userDetailsRawGet(input: UserDetailsInput): Promise<UserDetailsResult>;
}

/** Statuses the method answers an error document with (method spec §1, §3, §6). */
const ERROR_STATUSES = new Set([200, 400, 404, 405, 413, 429, 503]);

export function createM4Client(options: M4ClientOptions): M4Client {
  const endpoint = endpointOf(options.baseUrl, options.path ?? DEFAULT_PATH);
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const method = options.method ?? 'POST';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = endpoint.origin;

  return {
    async userDetailsRawGet(input) {
      const userId = String(input.userId);
      const hash = await apiHash(input.u, userId, options.secret);
      const params = new URLSearchParams({ u: input.u, user_id: userId, hash });
      const conceal = (text: string) =>
        [hash, options.secret].reduce((t, s) => (s.length >= 4 ? t.split(s).join('***') : t), text);
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
      const url = new URL(endpoint);
      const init: RequestInit = { method, signal, headers: { accept: 'text/xml' } };
      if (method === 'GET') url.search = params.toString();
      else {
        init.headers = { ...init.headers, 'content-type': 'application/x-www-form-urlencoded' };
        init.body = params.toString();
      }

      let status: number | undefined;
      let xml: string;
      let retryAfter: string | null = null;
      try {
        const response = await send(url, init);
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        xml = await response.text();
      } catch (error) {
        if (timeout.aborted) {
          throw new M4TransportError(`no answer from ${where} within ${timeoutMs} ms`, {
            code: 'timeout',
            status,
            cause: error,
          });
        }
        if (input.signal?.aborted) {
          throw new M4TransportError(`call to ${where} aborted`, {
            code: 'aborted',
            status,
            cause: error,
          });
        }
        throw new M4TransportError(`cannot reach ${where}: ${conceal(networkReason(error))}`, {
          code: 'unreachable',
          status,
          cause: error,
        });
      }

      const document = parseM4Document(xml);
      if (document.kind === 'invalid') {
        throw new M4TransportError(
          `${where} answered HTTP ${status} without an M4 document (${document.reason})`,
          { code: status === 200 ? 'not_m4_document' : 'unexpected_status', status },
        );
      }
      if (document.kind === 'user') {
        if (status !== 200) throw unexpectedStatus(where, status, 'a user document');
        return { ok: true, user: document.user, xml };
      }
      if (!ERROR_STATUSES.has(status)) throw unexpectedStatus(where, status, 'an error document');
      const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
      const error: M4ErrorDetails = {
        envelope: document.envelope,
        message: document.message,
        status,
        kind: errorKindOf(document.envelope, document.message),
        ...(Number.isInteger(seconds) && seconds >= 0 && { retryAfterSeconds: seconds }),
      };
      return { ok: false, error, xml };
    },
  };
}

function unexpectedStatus(where: string, status: number, what: string): M4TransportError {
  return new M4TransportError(`${where} answered ${what} with HTTP ${status}`, {
    code: 'unexpected_status',
    status,
  });
}

function endpointOf(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError('baseUrl must be an http or https URL');
  }
  if (base.username !== '' || base.password !== '') {
    throw new TypeError('baseUrl must not carry credentials');
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${prefix}${path.startsWith('/') ? path : `/${path}`}`, base.origin);
}

const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

/** A short reason from a fetch failure (undici puts the system error in `cause`). */
function networkReason(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && REASONS[code]) return REASONS[code];
    if (!(e.cause instanceof Error)) return e.message;
    e = e.cause;
  }
  return 'network error';
}
