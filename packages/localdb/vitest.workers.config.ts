import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      miniflare: {
        compatibilityDate: '2026-04-26',
        compatibilityFlags: ['nodejs_compat'],
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
