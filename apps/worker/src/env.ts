/** Bindings come from `wrangler types` (worker-configuration.d.ts); per-request values here. */
export interface HonoEnv {
  Bindings: Env;
  Variables: { requestId: string; outcome?: string; dbMs?: number; fault?: string };
}
