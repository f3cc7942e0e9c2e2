/**
 * `pnpm bench`: starts its own stack (a database with the demo set + extra users, the gateway,
 * `wrangler dev`; for the side-by-side part a reader account, the MySQL proxy and a second
 * `wrangler dev --env hyperdrive`), measures, stops everything it started (also on failure or
 * Ctrl-C), prints a summary and writes bench/results/latest.json. Knobs: see src/config.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO } from '@m4/schema/seed';
import { measureBundle } from './bundle';
import { readBenchConfig } from './config';
import { clockTicksPerSecond } from './cpu-time';
import { faultDrill } from './fault-drill';
import { createHttpClient } from './http-client';
import { inProcessCostInNode } from './in-process';
import { latencySuite } from './latency-suite';
import { machineInfo } from './machine';
import { workerProcessOf } from './processes';
import { expectedUserDocument, readContext, recordExecuteResponse } from './reference';
import { outcomeProbes, successRequest } from './requests';
import { type BenchResults, type OutcomeStatements, RESULTS_FORMAT } from './results';
import { type PathTarget, type SideBySide, sideBySide } from './side-by-side';
import { soak } from './soak';
import { Cleanups, startHyperdriveWorker, startStack } from './stack';
import { countStatements } from './statements';
import { round } from './stats';
import { formatSummary } from './summary';
import { checkTargets } from './targets';
import { measureThroughput } from './throughput';
import { inProcessCostInWorkerd } from './workerd-cost';

const RESULTS = fileURLToPath(new URL('../results/latest.json', import.meta.url));
const XML_BENCH = 'packages/xml/bench/results/documents.json';

const cleanups = new Cleanups();
const log = (line: string) => console.log(`[bench] ${line}`);

function groupStatements(counts: Awaited<ReturnType<typeof countStatements>>): OutcomeStatements[] {
  const groups = new Map<string, OutcomeStatements>();
  for (const c of counts) {
    const g = groups.get(c.outcome) ?? {
      outcome: c.outcome,
      status: c.status,
      requests: 0,
      statements: { min: Number.POSITIVE_INFINITY, max: 0 },
      expected: c.expectedStatements,
      responsesOk: true,
    };
    g.requests++;
    g.statements.min = Math.min(g.statements.min, c.statements);
    g.statements.max = Math.max(g.statements.max, c.statements);
    g.responsesOk &&= c.responseOk;
    groups.set(c.outcome, g);
  }
  return [...groups.values()];
}

async function main(): Promise<number> {
  const parsed = readBenchConfig(process.env, RESULTS);
  if (!parsed.ok) {
    for (const error of parsed.errors) console.error(error);
    return 2;
  }
  const config = parsed.config;
  const began = performance.now();
  const machine = machineInfo();
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };

  const stack = await startStack(
    { extraUsers: config.extraUsers, dbTimeoutMs: config.dbTimeoutMs, log },
    cleanups,
  );
  const { gateway, worker } = stack;
  const sockets = Math.max(
    config.concurrency,
    config.throughputConcurrency,
    config.drillConcurrency,
    config.soakConcurrency,
  );
  const http = createHttpClient(worker.baseUrl, { maxSockets: sockets + 2 });
  cleanups.add(async () => http.close());

  const users = new Map<number, string>();
  for (const id of [DEMO.user.id, DEMO.userOfManager.id]) {
    users.set(id, await expectedUserDocument(gateway.url, id));
  }
  const userDocument = users.get(DEMO.user.id) ?? '';
  const success = await successRequest();
  const first = await http.send(success);
  if (first.status !== 200 || first.body !== userDocument) {
    throw new Error(`the worker does not answer the expected user document:\n${first.body}`);
  }

  log('statements per request, per outcome');
  const probes = await outcomeProbes();
  const statements = groupStatements(await countStatements(http, gateway, probes, users));
  for (const s of statements) {
    check(s.responsesOk, `statements: ${s.outcome} answered something else than expected`);
    check(
      s.statements.min === s.expected && s.statements.max === s.expected,
      `statements: ${s.outcome} took ${s.statements.min}–${s.statements.max}, expected ${s.expected}`,
    );
  }

  const latency = await latencySuite({
    config,
    http,
    gateway,
    success,
    users,
    log,
    fail: (what) => failures.push(what),
    requestLog: stack.requestLog,
  });

  let compared: SideBySide | null = null;
  if (config.hyperdriveRequests > 0) {
    log('Hyperdrive: reader account, MySQL proxy, wrangler dev --env hyperdrive');
    const hyperdrive = await startHyperdriveWorker(
      { database: stack.database, dbTimeoutMs: config.dbTimeoutMs, log },
      cleanups,
    );
    const hyperdriveHttp = createHttpClient(hyperdrive.worker.baseUrl, { maxSockets: 2 });
    try {
      const answer = await hyperdriveHttp.send(success);
      if (answer.status !== 200 || answer.body !== userDocument) {
        throw new Error(
          `the Hyperdrive worker does not answer the expected user document:\n${answer.body}`,
        );
      }
      const { proxy } = hyperdrive;
      const targets: PathTarget[] = [
        {
          path: 'planetscale',
          http,
          workerdPid: workerProcessOf(worker.process.child.pid ?? -1),
          setRoundTrip: (ms) => gateway.setRoundTrip(ms),
          countStatements: (id) => () => gateway.statements(id),
          server: (id) => stack.requestLog.get(id),
        },
        {
          path: 'hyperdrive',
          http: hyperdriveHttp,
          workerdPid: workerProcessOf(hyperdrive.worker.process.child.pid ?? -1),
          setRoundTrip: (ms) => proxy.setRoundTrip(ms),
          countStatements: () => {
            const before = proxy.statements;
            return () => proxy.statements - before;
          },
          server: (id) => hyperdrive.requestLog.get(id),
        },
      ];
      compared = await sideBySide({
        targets,
        success,
        expected: userDocument,
        roundTrips: config.hyperdriveRoundTrips,
        requests: config.hyperdriveRequests,
        warmup: Math.min(20, config.hyperdriveRequests),
        clockTicksPerSecond: clockTicksPerSecond(),
        log,
        fail: (what) => failures.push(what),
      });
    } finally {
      hyperdriveHttp.close();
      await hyperdrive.stop();
    }
  }

  log(
    `throughput at concurrency ${config.throughputConcurrency}, ${config.throughputSeconds} s each`,
  );
  const throughputOptions = {
    concurrency: config.throughputConcurrency,
    seconds: config.throughputSeconds,
  };
  const methodThroughput = await measureThroughput(
    http,
    'POST /billing/api/user_details_raw_get',
    success,
    (r) => r.status === 200 && r.body === userDocument,
    throughputOptions,
  );
  const healthThroughput = await measureThroughput(
    http,
    'GET /health',
    { method: 'GET', path: '/health' },
    (r) => r.status === 200 && r.body === '{"ok":true}',
    throughputOptions,
  );
  check(methodThroughput.unexpected === 0, `throughput: ${methodThroughput.unexpected} unexpected`);
  check(
    healthThroughput.unexpected === 0,
    `throughput /health: ${healthThroughput.unexpected} unexpected`,
  );

  log(`fault drill: ${config.drillConcurrency} loops, ${config.drillPhaseSeconds} s per mode`);
  const drill = await faultDrill(http, gateway, success, userDocument, {
    concurrency: config.drillConcurrency,
    phaseSeconds: config.drillPhaseSeconds,
    dbTimeoutMs: config.dbTimeoutMs,
    marginMs: config.drillMarginMs,
  });
  check(
    drill.passed,
    `fault drill failed: ${JSON.stringify(drill.phases)} ${drill.samples.join(' | ')}`,
  );

  log(`soak: ${config.soakSeconds} s at concurrency ${config.soakConcurrency}`);
  const wranglerPid = worker.process.child.pid ?? -1;
  const soaked = await soak(http, gateway, wranglerPid, probes, users, {
    seconds: config.soakSeconds,
    concurrency: config.soakConcurrency,
    roundTripMs: config.soakRoundTripMs,
  });
  check(
    soaked.unexpected === 0,
    `soak: ${soaked.unexpected} unexpected (${soaked.samples.join(' | ')})`,
  );
  check(soaked.workerd.pids.length > 0, 'soak: found no workerd process under wrangler');

  http.close();
  await worker.stop();

  log(`in-process cost in Node: ${config.inProcessIterations} iterations`);
  const context = await readContext(gateway.url, 'admin', String(DEMO.user.id));
  const form = success.body?.toString() ?? '';
  const executeResponse = await recordExecuteResponse(gateway.url, 'admin', String(DEMO.user.id));
  const costInput = { context, form, executeResponse };
  const node = await inProcessCostInNode(costInput, config.inProcessIterations);
  log(
    `in-process cost in workerd: ${config.workerdBatches} batches × ${config.workerdBatchIterations}`,
  );
  const workerd = await inProcessCostInWorkerd(costInput, {
    batches: config.workerdBatches,
    iterations: config.workerdBatchIterations,
  });

  log('bundle size (wrangler deploy --dry-run --minify)');
  const bundle = await measureBundle();

  const databaseOutcomes = statements.filter((s) => s.expected === 1);
  const transport = statements.filter((s) => s.expected === 0);
  const allOurs = [...latency.ours, ...latency.variants.map((v) => v.ours), ...latency.unloaded];
  const at50 = (concurrency: number) => {
    const runs = latency.comparison.filter(
      (c) => c.variant === 'admin-post' && c.concurrency === concurrency,
    );
    const c = runs.find((r) => r.roundTripMs === 50) ?? runs.at(-1);
    return c === undefined
      ? []
      : [{ roundTripMs: c.roundTripMs, concurrency, oursP50Ms: c.oursP50Ms, m4P50Ms: c.m4P50Ms }];
  };
  const targets = checkTargets({
    databaseOutcomeStatements: {
      min: Math.min(
        ...databaseOutcomes.map((s) => s.statements.min),
        ...allOurs.map((r) => r.statements.min),
      ),
      max: Math.max(
        ...databaseOutcomes.map((s) => s.statements.max),
        ...allOurs.map((r) => r.statements.max),
      ),
    },
    transportStatements: { max: Math.max(0, ...transport.map((s) => s.statements.max)) },
    oursP50: [
      ...latency.ours.map((o) => ({
        roundTripMs: o.roundTripMs,
        concurrency: config.concurrency,
        p50Ms: o.latency.p50Ms,
      })),
      ...latency.unloaded.map((o) => ({
        roundTripMs: o.roundTripMs,
        concurrency: 1,
        p50Ms: o.latency.p50Ms,
      })),
    ],
    speedup: [...at50(config.concurrency), ...at50(1)],
    inProcessMedianMs: {
      node: node.perRequest.p50Ms,
      workerd: workerd.method.outsideWall.medianMs,
    },
  });

  const { resultsPath, ...knobs } = config;
  const results: BenchResults = {
    format: RESULTS_FORMAT,
    machine: { ...machine, loadAverageAtEnd: round(loadavg()[0] ?? 0, 2) },
    config: knobs,
    setup: {
      users: stack.seed.users,
      seedMs: stack.seed.ms,
      dbTimeoutMs: config.dbTimeoutMs,
      totalSeconds: round((performance.now() - began) / 1000, 1),
    },
    statements,
    latency,
    sideBySide: compared,
    inProcess: { node, workerd },
    throughput: {
      method: methodThroughput,
      health: healthThroughput,
      methodToHealth: round(
        methodThroughput.requestsPerSecond / healthThroughput.requestsPerSecond,
        3,
      ),
    },
    bundle,
    faultDrill: drill,
    soak: soaked,
    xmlBench: XML_BENCH,
    targets,
    checks: { passed: failures.length === 0, failures },
  };
  await mkdir(dirname(resultsPath), { recursive: true });
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatSummary(results));
  log(`wrote ${resultsPath}`);
  return failures.length === 0 ? 0 : 1;
}

// Ctrl-C stops the workers under a measurement that is still running, which then fails and
// lands here too: every caller waits for the one cleanup to finish before the process exits.
let stopping: Promise<void> | undefined;
async function stop(code: number): Promise<never> {
  stopping ??= cleanups.run();
  await stopping;
  process.exit(code);
}
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

main()
  .then((code) => stop(code))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await stop(1);
  });
