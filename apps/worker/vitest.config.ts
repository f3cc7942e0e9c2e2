import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { configDefaults, defineConfig } from 'vitest/config';

/** The database bound for tests: short, so that the hang and latency faults resolve fast. */
export const TEST_DB_TIMEOUT_MS = '1000';

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: {
          DATABASE_URL: inject('databaseUrl'),
          DB_TIMEOUT_MS: TEST_DB_TIMEOUT_MS,
          // workerd does not see the host's environment: the fuzz test reads these bindings.
          FUZZ_SEED: process.env.FUZZ_SEED ?? '',
          FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
        },
      },
    })),
  ],
  test: {
    // test/node runs in Node (vitest.node.config.ts).
    exclude: [...configDefaults.exclude, 'test/node/**'],
    globalSetup: ['./test/global-setup.ts'],
    // The conformance cases share the database's settings: one file at a time.
    fileParallelism: false,
    // The worker's own request log lines; test/logging.test.ts asserts them.
    onConsoleLog: (log) => !log.includes('"msg":"request"'),
  },
});
