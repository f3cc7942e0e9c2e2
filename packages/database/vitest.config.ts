import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Database setup (create, migrate, seed) takes a second or two on a shared 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
