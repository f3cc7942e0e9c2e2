import type { Gateway } from '@m4/localdb';
import { DEMO } from '@m4/schema/seed';
import type { BenchConfig } from './config';
import type { HttpClient, HttpRequest } from './http-client';
import { type LatencyRun, timeRuns, workerLatency } from './latency';
import { M4_STATEMENTS, type M4Variant, m4Request } from './m4-pattern';
import { readContext } from './reference';
import type { RequestLog } from './request-log';
import { signedForm, signedQuery } from './requests';
import type { BenchResults, LatencyWithRatio, RoundTripComparison } from './results';
import { ratio, round } from './stats';

export interface LatencySuiteInput {
  config: BenchConfig;
  http: HttpClient;
  gateway: Gateway;
  /** Admin POST reading DEMO.user, and the document it must answer. */
  success: HttpRequest;
  /** Expected user documents by id. */
  users: Map<number, string>;
  log: (line: string) => void;
  /** Records a failed correctness check. */
  fail: (what: string) => void;
  /** The worker's log, for its own view of each request's time. */
  requestLog: RequestLog;
}

function withRatio(run: LatencyRun): LatencyWithRatio {
  return {
    ...run,
    ratioToRoundTrip: {
      p50: ratio(run.latency.p50Ms, run.roundTripMs),
      p99: ratio(run.latency.p99Ms, run.roundTripMs),
    },
  };
}

function compare(
  variant: M4Variant,
  ours: LatencyRun,
  m4: LatencyRun,
  concurrency: number,
): RoundTripComparison {
  return {
    roundTripMs: ours.roundTripMs,
    variant,
    concurrency,
    oursP50Ms: ours.latency.p50Ms,
    oursP99Ms: ours.latency.p99Ms,
    m4P50Ms: m4.latency.p50Ms,
    m4P99Ms: m4.latency.p99Ms,
    m4Statements: M4_STATEMENTS[variant],
    ratioOursToM4: round(ours.latency.p50Ms / m4.latency.p50Ms, 3),
    speedup: round(m4.latency.p50Ms / ours.latency.p50Ms, 2),
  };
}

/**
 * The success path's latency at each simulated round trip: through the worker (ours), the one
 * statement alone from Node (ours, query only), and M4's sequential pattern from Node; then the
 * GET and manager variants at one round trip, and ours again with a single client.
 */
export async function latencySuite(input: LatencySuiteInput): Promise<BenchResults['latency']> {
  const { config, http, gateway, users, log, fail } = input;
  const userDocument = users.get(DEMO.user.id) ?? '';
  const options = (label: string, roundTripMs: number, requests: number, concurrency: number) => ({
    label: `${label}-${roundTripMs}-c${concurrency}`,
    requests,
    concurrency,
    roundTripMs,
  });
  const server = (id: string) => input.requestLog.get(id);
  const expect = (run: LatencyRun, statements: number, what: string) => {
    if (run.unexpected > 0) fail(`${what}: ${run.unexpected} unexpected responses`);
    if (run.statements.min !== statements || run.statements.max !== statements) {
      fail(
        `${what}: ${run.statements.min}–${run.statements.max} statements per request, expected ${statements}`,
      );
    }
  };
  const m4Run = (
    variant: M4Variant,
    requester: string,
    target: number,
    run: ReturnType<typeof options>,
  ) =>
    timeRuns(
      gateway,
      run,
      async (id) =>
        (await m4Request(gateway.url, id, variant, requester, String(target))) === String(target),
    );

  const c = config.concurrency;
  const ours: LatencyWithRatio[] = [];
  const oursQueryOnly: LatencyWithRatio[] = [];
  const m4: LatencyWithRatio[] = [];
  const comparison: RoundTripComparison[] = [];
  for (const rtt of config.roundTrips) {
    log(`latency at a ${rtt} ms round trip: ours (worker), ours (query only), M4's pattern`);
    const worker = await workerLatency(http, gateway, input.success, userDocument, {
      ...options('worker', rtt, config.requests, c),
      server,
    });
    expect(worker, 1, `ours at ${rtt} ms`);
    ours.push(withRatio(worker));
    const query = await timeRuns(gateway, options('query', rtt, config.requests, c), async (id) => {
      const context = await readContext(gateway.url, 'admin', String(DEMO.user.id), id);
      return String(context.target?.id) === String(DEMO.user.id);
    });
    expect(query, 1, `ours (query only) at ${rtt} ms`);
    oursQueryOnly.push(withRatio(query));
    const pattern = await m4Run(
      'admin-post',
      'admin',
      DEMO.user.id,
      options('m4-admin-post', rtt, config.requests, c),
    );
    expect(pattern, M4_STATEMENTS['admin-post'], `M4 at ${rtt} ms`);
    m4.push(withRatio(pattern));
    comparison.push(compare('admin-post', worker, pattern, c));
  }

  const variants: BenchResults['latency']['variants'] = [];
  const rtt = config.variantRoundTripMs;
  if (rtt > 0) {
    log(`M4 variants at ${rtt} ms: GET (7 statements), manager (8 statements)`);
    const n = config.variantRequests;
    const oursGet = await workerLatency(
      http,
      gateway,
      await signedQuery('admin', String(DEMO.user.id)),
      userDocument,
      { ...options('worker-get', rtt, n, c), server },
    );
    expect(oursGet, 1, `ours GET at ${rtt} ms`);
    const m4Get = await m4Run('admin-get', 'admin', DEMO.user.id, options('m4-get', rtt, n, c));
    expect(m4Get, M4_STATEMENTS['admin-get'], `M4 GET at ${rtt} ms`);
    variants.push({ variant: 'admin-get', ours: oursGet, m4: m4Get });
    comparison.push(compare('admin-get', oursGet, m4Get, c));

    const manager = DEMO.manager.username;
    const target = DEMO.userOfManager.id;
    const oursManager = await workerLatency(
      http,
      gateway,
      await signedForm(manager, String(target)),
      users.get(target) ?? '',
      { ...options('worker-manager', rtt, n, c), server },
    );
    expect(oursManager, 1, `ours manager at ${rtt} ms`);
    const m4Manager = await m4Run(
      'manager-post',
      manager,
      target,
      options('m4-manager', rtt, n, c),
    );
    expect(m4Manager, M4_STATEMENTS['manager-post'], `M4 manager at ${rtt} ms`);
    variants.push({ variant: 'manager-post', ours: oursManager, m4: m4Manager });
    comparison.push(compare('manager-post', oursManager, m4Manager, c));
  }

  const unloaded: LatencyWithRatio[] = [];
  const m4Unloaded: LatencyWithRatio[] = [];
  if (config.unloadedRequests > 0) {
    const n = config.unloadedRequests;
    log(`latency with one client (${n} requests per round trip): ours, M4's pattern`);
    for (const rtt of config.roundTrips) {
      const run = await workerLatency(http, gateway, input.success, userDocument, {
        ...options('worker-unloaded', rtt, n, 1),
        server,
      });
      expect(run, 1, `ours with one client at ${rtt} ms`);
      unloaded.push(withRatio(run));
      const pattern = await m4Run(
        'admin-post',
        'admin',
        DEMO.user.id,
        options('m4-unloaded', rtt, n, 1),
      );
      expect(pattern, M4_STATEMENTS['admin-post'], `M4 with one client at ${rtt} ms`);
      m4Unloaded.push(withRatio(pattern));
      comparison.push(compare('admin-post', run, pattern, 1));
    }
  }
  return { ours, oursQueryOnly, m4, variants, comparison, unloaded, m4Unloaded };
}
