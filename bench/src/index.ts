export type { BenchConfig } from './config';
export { DEFAULTS, readBenchConfig } from './config';
export type { BenchResults } from './results';
