import { env, SELF } from 'cloudflare:test';
import { conformanceSuite } from '@m4/conformance';
import { gatewayAdmin } from '@m4/localdb/admin';
import { Client } from '@planetscale/database';
import { inject } from 'vitest';

conformanceSuite({
  name: 'worker (workerd → gateway → MariaDB)',
  capabilities: { statements: true, faults: true },
  async connect() {
    const admin = gatewayAdmin(inject('gatewayAdminUrl'));
    await admin.reset();
    const client = new Client({ url: env.DATABASE_URL });
    return {
      baseUrl: 'https://m4.example.com',
      fetch: (request) => SELF.fetch(request),
      exec: async (sql) => {
        await client.execute(sql);
      },
      timeoutMs: Number(env.DB_TIMEOUT_MS),
      statements: (requestId) => admin.statements(requestId),
      faults: {
        set: (fault) => admin.setFault(fault),
        clear: () => admin.setFault(null),
      },
    };
  },
});
