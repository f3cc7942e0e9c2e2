import type { Gateway } from '@m4/localdb';
import type { HttpClient, HttpRequest } from './http-client';
import { runLoad } from './load';
import type { ServerTiming } from './request-log';
import { withRequestId } from './requests';
import { requestIdOf } from './statements';
import { type LatencySummary, summarize } from './stats';

export interface LatencyRun {
  roundTripMs: number;
  latency: LatencySummary;
  /** Responses that were not exactly the expected document. */
  unexpected: number;
  /** Statements per request as counted by the gateway: every request, min and max. */
  statements: { min: number; max: number };
  /** The worker's own view (its log line): total time in the worker and in the database call. */
  server: {
    matched: number;
    durationP50Ms: number;
    durationP99Ms: number;
    dbP50Ms: number;
    dbP99Ms: number;
  } | null;
}

interface RunOptions {
  requests: number;
  concurrency: number;
  roundTripMs: number;
  /** Requests sent (and not measured) first, to warm connections and JIT. */
  warmup?: number;
  /** Makes the request ids of this run unique (the gateway counts statements per id). */
  label: string;
  /** The worker's timing of a request, where the run goes through the worker. */
  server?: (requestId: string) => ServerTiming | undefined;
}

/** Runs `one(requestId)` under load and times each call, counting statements per request id. */
export async function timeRuns(
  gateway: Gateway,
  options: RunOptions,
  one: (requestId: string) => Promise<boolean>,
): Promise<LatencyRun> {
  gateway.setRoundTrip(options.roundTripMs);
  try {
    const warmup = options.warmup ?? Math.min(50, options.requests);
    await runLoad({ concurrency: options.concurrency, requests: warmup }, async (i) => {
      await one(`bench-${options.label}-warm-${i}`);
    });
    const samples: number[] = [];
    let unexpected = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    const ids: string[] = [];
    await runLoad({ concurrency: options.concurrency, requests: options.requests }, async (i) => {
      const requestId = `bench-${options.label}-${i}`;
      ids.push(requestId);
      const started = performance.now();
      const ok = await one(requestId);
      samples.push(performance.now() - started);
      if (!ok) unexpected++;
      const statements = gateway.statements(requestId);
      min = Math.min(min, statements);
      max = Math.max(max, statements);
    });
    return {
      roundTripMs: options.roundTripMs,
      latency: summarize(samples),
      unexpected,
      statements: { min, max },
      server: options.server ? await serverView(ids, options.server) : null,
    };
  } finally {
    gateway.setRoundTrip(0);
  }
}

/** The worker's own timings of `ids` (from its log lines), once the last lines are in. */
export async function serverView(
  ids: string[],
  lookup: (requestId: string) => ServerTiming | undefined,
): Promise<LatencyRun['server']> {
  // The log line travels through wrangler's stdout: give the last ones a moment.
  await new Promise((r) => setTimeout(r, 300));
  const timings = ids.map(lookup).filter((t): t is ServerTiming => t !== undefined);
  const duration = summarize(timings.map((t) => t.durationMs));
  const db = summarize(timings.flatMap((t) => (t.dbMs === undefined ? [] : [t.dbMs])));
  return {
    matched: timings.length,
    durationP50Ms: duration.p50Ms,
    durationP99Ms: duration.p99Ms,
    dbP50Ms: db.p50Ms,
    dbP99Ms: db.p99Ms,
  };
}

/** The success path through the worker (client → wrangler dev → gateway → MariaDB). */
export function workerLatency(
  http: HttpClient,
  gateway: Gateway,
  request: HttpRequest,
  expectedBody: string,
  options: RunOptions,
): Promise<LatencyRun> {
  return timeRuns(gateway, options, async (id) => {
    const response = await http.send(withRequestId(request, id));
    return (
      response.status === 200 && response.body === expectedBody && requestIdOf(response) === id
    );
  });
}
