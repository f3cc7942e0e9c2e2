import type { TestProject } from 'vitest/node';
import { type Gateway, startGateway } from '../../src/gateway';
import { ensureMariadb } from '../../src/mariadb';
import { MYSQL_SERVER, type TestDatabase, testDatabase } from '../support';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    gatewayAdminUrl: string;
  }
}

let db: TestDatabase | undefined;
let gateway: Gateway | undefined;
let stopMariadb: (() => Promise<void>) | undefined;

/** In Node: a database of its own and a gateway on an ephemeral port for the workerd tests. */
export async function setup(project: TestProject): Promise<void> {
  stopMariadb = (await ensureMariadb({ mysqlUrl: MYSQL_SERVER })).stop;
  db = await testDatabase('workers');
  await db.sql(
    'CREATE TABLE items (id int AUTO_INCREMENT PRIMARY KEY, label varchar(50) NOT NULL, price decimal(30,15) NULL)',
  );
  gateway = await startGateway({ mysqlUrl: db.url, port: 0 });
  project.provide('gatewayUrl', gateway.url);
  project.provide('gatewayAdminUrl', gateway.adminUrl);
}

export async function teardown(): Promise<void> {
  await gateway?.close();
  await db?.drop();
  await stopMariadb?.();
}
