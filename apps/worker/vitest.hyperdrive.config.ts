import { defineConfig } from 'vitest/config';

/**
 * The worker's Hyperdrive deployment (wrangler env `hyperdrive`): bundled by wrangler, run in
 * local workerd, driven from Node (test/hyperdrive/stack.ts).
 */
export default defineConfig({
  test: {
    include: ['test/hyperdrive/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
