import { decide, readParams } from '@m4/core';
import { renderUserDocument } from '@m4/xml';
import { type CostInput, type CostMode, costIteration } from './cost-iteration';
import { type LatencySummary, summarize } from './stats';

export interface InProcessCost {
  runtime: string;
  iterations: number;
  /** Each iteration timed on its own with performance.now() (µs resolution in Node). */
  perRequest: LatencySummary;
  /** The same with the database read done by the worker's read + the driver on a recorded answer. */
  perRequestWithDriver: LatencySummary;
  /** The three pure steps alone, median ms. */
  parts: { readParamsMs: number; decideMs: number; renderMs: number };
  bodyBytes: number;
}

async function timeEach(iterations: number, step: () => Promise<unknown> | unknown) {
  const samples = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await step();
    samples[i] = performance.now() - started;
  }
  return samples;
}

/** `userDetailsRawGet` in this Node process against a pre-read context. */
export async function inProcessCostInNode(
  input: CostInput,
  iterations: number,
): Promise<InProcessCost> {
  const timed = async (mode: CostMode, iterations: number) => {
    const iteration = costIteration(input, mode);
    const warmup = Math.min(2000, iterations);
    for (let i = 0; i < warmup; i++) await iteration();
    return { bodyBytes: await iteration(), samples: await timeEach(iterations, iteration) };
  };
  const method = await timed('method', iterations);
  const bodyBytes = method.bodyBytes;
  const perRequest = summarize(method.samples, 4);
  // About 20× dearer: a tenth of the iterations.
  const driverIterations = Math.max(1, Math.ceil(iterations / 10));
  const perRequestWithDriver = summarize((await timed('driver', driverIterations)).samples, 4);

  const parts = Math.max(1000, Math.floor(iterations / 4));
  const query = '';
  const body = new TextEncoder().encode(input.form);
  const contentType = 'application/x-www-form-urlencoded';
  const parsed = await readParams({ query, contentType, body });
  if (!('ok' in parsed)) throw new Error('the bench form does not parse');
  const readParamsMs = summarize(
    await timeEach(parts, () => readParams({ query, contentType, body })),
    4,
  ).p50Ms;
  const decideMs = summarize(
    await timeEach(parts, () =>
      decide({ method: 'POST', params: parsed.params, context: input.context }),
    ),
    4,
  ).p50Ms;
  const target = input.context.target;
  if (target === null) throw new Error('the pre-read context has no target');
  const renderMs = summarize(await timeEach(parts, () => renderUserDocument(target)), 4).p50Ms;

  return {
    runtime: `node ${process.version}`,
    iterations,
    perRequest,
    perRequestWithDriver,
    parts: { readParamsMs, decideMs, renderMs },
    bodyBytes,
  };
}
