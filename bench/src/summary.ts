import type { BenchResults } from './results';
import type { SideBySide } from './side-by-side';

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const x = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

type LatencyRow = BenchResults['latency']['ours'][number];

/** Ours against M4's pattern per round trip; `queryOnly` adds our statement sent from Node. */
function latencyTable(ours: LatencyRow[], m4: LatencyRow[], queryOnly?: LatencyRow[]): string {
  const header = ['round trip', 'ours p50', 'ours p99', 'p50/rtt', 'in worker', 'db call'];
  if (queryOnly) header.push('query only');
  header.push("M4's 6 p50", "M4's 6 p99", 'M4/ours');
  return table([
    header,
    ...ours.map((o, i) => {
      const p = m4[i];
      const q = queryOnly?.[i];
      return [
        `${o.roundTripMs} ms`,
        ms(o.latency.p50Ms),
        ms(o.latency.p99Ms),
        x(o.ratioToRoundTrip.p50),
        o.server ? ms(o.server.durationP50Ms) : '–',
        o.server ? ms(o.server.dbP50Ms) : '–',
        ...(queryOnly ? [q ? ms(q.latency.p50Ms) : '–'] : []),
        p ? ms(p.latency.p50Ms) : '–',
        p ? ms(p.latency.p99Ms) : '–',
        p ? x(p.latency.p50Ms / o.latency.p50Ms) : '–',
      ];
    }),
  ]);
}

const cpu = (value: number) => `${value.toFixed(2)} ms`;

/**
 * One row per path and round trip: latency, the worker's own view, CPU per request net of
 * `/health` (± its tick resolution) with its two parts, and Hyperdrive's p50 over PlanetScale's.
 */
export function sideBySideRows(s: SideBySide): string[][] {
  const header = [
    'path',
    'round trip',
    'p50',
    'p99',
    '/health p50',
    'p50 − /health',
    'in worker',
    'db call',
    'CPU/request',
    'method',
    '/health',
    'p50 / planetscale',
  ];
  return [
    header,
    ...s.runs.map((r) => {
      const base = s.runs.find((b) => b.path === 'planetscale' && b.roundTripMs === r.roundTripMs);
      return [
        r.path,
        `${r.roundTripMs} ms`,
        ms(r.latency.p50Ms),
        ms(r.latency.p99Ms),
        ms(r.health.p50Ms),
        ms(r.overHealthP50Ms),
        r.server ? ms(r.server.durationP50Ms) : '–',
        r.server ? ms(r.server.dbP50Ms) : '–',
        r.cpu ? `${cpu(r.cpu.netMs)} ±${r.cpu.resolutionMs.toFixed(2)}` : '?',
        r.cpu ? cpu(r.cpu.methodMs) : '?',
        r.cpu ? cpu(r.cpu.healthMs) : '?',
        base && base !== r ? x(r.latency.p50Ms / base.latency.p50Ms) : '–',
      ];
    }),
  ];
}

