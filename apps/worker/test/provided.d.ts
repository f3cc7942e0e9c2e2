/** What test/global-setup.ts provides to the tests inside workerd. */
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    gatewayAdminUrl: string;
    hyperdriveUrl: string;
    proxyAdminUrl: string;
  }
}

export {};
