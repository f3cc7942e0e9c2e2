import {
  decide,
  isFailedAuthentication,
  m4Error,
  type Outcome,
  type RequestContext,
  readLimitedBody,
  readParams,
} from '@m4/core';
import type { ReturnedUser } from '@m4/schema';
import { describeFault } from './fault';
import type { RequestTrace } from './log';
import { m4ErrorResponse, outcomeResponse } from './response';

/** The two paths M4 clients call; both serve the same method. */
export const USER_DETAILS_RAW_GET_PATHS = [
  '/billing/api/user_details_raw_get',
  '/api/user_details_raw_get',
] as const;

export interface ContextQuery {
  username: string | null;
  userId: string | null;
}

export interface MethodDeps {
  /** Reads settings, requester and target in one statement; aborts when `signal` fires. */
  readContext(query: ContextQuery, signal: AbortSignal): Promise<RequestContext<ReturnedUser>>;
  /** Bound on the database read, in milliseconds. */
  timeoutMs: number;
  /** Counts failed hash/authentication attempts per client; absent = no limit. */
  limiter?: { limit(options: { key: string }): Promise<{ success: boolean }> } | undefined;
  /** Who the limiter counts against (the client's IP). */
  clientKey: string;
  /** Strings that must never reach a log line (the database URL's password, …). */
  secrets?: readonly string[];
}

export interface MethodResult {
  response: Response;
  /** The outcome's name (`ok` or an M4 error name), timings and any fault, for the log. */
  trace: RequestTrace;
}

/**
 * `user_details_raw_get` as a Web-standard handler: transport checks, parameters, the one
 * database read, the decision, the rate limit and the XML response.
 */
export async function userDetailsRawGet(
  request: Request,
  requestId: string,
  deps: MethodDeps,
): Promise<MethodResult> {
  const method = request.method;
  if (method !== 'GET' && method !== 'POST') return errorResult('method_not_allowed', requestId);

  const body = await readLimitedBody(request.body);
  if ('kind' in body) return errorResult(body.name, requestId);
  const parsed = await readParams({
    query: new URL(request.url).search,
    contentType: request.headers.get('content-type'),
    body: body.bytes,
  });
  if ('kind' in parsed) return errorResult(parsed.name, requestId);
  const { params } = parsed;

  const started = performance.now();
  let context: RequestContext<ReturnedUser>;
  try {
    context = await withTimeout(
      (signal) =>
        deps.readContext({ username: params.u ?? null, userId: params.user_id ?? null }, signal),
      deps.timeoutMs,
    );
  } catch (error) {
    return {
      response: m4ErrorResponse('service_unavailable', requestId),
      trace: {
        outcome: 'service_unavailable',
        dbMs: elapsed(started),
        fault: describeFault(error, deps.secrets),
      },
    };
  }
  const dbMs = elapsed(started);

  let outcome: Outcome<ReturnedUser> = await decide({ method, params, context });
  if (deps.limiter && isFailedAuthentication(outcome)) {
    const { success } = await deps.limiter.limit({ key: deps.clientKey });
    if (!success) outcome = m4Error('too_many_requests');
  }
  return {
    response: outcomeResponse(outcome, requestId),
    trace: { outcome: outcome.kind === 'ok' ? 'ok' : outcome.name, dbMs },
  };
}

function errorResult(
  name: Parameters<typeof m4ErrorResponse>[0] & string,
  requestId: string,
): MethodResult {
  return { response: m4ErrorResponse(name, requestId), trace: { outcome: name } };
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 100) / 100;
}

export class DatabaseTimeoutError extends Error {
  override name = 'DatabaseTimeoutError';
}

/** Runs `work` with a signal that fires after `ms`, and rejects then even if `work` ignores it. */
async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DatabaseTimeoutError(`database call exceeded ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
