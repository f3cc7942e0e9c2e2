export type { GatewayAdmin } from './admin-client';
export { gatewayAdmin } from './admin-client';
export type { CreateDatabaseOptions } from './databases';
export { createDatabase, dropDatabase, withDatabaseName } from './databases';
export type { Fault, FaultMode } from './fault';
export type { Gateway, GatewayOptions } from './gateway';
export { startGateway } from './gateway';
export type { EnsureMariadbOptions, MariadbHandle } from './mariadb';
export { ensureMariadb } from './mariadb';
export {
  errorPacket,
  garbagePacket,
  type MysqlProxy,
  type ProxyFault,
  type ProxyFaultMode,
  startMysqlProxy,
} from './mysql-proxy';
