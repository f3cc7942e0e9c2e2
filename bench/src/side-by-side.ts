/**
 * The two deployments of the worker side by side at the same simulated round trip on their
 * database leg: PlanetScale's HTTP driver through the gateway (one HTTP call per statement, the
 * gateway's round trip per Execute) and Hyperdrive's mysql2 connection through the MySQL proxy
 * (the round trip on the answer to each statement, none on the handshake). One client,
 * requests alternating between the two workers so both see the same load on the machine; CPU
 * per request from each worker's own workerd process.
 */

import { type CpuPerRequest, type CpuSpan, cpuPerRequest, cpuTimeMsOf } from './cpu-time';
import type { HttpClient, HttpRequest, HttpResponse } from './http-client';
import { type LatencyRun, serverView } from './latency';
import { runLoad } from './load';
import type { ServerTiming } from './request-log';
import { withRequestId } from './requests';
import { requestIdOf } from './statements';
import { type LatencySummary, round, summarize } from './stats';

export type DatabasePath = 'planetscale' | 'hyperdrive';

/** One deployment under test. */
export interface PathTarget {
  path: DatabasePath;
  http: HttpClient;
  /** The workerd process running the worker's code. */
  workerdPid: number;
  /** Sets the simulated round trip on this path's database leg. */
  setRoundTrip(ms: number): void;
  /**
   * Called before a request is sent; what it returns, called once the answer is in, gives the
   * statements the database side saw for that request (requests are sequential).
   */
  countStatements(requestId: string): () => number;
  /** The worker's own timing of a request, from its log line. */
  server(requestId: string): ServerTiming | undefined;
}

export interface PathRun {
  path: DatabasePath;
  roundTripMs: number;
  latency: LatencySummary;
  /** GET /health of the same worker, one client, just before: the runtime's own floor. */
  health: LatencySummary;
  /** latency p50 − health p50: what the method and its database read add to a request. */
  overHealthP50Ms: number;
  /** Responses that were not exactly the expected document (status, body, request id). */
  unexpected: number;
  /** Statements per request on the database side, min and max over every measured request. */
  statements: { min: number; max: number };
  server: LatencyRun['server'];
  /** null where the worker's process could not be read. */
  cpu: CpuPerRequest | null;
}

export interface SideBySide {
  roundTrips: number[];
  /** Measured requests per path and round trip (each also sends as many `/health`). */
  requests: number;
  /** Unmeasured requests per path and round trip before the measured ones. */
  warmup: number;
  /** What the CPU figures are. */
  cpuMeasure: string;
  clockTicksPerSecond: number;
  runs: PathRun[];
}

export const CPU_MEASURE =
  "utime+stime of the worker's workerd process (/proc/<pid>/stat) over the method's " +
  'sequential requests / their count, minus the same for as many GET /health requests';

const HEALTH: HttpRequest = { method: 'GET', path: '/health' };
const HEALTH_BODY = '{"ok":true}';
/** Per phase, whatever the request count: the loops always end. */
const PHASE_LIMIT_MS = 300_000;

export interface SideBySideInput {
  targets: PathTarget[];
  /** Admin POST reading DEMO.user, and the document it must answer. */
  success: HttpRequest;
  expected: string;
  roundTrips: number[];
  requests: number;
  warmup: number;
  clockTicksPerSecond: number;
  log: (line: string) => void;
  fail: (what: string) => void;
}

/** Sends one request to every target, starting with a different one each time. */
async function eachTarget(
  targets: PathTarget[],
  i: number,
  send: (target: PathTarget) => Promise<void>,
): Promise<void> {
  for (let k = 0; k < targets.length; k++) {
    const target = targets[(i + k) % targets.length];
    if (target) await send(target);
  }
}

function readCpu(targets: PathTarget[]): Map<DatabasePath, number | undefined> {
  return new Map(targets.map((t) => [t.path, cpuTimeMsOf(t.workerdPid)]));
}

function spanOf(
  before: Map<DatabasePath, number | undefined>,
  after: Map<DatabasePath, number | undefined>,
  path: DatabasePath,
  requests: number,
): CpuSpan | undefined {
  const a = before.get(path);
  const b = after.get(path);
  return a === undefined || b === undefined ? undefined : { cpuMs: b - a, requests };
}

