import { fileURLToPath } from 'node:url';
import { startWranglerDev } from '@m4/worker/dev';
import type { CostInput, CostMode } from './cost-iteration';
import type { HttpClient } from './http-client';
import { createHttpClient } from './http-client';
import { percentile, round } from './stats';

const COST_WORKER_DIR = fileURLToPath(new URL('../workerd/', import.meta.url));

export interface BatchedCost {
  /** Per-iteration mean of each batch from workerd's performance.now() (batch delta / n). */
  insideClock: { medianMs: number; p99Ms: number };
  /** Per-iteration mean of each batch from the outside: (wall(n) − median wall(0)) / n. */
  outsideWall: { medianMs: number; p99Ms: number; baselineMs: number };
}

export interface WorkerdCost {
  runtime: string;
  batches: number;
  iterationsPerBatch: number;
  /** What performance.now() does inside local workerd. */
  clock: { advancedDuringCpuWork: boolean; smallestStepMs: number | null };
  /** readParams + decide + render against a pre-read context. */
  method: BatchedCost;
  /**
   * The same plus the worker's read and the driver on the recorded database answer (no network); about
   * 20× dearer, so its batches have a tenth of the iterations.
   */
  withDriver: BatchedCost & { iterationsPerBatch: number };
  bodyBytes: number;
}

interface CostAnswer {
  n: number;
  perfMs: number;
  dateMs: number;
  bytes: number;
}

async function post(http: HttpClient, n: number, mode: CostMode, body: string) {
  const response = await http.send({
    method: 'POST',
    path: `/cost?n=${n}&mode=${mode}`,
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 200) throw new Error(`cost worker: HTTP ${response.status}`);
  return { answer: JSON.parse(response.body) as CostAnswer, wallMs: response.ms };
}

async function batches(
  http: HttpClient,
  body: string,
  mode: CostMode,
  options: { batches: number; iterations: number },
): Promise<BatchedCost & { bodyBytes: number }> {
  const n = options.iterations;
  // Warm up: JIT, the module, the connection.
  for (let i = 0; i < 3; i++) await post(http, n, mode, body);
  const inside: number[] = [];
  const walls: number[] = [];
  const baselines: number[] = [];
  let bodyBytes = 0;
  for (let b = 0; b < options.batches; b++) {
    const { answer, wallMs } = await post(http, n, mode, body);
    if (answer.n !== n || answer.bytes <= 0) throw new Error('cost worker did not run the batch');
    bodyBytes = answer.bytes / n;
    inside.push(answer.perfMs / n);
    walls.push(wallMs);
    baselines.push((await post(http, 0, mode, body)).wallMs);
  }
  const baselineMs = percentile(
    [...baselines].sort((a, b) => a - b),
    50,
  );
  const outside = walls.map((w) => (w - baselineMs) / n).sort((a, b) => a - b);
  inside.sort((a, b) => a - b);
  return {
    insideClock: {
      medianMs: round(percentile(inside, 50), 4),
      p99Ms: round(percentile(inside, 99), 4),
    },
    outsideWall: {
      medianMs: round(percentile(outside, 50), 4),
      p99Ms: round(percentile(outside, 99), 4),
      baselineMs: round(baselineMs, 3),
    },
    bodyBytes,
  };
}

/**
 * Starts the bench's cost worker under `wrangler dev`, runs `batches` requests of `iterations`
 * iterations per mode (each followed by an n=0 baseline request), and stops it again.
 */
export async function inProcessCostInWorkerd(
  input: CostInput,
  options: { batches: number; iterations: number },
): Promise<WorkerdCost> {
  const worker = await startWranglerDev({ cwd: COST_WORKER_DIR, readyPath: '/health' });
  const http = createHttpClient(worker.baseUrl, { maxSockets: 1, timeoutMs: 120_000 });
  try {
    const clockResponse = await http.send({ method: 'GET', path: '/clock' });
    const { advancedDuringCpuWork, smallestStepMs } = JSON.parse(
      clockResponse.body,
    ) as WorkerdCost['clock'];
    const body = JSON.stringify(input);
    const { bodyBytes, ...method } = await batches(http, body, 'method', options);
    const driverIterations = Math.max(1, Math.ceil(options.iterations / 10));
    const { bodyBytes: _, ...driver } = await batches(http, body, 'driver', {
      ...options,
      iterations: driverIterations,
    });
    return {
      runtime: 'workerd (wrangler dev, local)',
      batches: options.batches,
      iterationsPerBatch: options.iterations,
      clock: { advancedDuringCpuWork, smallestStepMs },
      method,
      withDriver: { ...driver, iterationsPerBatch: driverIterations },
      bodyBytes,
    };
  } finally {
    http.close();
    await worker.stop();
  }
}
