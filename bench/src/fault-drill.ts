import type { Fault, Gateway } from '@m4/localdb';
import type { HttpClient, HttpRequest, HttpResponse } from './http-client';
import { runLoad } from './load';
import { SERVICE_UNAVAILABLE } from './requests';
import { round } from './stats';

export interface DrillPhase {
  phase: string;
  requests: number;
  ok: number;
  unavailable: number;
  /** Neither the user document nor the exact 503 document (or no answer at all). */
  other: number;
  maxLatencyMs: number;
  /** Responses slower than the database timeout plus the margin. */
  overBound: number;
  /** The first request sent after the fault was cleared: did it get the user document? */
  recovered: boolean | null;
}

export interface DrillResult {
  dbTimeoutMs: number;
  boundMs: number;
  concurrency: number;
  phaseSeconds: number;
  phases: DrillPhase[];
  /** A few of the unexpected answers, for the report. */
  samples: string[];
  passed: boolean;
}

interface PhaseSpec {
  phase: string;
  fault: Fault | null;
}

export function drillPhases(dbTimeoutMs: number): PhaseSpec[] {
  return [
    { phase: 'latency (2 × timeout)', fault: { mode: 'latency', latencyMs: dbTimeoutMs * 2 } },
    { phase: 'http500', fault: { mode: 'http500' } },
    { phase: 'garbage', fault: { mode: 'garbage' } },
    { phase: 'drop', fault: { mode: 'drop' } },
    { phase: 'hang', fault: { mode: 'hang' } },
    { phase: 'cleared', fault: null },
  ];
}

type Verdict = 'ok' | 'unavailable' | 'other';

function verdictOf(response: HttpResponse, expectedBody: string): Verdict {
  if (response.status === 200 && response.body === expectedBody) return 'ok';
  if (
    response.status === 503 &&
    response.body === SERVICE_UNAVAILABLE &&
    response.headers['retry-after'] !== undefined
  ) {
    return 'unavailable';
  }
  return 'other';
}

/**
 * Load from `concurrency` loops while the gateway goes through every fault mode for
 * `phaseSeconds` each, then none. Every answer must be the user document or the 503 document,
 * none slower than the timeout plus `marginMs`, and the first request after each fault clears
 * must succeed; in the final, cleared phase every answer must be the user document.
 */
export async function faultDrill(
  http: HttpClient,
  gateway: Gateway,
  request: HttpRequest,
  expectedBody: string,
  options: { concurrency: number; phaseSeconds: number; dbTimeoutMs: number; marginMs: number },
): Promise<DrillResult> {
  const specs = drillPhases(options.dbTimeoutMs);
  const boundMs = options.dbTimeoutMs + options.marginMs;
  const phases: DrillPhase[] = specs.map(({ phase }) => ({
    phase,
    requests: 0,
    ok: 0,
    unavailable: 0,
    other: 0,
    maxLatencyMs: 0,
    overBound: 0,
    recovered: null,
  }));
  const samples: string[] = [];
  let current = 0;
  let done = false;

  const send = async (phase: DrillPhase) => {
    const started = performance.now();
    let verdict: Verdict;
    try {
      const response = await http.send(request);
      verdict = verdictOf(response, expectedBody);
      if (verdict === 'other' && samples.length < 5) {
        samples.push(`${phase.phase}: HTTP ${response.status} ${response.body.slice(0, 120)}`);
      }
    } catch (error) {
      verdict = 'other';
      if (samples.length < 5) samples.push(`${phase.phase}: ${String(error)}`);
    }
    const ms = performance.now() - started;
    phase.requests++;
    phase[verdict]++;
    phase.maxLatencyMs = Math.max(phase.maxLatencyMs, round(ms, 1));
    if (ms > boundMs) phase.overBound++;
    return verdict;
  };

  const controller = async () => {
    try {
      for (const [i, spec] of specs.entries()) {
        const phase = phases[i];
        if (!phase) continue;
        current = i;
        gateway.setFault(spec.fault);
        await new Promise((r) => setTimeout(r, options.phaseSeconds * 1000));
        if (spec.fault !== null) {
          gateway.setFault(null);
          phase.recovered = (await send(phase)) === 'ok';
        }
      }
    } finally {
      gateway.setFault(null);
      done = true;
    }
  };

  const budgetMs = specs.length * (options.phaseSeconds * 1000 + boundMs + 1000) + 10_000;
  await Promise.all([
    controller(),
    runLoad(
      { concurrency: options.concurrency, durationMs: budgetMs, until: () => done },
      async () => {
        const phase = phases[current];
        if (phase) await send(phase);
      },
    ),
  ]);

  const cleared = phases.at(-1);
  const passed =
    phases.every((p) => p.other === 0 && p.overBound === 0 && p.recovered !== false) &&
    cleared !== undefined &&
    cleared.unavailable === 0 &&
    cleared.ok > 0;
  return {
    dbTimeoutMs: options.dbTimeoutMs,
    boundMs,
    concurrency: options.concurrency,
    phaseSeconds: options.phaseSeconds,
    phases,
    samples,
    passed,
  };
}
