/**
 * Every knob of `pnpm bench`, read from the environment. The defaults are the numbers;
 * shrink them for a quick run on a busy machine (e.g. BENCH_REQUESTS=100 BENCH_SOAK_SECONDS=5).
 */
export interface BenchConfig {
  /** Generated users on top of the demo set (the table the one statement reads from). */
  extraUsers: number;
  /** Simulated database round trips for the latency runs, in ms. */
  roundTrips: number[];
  /** Requests per latency run (each round trip, ours and M4's pattern). */
  requests: number;
  /** Concurrent clients of the latency runs. */
  concurrency: number;
  /** Requests of the one-client (unloaded) run of ours per round trip; 0 = skip it. */
  unloadedRequests: number;
  /**
   * Hyperdrive next to PlanetScale: the round trips (each on the database leg of both paths)
   * and one-client requests per path and round trip (0 = skip; default: unloadedRequests).
   */
  hyperdriveRoundTrips: number[];
  hyperdriveRequests: number;
  /** Round trip of the manager (8) and GET (7) M4 variants; 0 = skip them. */
  variantRoundTripMs: number;
  /** Requests per M4 variant run. */
  variantRequests: number;
  /** Timed iterations of the in-process (Node) cost. */
  inProcessIterations: number;
  /** Iterations per request of the in-workerd cost, and how many such batches. */
  workerdBatchIterations: number;
  workerdBatches: number;
  /** Throughput run: concurrency and duration (success path and /health each). */
  throughputConcurrency: number;
  throughputSeconds: number;
  /** The worker's bound on one database call during the whole run (the drill needs it short). */
  dbTimeoutMs: number;
  /** Fault drill: concurrent loops, seconds per fault mode, allowed latency over the timeout. */
  drillConcurrency: number;
  drillPhaseSeconds: number;
  drillMarginMs: number;
  /** Soak: seconds of load, concurrency, simulated round trip. */
  soakSeconds: number;
  soakConcurrency: number;
  soakRoundTripMs: number;
  /** Where latest.json goes. */
  resultsPath: string;
}

export const DEFAULTS: Omit<BenchConfig, 'resultsPath'> = {
  extraUsers: 100_000,
  roundTrips: [0, 20, 50],
  requests: 500,
  concurrency: 8,
  unloadedRequests: 150,
  hyperdriveRoundTrips: [0, 50],
  hyperdriveRequests: 150,
  variantRoundTripMs: 50,
  variantRequests: 500,
  inProcessIterations: 20_000,
  workerdBatchIterations: 500,
  workerdBatches: 40,
  throughputConcurrency: 16,
  throughputSeconds: 10,
  dbTimeoutMs: 1000,
  drillConcurrency: 8,
  drillPhaseSeconds: 3,
  drillMarginMs: 500,
  soakSeconds: 60,
  soakConcurrency: 8,
  soakRoundTripMs: 0,
};

type Env = Readonly<Record<string, string | undefined>>;

export type ConfigResult = { ok: true; config: BenchConfig } | { ok: false; errors: string[] };

/** Reads BENCH_* (and DB_TIMEOUT_MS) from `env`; every malformed value is reported. */
export function readBenchConfig(env: Env, defaultResultsPath: string): ConfigResult {
  const errors: string[] = [];
  const int = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      errors.push(`${name} must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return value;
  };
  const list = (name: string, fallback: number[]): number[] => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const values = raw.split(',').map((s) => Number(s.trim()));
    if (values.some((v) => !Number.isInteger(v) || v < 0)) {
      errors.push(`${name} must be a comma-separated list of integers >= 0 (got ${raw})`);
      return fallback;
    }
    return values;
  };

  const unloadedRequests = int('BENCH_UNLOADED_REQUESTS', DEFAULTS.unloadedRequests, 0);
  const config: BenchConfig = {
    extraUsers: int('BENCH_EXTRA_USERS', DEFAULTS.extraUsers, 0),
    roundTrips: list('BENCH_ROUND_TRIPS', DEFAULTS.roundTrips),
    requests: int('BENCH_REQUESTS', DEFAULTS.requests, 1),
    concurrency: int('BENCH_CONCURRENCY', DEFAULTS.concurrency, 1),
    unloadedRequests,
    hyperdriveRoundTrips: list('BENCH_HYPERDRIVE_ROUND_TRIPS', DEFAULTS.hyperdriveRoundTrips),
    hyperdriveRequests: int('BENCH_HYPERDRIVE_REQUESTS', unloadedRequests, 0),
    variantRoundTripMs: int('BENCH_VARIANT_ROUND_TRIP_MS', DEFAULTS.variantRoundTripMs, 0),
    variantRequests: int('BENCH_VARIANT_REQUESTS', DEFAULTS.variantRequests, 1),
    inProcessIterations: int('BENCH_INPROCESS_ITERATIONS', DEFAULTS.inProcessIterations, 1),
    workerdBatchIterations: int('BENCH_WORKERD_ITERATIONS', DEFAULTS.workerdBatchIterations, 1),
    workerdBatches: int('BENCH_WORKERD_BATCHES', DEFAULTS.workerdBatches, 1),
    throughputConcurrency: int('BENCH_THROUGHPUT_CONCURRENCY', DEFAULTS.throughputConcurrency, 1),
    throughputSeconds: int('BENCH_THROUGHPUT_SECONDS', DEFAULTS.throughputSeconds, 1),
    dbTimeoutMs: int('BENCH_DB_TIMEOUT_MS', int('DB_TIMEOUT_MS', DEFAULTS.dbTimeoutMs, 1), 1),
    drillConcurrency: int('BENCH_DRILL_CONCURRENCY', DEFAULTS.drillConcurrency, 1),
    drillPhaseSeconds: int('BENCH_DRILL_PHASE_SECONDS', DEFAULTS.drillPhaseSeconds, 1),
    drillMarginMs: int('BENCH_DRILL_MARGIN_MS', DEFAULTS.drillMarginMs, 0),
    soakSeconds: int('BENCH_SOAK_SECONDS', DEFAULTS.soakSeconds, 1),
    soakConcurrency: int('BENCH_SOAK_CONCURRENCY', DEFAULTS.soakConcurrency, 1),
    soakRoundTripMs: int('BENCH_SOAK_ROUND_TRIP_MS', DEFAULTS.soakRoundTripMs, 0),
    resultsPath: env.BENCH_RESULTS?.trim() || defaultResultsPath,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
