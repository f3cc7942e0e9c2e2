export {
  type HyperdriveDev,
  type HyperdriveDevOptions,
  startHyperdriveDev,
} from './hyperdrive';
export { freePort, type SpawnedProcess, spawnGroup, waitForOk } from './processes';
export {
  startWranglerDev,
  WORKER_DIR,
  WRANGLER_BIN,
  type WranglerDev,
  type WranglerDevOptions,
  wranglerEnv,
} from './wrangler';
