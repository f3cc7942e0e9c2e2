import { describeFault, m4ErrorResponse, requestIdOf, requestLogLine } from '@m4/http';
import { Hono } from 'hono';
import type { WorkerDatabase } from './database';
import type { HonoEnv } from './env';
import { registerUserDetailsRawGet } from './routes/user-details-raw-get';

/** The worker's app over one road to the database (PlanetScale's API, or Hyperdrive). */
export function createApp(database: WorkerDatabase): Hono<HonoEnv> {
  const app = new Hono<HonoEnv>();

  app.use('*', async (c, next) => {
    const startedAt = performance.now();
    const requestId = requestIdOf(c.req.raw.headers);
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const trace = c.get('trace');
    console.log(
      requestLogLine({ request: c.req.raw, requestId, status: c.res.status, startedAt, trace }),
    );
  });

  app.get('/health', (c) => {
    c.set('trace', { outcome: 'health' });
    return c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' });
  });

  registerUserDetailsRawGet(app, database);

  app.notFound((c) => {
    c.set('trace', { outcome: 'no_such_api' });
    return m4ErrorResponse('no_such_api', c.get('requestId'));
  });

  app.onError((error, c) => {
    const fault = describeFault(error, database.secrets(c.env));
    c.set('trace', { outcome: 'service_unavailable', fault });
    return m4ErrorResponse('service_unavailable', c.get('requestId') ?? crypto.randomUUID());
  });

  return app;
}
