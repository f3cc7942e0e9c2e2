import type { HttpBindings } from '@hono/node-server';
import type { RequestTrace } from '@m4/http';

/** Node's request objects as bindings; per-request values as in the worker. */
export interface NodeHonoEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { requestId: string; trace?: RequestTrace };
}
