import { readThroughPlanetScale } from '@m4/database/planetscale';
import { urlCredentials } from '@m4/http';
import { createApp } from './app';
import { unconfigured } from './database';

/** The worker over PlanetScale's HTTP API: `DATABASE_URL` (a secret) names the database. */
const app = createApp({
  read: (env, requestId) =>
    env.DATABASE_URL
      ? readThroughPlanetScale(env.DATABASE_URL, requestId)
      : unconfigured('DATABASE_URL'),
  secrets: (env) => urlCredentials(env.DATABASE_URL ?? ''),
});

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
