export interface LoadBounds {
  concurrency: number;
  /** Stop after this many tasks have started (default: a million). */
  requests?: number;
  /** Stop starting tasks after this long (default: ten minutes). */
  durationMs?: number;
  /** Stop starting tasks once this says so (checked before each task). */
  until?: () => boolean;
}

export interface LoadRun {
  started: number;
  elapsedMs: number;
}

const MAX_REQUESTS = 1_000_000;
const MAX_DURATION_MS = 600_000;

/**
 * Runs `task(i)` from `concurrency` loops until the count or the time is used up, whichever
 * comes first (both always apply, so the run always ends). A task that throws ends the run
 * with that error once the loops have stopped.
 */
export async function runLoad(
  bounds: LoadBounds,
  task: (i: number) => Promise<void>,
): Promise<LoadRun> {
  const limit = Math.min(bounds.requests ?? MAX_REQUESTS, MAX_REQUESTS);
  const started = performance.now();
  const deadline = started + Math.min(bounds.durationMs ?? MAX_DURATION_MS, MAX_DURATION_MS);
  let next = 0;
  let failure: unknown;
  const loop = async () => {
    while (
      failure === undefined &&
      next < limit &&
      performance.now() < deadline &&
      !(bounds.until?.() ?? false)
    ) {
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: bounds.concurrency }, loop));
  if (failure !== undefined) throw failure;
  return { started: next, elapsedMs: performance.now() - started };
}
