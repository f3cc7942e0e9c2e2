import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      miniflare: {
        // The worker's date; it turns nodejs_compat on (from 2026-08-04).
        compatibilityDate: '2026-11-17',
        bindings: {
          GATEWAY_URL: inject('gatewayUrl'),
          GATEWAY_ADMIN_URL: inject('gatewayAdminUrl'),
        },
      },
    })),
  ],
  test: {
    include: ['test/workers/**/*.test.ts'],
    globalSetup: ['./test/workers/global-setup.ts'],
    testTimeout: 10_000,
  },
});
