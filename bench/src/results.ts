import type { BundleSize } from './bundle';
import type { BenchConfig } from './config';
import type { DrillResult } from './fault-drill';
import type { InProcessCost } from './in-process';
import type { LatencyRun } from './latency';
import type { MachineInfo } from './machine';
import type { SideBySide } from './side-by-side';
import type { SoakResult } from './soak';
import type { TargetCheck } from './targets';
import type { ThroughputRun } from './throughput';
import type { WorkerdCost } from './workerd-cost';

export interface OutcomeStatements {
  outcome: string;
  status: number;
  requests: number;
  /** Statements per request the gateway counted (min = max when every request agreed). */
  statements: { min: number; max: number };
  expected: number;
  /** Every response was exactly the expected document. */
  responsesOk: boolean;
}

export interface RoundTripComparison {
  roundTripMs: number;
  variant: string;
  concurrency: number;
  oursP50Ms: number;
  oursP99Ms: number;
  m4P50Ms: number;
  m4P99Ms: number;
  m4Statements: number;
  /** ours p50 / M4 p50 (lower is better). */
  ratioOursToM4: number;
  /** M4 p50 / ours p50. */
  speedup: number;
}

export type LatencyWithRatio = LatencyRun & {
  /** p50 and p99 over the round trip (null at 0 ms). */
  ratioToRoundTrip: { p50: number | null; p99: number | null };
};

/**
 * The shape of bench/results/latest.json; `format` changes when the shape does:
 * - `m4-bench/1`: the PlanetScale path only;
 * - `m4-bench/2`: adds `sideBySide` (Hyperdrive next to PlanetScale); the rest is unchanged.
 */
export const RESULTS_FORMAT = 'm4-bench/2';

export interface BenchResults {
  format: typeof RESULTS_FORMAT;
  machine: MachineInfo;
  config: Omit<BenchConfig, 'resultsPath'>;
  setup: { users: number; seedMs: number; dbTimeoutMs: number; totalSeconds: number };
  statements: OutcomeStatements[];
  latency: {
    /** client → wrangler dev (workerd) → gateway → MariaDB, admin POST reads DEMO.user. */
    ours: LatencyWithRatio[];
    /** The one statement alone from Node through the driver: like for like with the M4 replay. */
    oursQueryOnly: LatencyWithRatio[];
    /** M4's 6 sequential statements (admin POST) from Node through the driver. */
    m4: LatencyWithRatio[];
    /** GET (7) and manager (8) variants at one round trip, with ours for the same request. */
    variants: Array<{ variant: string; ours: LatencyRun; m4: LatencyRun }>;
    comparison: RoundTripComparison[];
    /** Ours with a single client: latency without the queueing of a saturated 2-core box. */
    unloaded: LatencyWithRatio[];
    /** M4's pattern with a single client. */
    m4Unloaded: LatencyWithRatio[];
  };
  /**
   * Both deployments at the same round trip on their database leg, one client, with CPU per
   * request of each worker's workerd; null when skipped (BENCH_HYPERDRIVE_REQUESTS=0).
   */
  sideBySide: SideBySide | null;
  inProcess: { node: InProcessCost; workerd: WorkerdCost };
  throughput: { method: ThroughputRun; health: ThroughputRun; methodToHealth: number };
  bundle: BundleSize;
  faultDrill: DrillResult;
  soak: SoakResult;
  /** Where the packages/xml vitest bench (run by the same `pnpm bench`) writes its figures. */
  xmlBench: string;
  targets: TargetCheck[];
  /** Correctness checks of the run itself (exact responses, statement counts, drill, soak). */
  checks: { passed: boolean; failures: string[] };
}
