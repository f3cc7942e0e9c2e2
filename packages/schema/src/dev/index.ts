export { connect, DEFAULT_MYSQL_URL, databaseName, ZERO_DATE_SQL_MODE } from './database';
export { pushSchema } from './push';
export type { Random } from './random';
export { createRandom } from './random';
export type { ReaderAccount } from './reader';
export { ensureReaderAccount } from './reader';
export type {
  ConflineRow,
  DemoDataset,
  DemoDatasetOptions,
  ManagerGroupRightRow,
  ManagerGroupRow,
  ManagerRightRow,
} from './seed';
export { buildUser, DEMO, generateDemoDataset } from './seed';
export type { TestDatabase } from './test-database';
export { createTestDatabase } from './test-database';
export type { WriteDatasetOptions } from './write';
export { writeDataset } from './write';
