import { defineConfig } from 'vitest/config';

/** Tests that run in Node beside the worker, not inside workerd: they build it with wrangler. */
export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts'],
  },
});
