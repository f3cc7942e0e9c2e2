import { getConnInfo } from '@hono/node-server/conninfo';
import {
  describeFault,
  type MethodDeps,
  m4ErrorResponse,
  requestIdOf,
  requestLogLine,
  USER_DETAILS_RAW_GET_PATHS,
  userDetailsRawGet,
} from '@m4/http';
import { Hono } from 'hono';
import type { Pool } from 'mysql2/promise';
import { readContextThroughPool } from './database';
import type { NodeHonoEnv } from './env';

export interface NodeAppOptions {
  /** A mysql2 promise pool made by `createMysqlPool` (its options keep values raw). */
  pool: Pool;
  /** Bound on one database read, in milliseconds. */
  timeoutMs: number;
  /** Counts failed authentication per client IP; absent = no limit. */
  limiter?: MethodDeps['limiter'];
  /** Strings that must never reach a log line (the database URL's credentials). */
  secrets?: readonly string[];
  /** Where the one JSON line per request goes; default `console.log`. */
  log?: (line: string) => void;
  /** Called once per SQL statement a request sends (tests prove there is one). */
  onStatement?: (requestId: string) => void;
}

/** The worker's app on Node: the same handler, log line, 404 and 503 documents. */
export function createNodeApp(options: NodeAppOptions): Hono<NodeHonoEnv> {
  const log = options.log ?? console.log;
  const app = new Hono<NodeHonoEnv>();

  app.use('*', async (c, next) => {
    const startedAt = performance.now();
    const requestId = requestIdOf(c.req.raw.headers);
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const trace = c.get('trace');
    log(requestLogLine({ request: c.req.raw, requestId, status: c.res.status, startedAt, trace }));
  });

  app.get('/health', (c) => {
    c.set('trace', { outcome: 'health' });
    return c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' });
  });

  for (const path of USER_DETAILS_RAW_GET_PATHS) {
    // `all`: the handler answers 405 for every other method itself (HEAD included).
    app.all(path, async (c) => {
      const requestId = c.get('requestId');
      const { response, trace } = await userDetailsRawGet(c.req.raw, requestId, {
        readContext: readContextThroughPool(options.pool, {
          requestId,
          onStatement: options.onStatement,
        }),
        timeoutMs: options.timeoutMs,
        limiter: options.limiter,
        clientKey: clientAddress(c),
        secrets: options.secrets ?? [],
      });
      c.set('trace', trace);
      return response;
    });
  }

  app.notFound((c) => {
    c.set('trace', { outcome: 'no_such_api' });
    return m4ErrorResponse('no_such_api', c.get('requestId'));
  });

  app.onError((error, c) => {
    c.set('trace', {
      outcome: 'service_unavailable',
      fault: describeFault(error, options.secrets),
    });
    return m4ErrorResponse('service_unavailable', c.get('requestId') ?? crypto.randomUUID());
  });

  return app;
}

/** The socket's peer address (no proxy header is trusted); `unknown` outside a Node server. */
function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  if (!c.env?.incoming) return 'unknown';
  return getConnInfo(c).remote.address ?? 'unknown';
}
