import type { RequestTrace } from '@m4/http';

/** Bindings come from `wrangler types` (worker-configuration.d.ts); per-request values here. */
export interface HonoEnv {
  Bindings: Env;
  Variables: { requestId: string; trace?: RequestTrace };
}
