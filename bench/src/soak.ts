import type { Gateway } from '@m4/localdb';
import type { HttpClient } from './http-client';
import { runLoad } from './load';
import { type Memory, memoryOf, workerdPidsOf, workerdRoleOf } from './processes';
import type { OutcomeProbe } from './requests';
import { matches } from './statements';
import { type LatencySummary, round, summarize } from './stats';

export interface RssSample {
  atSeconds: number;
  /** Summed over the workerd processes of the worker. */
  rssKiB: number;
}

export interface SoakResult {
  seconds: number;
  concurrency: number;
  roundTripMs: number;
  requests: number;
  requestsPerSecond: number;
  unexpected: number;
  samples: string[];
  latency: LatencySummary;
  perOutcome: Record<string, number>;
  workerd: {
    pids: number[];
    /** Summed over the processes. */
    start: Memory | null;
    end: Memory | null;
    perProcess: Array<{
      pid: number;
      role: ReturnType<typeof workerdRoleOf>;
      start: Memory | null;
      end: Memory | null;
    }>;
    /** RSS every few seconds during the soak. */
    series: RssSample[];
  };
}

function sumMemory(pids: number[]): Memory | null {
  const all = pids.map(memoryOf).filter((m): m is Memory => m !== undefined);
  if (all.length === 0) return null;
  return {
    rssKiB: all.reduce((a, m) => a + m.rssKiB, 0),
    hwmKiB: all.reduce((a, m) => a + m.hwmKiB, 0),
  };
}

/**
 * `seconds` of load that cycles through every outcome (success and each error the seeded
 * settings allow), each answer checked byte for byte, with the RSS of the worker's workerd
 * processes read before, during and after.
 */
export async function soak(
  http: HttpClient,
  gateway: Gateway,
  wranglerPid: number,
  probes: readonly OutcomeProbe[],
  users: Map<number, string>,
  options: { seconds: number; concurrency: number; roundTripMs: number },
): Promise<SoakResult> {
  const pids = workerdPidsOf(wranglerPid);
  const mix = probes.filter((p) => p.settings === undefined && !p.leavesBodyUnread);
  const samples: string[] = [];
  const latencies: number[] = [];
  const perOutcome: Record<string, number> = {};
  const series: RssSample[] = [];
  let unexpected = 0;

  gateway.setRoundTrip(options.roundTripMs);
  const start = sumMemory(pids);
  const startEach = pids.map((pid) => memoryOf(pid) ?? null);
  const began = performance.now();
  const sampler = setInterval(() => {
    const memory = sumMemory(pids);
    if (memory) {
      series.push({
        atSeconds: round((performance.now() - began) / 1000, 1),
        rssKiB: memory.rssKiB,
      });
    }
  }, 5000);
  let run: Awaited<ReturnType<typeof runLoad>>;
  try {
    run = await runLoad(
      { concurrency: options.concurrency, durationMs: options.seconds * 1000 },
      async (i) => {
        const probe = mix[i % mix.length];
        if (!probe) return;
        try {
          const response = await http.send(probe.request);
          latencies.push(response.ms);
          perOutcome[probe.outcome] = (perOutcome[probe.outcome] ?? 0) + 1;
          if (!matches(response, probe.expect, users)) {
            unexpected++;
            if (samples.length < 5) {
              samples.push(
                `${probe.outcome}: HTTP ${response.status} ${response.body.slice(0, 120)}`,
              );
            }
          }
        } catch (error) {
          unexpected++;
          if (samples.length < 5) samples.push(`${probe.outcome}: ${String(error)}`);
        }
      },
    );
  } finally {
    clearInterval(sampler);
    gateway.setRoundTrip(0);
  }
  const end = sumMemory(pids);
  const perProcess = pids.map((pid, i) => ({
    pid,
    role: workerdRoleOf(pid),
    start: startEach[i] ?? null,
    end: memoryOf(pid) ?? null,
  }));
  const seconds = run.elapsedMs / 1000;
  return {
    seconds: round(seconds, 1),
    concurrency: options.concurrency,
    roundTripMs: options.roundTripMs,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds, 1),
    unexpected,
    samples,
    latency: summarize(latencies),
    perOutcome,
    workerd: { pids, start, end, perProcess, series },
  };
}
