import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // Creating, migrating and seeding a database takes a second or two on a shared machine;
    // the bin tests pay tsx's start-up for every spawned `m4api`.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