/** The human-readable summary `pnpm bench` prints after writing latest.json. */
export function formatSummary(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(
    '',
    '== M4 user_details_raw_get — benchmark summary',
    `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, node ${m.node}, ` +
      `wrangler ${m.wrangler ?? '?'} / workerd ${m.workerd ?? '?'}, ${m.date}`,
    `load average ${m.loadAverageAtStart} → ${m.loadAverageAtEnd ?? '?'}; ${r.setup.users} users; ` +
      `DB_TIMEOUT_MS=${r.setup.dbTimeoutMs}; run took ${r.setup.totalSeconds} s`,
    '',
    '-- statements per request (gateway counter, per X-Request-Id)',
    table([
      ['outcome', 'HTTP', 'statements', 'expected', 'exact response'],
      ...r.statements.map((s) => [
        s.outcome,
        String(s.status),
        s.statements.min === s.statements.max
          ? String(s.statements.min)
          : `${s.statements.min}–${s.statements.max}`,
        String(s.expected),
        s.responsesOk ? 'yes' : 'NO',
      ]),
    ]),
    '',
    `-- success path latency, admin POST reads DEMO.user (${r.config.concurrency} clients, ${r.config.requests} requests per row; "in worker" and "db call" from the worker's log line)`,
    latencyTable(r.latency.ours, r.latency.m4, r.latency.oursQueryOnly),
  );
  if (r.latency.unloaded.length > 0) {
    out.push(
      '',
      `-- the same with one client (${r.config.unloadedRequests} requests per row)`,
      latencyTable(r.latency.unloaded, r.latency.m4Unloaded),
    );
  }
  if (r.sideBySide !== null) {
    const sb = r.sideBySide;
    out.push(
      '',
      `-- Hyperdrive and PlanetScale side by side (one client, ${sb.requests} requests per row, alternating; round trip on the database leg)`,
      table(sideBySideRows(sb)),
      `CPU/request = ${sb.cpuMeasure}`,
    );
  }
  if (r.latency.variants.length > 0) {
    out.push(
      '',
      `-- variants (${r.config.concurrency} clients, ${r.config.variantRequests} requests per row)`,
      table([
        ['variant', 'round trip', 'ours p50', 'M4 statements', 'M4 p50', 'M4/ours'],
        ...r.latency.comparison
          .filter((c) => c.variant !== 'admin-post')
          .map((c) => [
            c.variant,
            `${c.roundTripMs} ms`,
            ms(c.oursP50Ms),
            String(c.m4Statements),
            ms(c.m4P50Ms),
            x(c.speedup),
          ]),
      ]),
    );
  }
  const n = r.inProcess.node;
  const w = r.inProcess.workerd;
  out.push(
    '',
    '-- in-process cost per request (readParams + decide/SHA-1 + render, pre-read context)',
    `node:    median ${n.perRequest.p50Ms.toFixed(4)} ms, p99 ${n.perRequest.p99Ms.toFixed(4)} ms over ${n.iterations} ` +
      `(readParams ${n.parts.readParamsMs} ms, decide ${n.parts.decideMs} ms, render ${n.parts.renderMs} ms); ` +
      `with the read + driver decoding the row: median ${n.perRequestWithDriver.p50Ms.toFixed(4)} ms`,
    `workerd: median ${w.method.outsideWall.medianMs.toFixed(4)} ms, p99 ${w.method.outsideWall.p99Ms.toFixed(4)} ms per iteration ` +
      `(${w.batches} batches of ${w.iterationsPerBatch}, outside wall clock; inside performance.now(): ` +
      `${w.method.insideClock.medianMs.toFixed(4)} ms); with the read + driver: median ` +
      `${w.withDriver.outsideWall.medianMs.toFixed(4)} ms, p99 ${w.withDriver.outsideWall.p99Ms.toFixed(4)} ms`,
    `         performance.now() in local workerd advances during CPU work: ${w.clock.advancedDuringCpuWork} (step ${w.clock.smallestStepMs} ms)`,
    '',
    `-- throughput through wrangler dev (concurrency ${r.throughput.method.concurrency}, round trip 0)`,
    table([
      ['route', 'req/s', 'p50', 'p99', 'requests'],
      ...[r.throughput.method, r.throughput.health].map((t) => [
        t.route,
        t.requestsPerSecond.toFixed(0),
        ms(t.latency.p50Ms),
        ms(t.latency.p99Ms),
        String(t.requests),
      ]),
    ]),
    `method / health throughput: ${r.throughput.methodToHealth.toFixed(2)}`,
    '',
    `-- bundle: ${kib(r.bundle.minifiedBytes)} minified, ${kib(r.bundle.gzipBytes)} gzip (zlib -9); wrangler: ${r.bundle.wranglerReports ?? '?'}`,
    '',
    `-- fault drill (${r.faultDrill.concurrency} loops, ${r.faultDrill.phaseSeconds} s per mode, bound ${r.faultDrill.boundMs} ms): ${r.faultDrill.passed ? 'passed' : 'FAILED'}`,
    table([
      ['phase', 'requests', 'ok', '503', 'other', 'max latency', 'over bound', 'first after clear'],
      ...r.faultDrill.phases.map((p) => [
        p.phase,
        String(p.requests),
        String(p.ok),
        String(p.unavailable),
        String(p.other),
        ms(p.maxLatencyMs),
        String(p.overBound),
        p.recovered === null ? '–' : p.recovered ? 'ok' : 'FAILED',
      ]),
    ]),
  );
  const s = r.soak;
  const rss = (k: { rssKiB: number } | null) => (k ? `${(k.rssKiB / 1024).toFixed(1)} MiB` : '?');
  out.push(
    '',
    `-- soak: ${s.seconds} s, concurrency ${s.concurrency}, ${s.requests} requests (${s.requestsPerSecond.toFixed(0)} req/s), ` +
      `${s.unexpected} unexpected; p99 ${ms(s.latency.p99Ms)}`,
    ...s.workerd.perProcess.map(
      (p) => `   workerd ${p.pid} (${p.role}): RSS ${rss(p.start)} → ${rss(p.end)}`,
    ),
    '',
    '-- targets',
    table([
      ['target', 'measured', 'limit', 'met'],
      ...r.targets.map((t) => [
        t.target,
        String(t.value),
        String(t.limit),
        t.met ? 'yes' : `NO (${t.miss})`,
      ]),
    ]),
    '',
    r.checks.passed
      ? 'all correctness checks passed'
      : `FAILED checks:\n  ${r.checks.failures.join('\n  ')}`,
    `xml render bench (vitest): ${r.xmlBench}`,
  );
  return out.join('\n');
}
