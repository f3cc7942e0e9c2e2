// The bindings vitest.workers.config.ts gives the workerd tests (no generated runtime types here).
declare module 'cloudflare:workers' {
  export const env: { GATEWAY_URL: string; GATEWAY_ADMIN_URL: string };
}
