import type { HttpBindings } from '@hono/node-server';

/** Node's request objects as bindings; per-request values as in the worker. */
export interface NodeHonoEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { requestId: string; outcome?: string; dbMs?: number; fault?: string };
}
