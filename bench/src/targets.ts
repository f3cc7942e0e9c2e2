import { round } from './stats';

export interface TargetCheck {
  target: string;
  /** What was measured, in the target's unit. */
  value: number;
  limit: number;
  met: boolean;
  /** How far off, where missed: "+3.2 ms over", "2.1× instead of 3×". */
  miss?: string;
}

export interface TargetInput {
  /** Statements per request seen for outcomes that read the database, over all such requests. */
  databaseOutcomeStatements: { min: number; max: number };
  transportStatements: { max: number };
  /** Our end-to-end p50 per round trip and client count. */
  oursP50: Array<{ roundTripMs: number; concurrency: number; p50Ms: number }>;
  /** Ours and M4's pattern at 50 ms (or the largest round trip run), per client count. */
  speedup: Array<{ roundTripMs: number; concurrency: number; oursP50Ms: number; m4P50Ms: number }>;
  inProcessMedianMs: { node: number; workerd: number | null };
}

/** The targets, each with the measured value and whether it was met. */
export function checkTargets(input: TargetInput): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { min, max } = input.databaseOutcomeStatements;
  checks.push({
    target: 'statements per request, every outcome that reads the database = 1',
    value: max,
    limit: 1,
    met: min === 1 && max === 1,
    ...(!(min === 1 && max === 1) && { miss: `saw ${min}–${max}` }),
  });
  checks.push({
    target: 'statements per request, transport errors = 0',
    value: input.transportStatements.max,
    limit: 0,
    met: input.transportStatements.max === 0,
  });
  for (const { roundTripMs, concurrency, p50Ms } of input.oursP50) {
    const limit = round(1.1 * roundTripMs + 5, 2);
    const met = p50Ms <= limit;
    const clients = concurrency === 1 ? '1 client' : `${concurrency} clients`;
    checks.push({
      target: `p50 ≤ 1.1 × round trip + 5 ms at ${roundTripMs} ms (${clients})`,
      value: p50Ms,
      limit,
      met,
      ...(!met && { miss: `${round(p50Ms - limit, 2)} ms over` }),
    });
  }
  for (const { roundTripMs, concurrency, oursP50Ms, m4P50Ms } of input.speedup) {
    const speedup = round(m4P50Ms / oursP50Ms, 2);
    const clients = concurrency === 1 ? '1 client' : `${concurrency} clients`;
    checks.push({
      target: `≥ 3× faster than M4's pattern at ${roundTripMs} ms (p50, ${clients})`,
      value: speedup,
      limit: 3,
      met: speedup >= 3,
      ...(speedup < 3 && { miss: `${speedup}× instead of 3×` }),
    });
  }
  const cost = (runtime: string, value: number) => {
    const met = value < 0.5;
    checks.push({
      target: `in-process cost per request < 0.5 ms (${runtime}, median)`,
      value,
      limit: 0.5,
      met,
      ...(!met && { miss: `${round(value - 0.5, 3)} ms over` }),
    });
  };
  cost('Node', input.inProcessMedianMs.node);
  if (input.inProcessMedianMs.workerd !== null) cost('workerd', input.inProcessMedianMs.workerd);
  return checks;
}
