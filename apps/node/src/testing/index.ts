export {
  type DemoStack,
  type DemoStackOptions,
  ensureTestMariadb,
  startDemoStack,
} from './demo-stack';
export {
  errorPacket,
  garbagePacket,
  type MysqlProxy,
  type ProxyFault,
  type ProxyFaultMode,
  startMysqlProxy,
} from './mysql-proxy';
export { unusedPort } from './unused-port';
