import { defineConfig } from 'vitest/config';

/**
 * Tests that run in Node beside the worker, not inside workerd: they build it with wrangler
 * (test/node/bundle.test.ts), or run it under `wrangler dev` (test/node/hyperdrive/: the
 * Hyperdrive deployment, whose mysql2 only loads from wrangler's bundle).
 */
export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts'],
    environment: 'node',
    // The Hyperdrive conformance cases share their database's settings: one file at a time.
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
