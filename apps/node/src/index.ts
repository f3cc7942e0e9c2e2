export { createNodeApp, type NodeAppOptions } from './app';
export {
  DEFAULT_MYSQL_URL,
  DEFAULT_PORT,
  DEFAULT_TIMEOUT_MS,
  type NodeConfig,
  readConfig,
} from './config';
export {
  createMysqlPool,
  type PoolReadOptions,
  readContextThroughPool,
} from './database';
export type { NodeHonoEnv } from './env';
export { type NodeServer, type NodeServerOptions, startNodeServer } from './server';
