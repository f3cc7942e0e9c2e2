import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    hookTimeout: 60_000,
    // Each spawned `m4api` pays tsx's start-up (about a second, more on a busy machine).
    testTimeout: 60_000,
  },
});
