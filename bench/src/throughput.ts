import type { HttpClient, HttpRequest, HttpResponse } from './http-client';
import { runLoad } from './load';
import { type LatencySummary, round, summarize } from './stats';

export interface ThroughputRun {
  route: string;
  concurrency: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  unexpected: number;
}

/** As many requests as `concurrency` clients get answered in `seconds`. */
export async function measureThroughput(
  http: HttpClient,
  route: string,
  request: HttpRequest,
  expected: (response: HttpResponse) => boolean,
  options: { concurrency: number; seconds: number },
): Promise<ThroughputRun> {
  // Warm-up, not counted.
  await runLoad({ concurrency: options.concurrency, durationMs: 1000 }, async () => {
    await http.send(request);
  });
  const samples: number[] = [];
  let unexpected = 0;
  const run = await runLoad(
    { concurrency: options.concurrency, durationMs: options.seconds * 1000 },
    async () => {
      const response = await http.send(request);
      samples.push(response.ms);
      if (!expected(response)) unexpected++;
    },
  );
  const seconds = run.elapsedMs / 1000;
  return {
    route,
    concurrency: options.concurrency,
    requests: samples.length,
    seconds: round(seconds, 2),
    requestsPerSecond: round(samples.length / seconds, 1),
    latency: summarize(samples),
    unexpected,
  };
}