export async function sideBySide(input: SideBySideInput): Promise<SideBySide> {
  const { targets, success, expected, fail } = input;
  const tickMs = 1000 / input.clockTicksPerSecond;
  const runs: PathRun[] = [];
  const isDocument = (response: HttpResponse, id: string) =>
    response.status === 200 && response.body === expected && requestIdOf(response) === id;

  for (const rtt of input.roundTrips) {
    input.log(
      `${targets.map((t) => t.path).join(' and ')} side by side at a ${rtt} ms round trip: ` +
        `${input.requests} requests each, one client`,
    );
    for (const t of targets) t.setRoundTrip(rtt);
    try {
      await runLoad({ concurrency: 1, requests: input.warmup, durationMs: PHASE_LIMIT_MS }, (i) =>
        eachTarget(targets, i, async (t) => {
          await t.http.send(withRequestId(success, `bench-sbs-${t.path}-${rtt}-warm-${i}`));
        }),
      );

      const unhealthy = new Map<DatabasePath, number>();
      const healthSamples = new Map<DatabasePath, number[]>(targets.map((t) => [t.path, []]));
      const healthBefore = readCpu(targets);
      const health = await runLoad(
        { concurrency: 1, requests: input.requests, durationMs: PHASE_LIMIT_MS },
        (i) =>
          eachTarget(targets, i, async (t) => {
            const started = performance.now();
            const response = await t.http.send(HEALTH);
            healthSamples.get(t.path)?.push(performance.now() - started);
            if (response.status !== 200 || response.body !== HEALTH_BODY) {
              unhealthy.set(t.path, (unhealthy.get(t.path) ?? 0) + 1);
            }
          }),
      );
      const healthAfter = readCpu(targets);

      const samples = new Map<DatabasePath, number[]>(targets.map((t) => [t.path, []]));
      const ids = new Map<DatabasePath, string[]>(targets.map((t) => [t.path, []]));
      const unexpected = new Map<DatabasePath, number>();
      const statements = new Map<DatabasePath, { min: number; max: number }>();
      const methodBefore = readCpu(targets);
      const method = await runLoad(
        { concurrency: 1, requests: input.requests, durationMs: PHASE_LIMIT_MS },
        (i) =>
          eachTarget(targets, i, async (t) => {
            const id = `bench-sbs-${t.path}-${rtt}-${i}`;
            const counted = t.countStatements(id);
            const started = performance.now();
            const response = await t.http.send(withRequestId(success, id));
            samples.get(t.path)?.push(performance.now() - started);
            ids.get(t.path)?.push(id);
            if (!isDocument(response, id))
              unexpected.set(t.path, (unexpected.get(t.path) ?? 0) + 1);
            const n = counted();
            const s = statements.get(t.path) ?? { min: n, max: n };
            statements.set(t.path, { min: Math.min(s.min, n), max: Math.max(s.max, n) });
          }),
      );
      const methodAfter = readCpu(targets);

      for (const t of targets) {
        const what = `${t.path} at ${rtt} ms (one client)`;
        const bad = unexpected.get(t.path) ?? 0;
        const s = statements.get(t.path) ?? { min: 0, max: 0 };
        if (bad > 0) fail(`${what}: ${bad} responses were not the expected user document`);
        if (s.min !== 1 || s.max !== 1) {
          fail(`${what}: ${s.min}–${s.max} statements per request, expected 1`);
        }
        const badHealth = unhealthy.get(t.path) ?? 0;
        if (badHealth > 0) fail(`${what}: ${badHealth} /health answers were not {"ok":true}`);
        const m = spanOf(methodBefore, methodAfter, t.path, method.started);
        const h = spanOf(healthBefore, healthAfter, t.path, health.started);
        if (m === undefined || h === undefined) fail(`${what}: could not read its workerd's CPU`);
        const latency = summarize(samples.get(t.path) ?? []);
        const healthLatency = summarize(healthSamples.get(t.path) ?? []);
        runs.push({
          path: t.path,
          roundTripMs: rtt,
          latency,
          health: healthLatency,
          overHealthP50Ms: round(latency.p50Ms - healthLatency.p50Ms),
          unexpected: bad,
          statements: s,
          server: await serverView(ids.get(t.path) ?? [], (id) => t.server(id)),
          cpu: m && h && m.requests > 0 && h.requests > 0 ? cpuPerRequest(m, h, tickMs) : null,
        });
      }
    } finally {
      for (const t of targets) t.setRoundTrip(0);
    }
  }
  return {
    roundTrips: input.roundTrips,
    requests: input.requests,
    warmup: input.warmup,
    cpuMeasure: CPU_MEASURE,
    clockTicksPerSecond: input.clockTicksPerSecond,
    runs,
  };
}
