import { describeFault, formatRequestLog, m4ErrorResponse, requestIdOf } from '@m4/http';
import { Hono } from 'hono';
import type { HonoEnv } from './env';
import { registerUserDetailsRawGet } from './routes/user-details-raw-get';

export function createApp(): Hono<HonoEnv> {
  const app = new Hono<HonoEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', requestIdOf(c.req.raw.headers));
    await next();
    c.res.headers.set('X-Request-Id', c.get('requestId'));
    const url = new URL(c.req.url);
    console.log(
      formatRequestLog({
        requestId: c.get('requestId'),
        method: c.req.method,
        path: url.pathname,
        status: c.res.status,
        outcome: c.get('outcome') ?? (c.res.status === 404 ? 'no_such_api' : 'other'),
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(c.get('dbMs') !== undefined && { dbMs: c.get('dbMs') }),
        ...(c.get('fault') !== undefined && { fault: c.get('fault') }),
      }),
    );
  });

  app.get('/health', (c) => {
    c.set('outcome', 'health');
    return c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' });
  });

  registerUserDetailsRawGet(app);

  app.notFound((c) => {
    c.set('outcome', 'no_such_api');
    return m4ErrorResponse('no_such_api', c.get('requestId'));
  });

  app.onError((error, c) => {
    c.set('outcome', 'service_unavailable');
    c.set('fault', describeFault(error));
    return m4ErrorResponse('service_unavailable', c.get('requestId') ?? crypto.randomUUID());
  });

  return app;
}
