import { USER_DETAILS_RAW_GET_PATHS, userDetailsRawGet } from '@m4/http';
import type { Hono } from 'hono';
import type { WorkerDatabase } from '../database';
import type { HonoEnv } from '../env';

const DEFAULT_TIMEOUT_MS = 5000;

export function registerUserDetailsRawGet(app: Hono<HonoEnv>, database: WorkerDatabase): void {
  for (const path of USER_DETAILS_RAW_GET_PATHS) {
    // `all`, not `on(['GET','POST'])`: the handler answers 405 for every other method itself
    // (hono would otherwise route HEAD as GET).
    app.all(path, async (c) => {
      const requestId = c.get('requestId');
      const { response, trace } = await userDetailsRawGet(c.req.raw, requestId, {
        // Looked up only when a read needs it: hono throws for a context without one.
        readContext: database.read(c.env, requestId, {
          waitUntil: (promise) => c.executionCtx.waitUntil(promise),
        }),
        timeoutMs: timeoutOf(c.env.DB_TIMEOUT_MS),
        limiter: c.env.AUTH_FAILURE_LIMITER,
        clientKey: c.req.header('cf-connecting-ip') ?? 'unknown',
        secrets: database.secrets(c.env),
      });
      c.set('trace', trace);
      return response;
    });
  }
}

function timeoutOf(value: string | undefined): number {
  const ms = Number(value);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}
