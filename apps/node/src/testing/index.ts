export {
  type DemoStack,
  type DemoStackOptions,
  ensureTestMariadb,
  startDemoStack,
} from './demo-stack';
export { unusedPort } from './unused-port';
