/** Order statistics of a list of durations (ms). */
export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  min: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), min: sorted[0] ?? 0 };
}
