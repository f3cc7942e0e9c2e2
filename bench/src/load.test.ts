import { describe, expect, it } from 'vitest';
import { runLoad } from './load';

describe('runLoad', () => {
  it('starts exactly the requested number of tasks, each index once', async () => {
    const seen: number[] = [];
    const run = await runLoad({ concurrency: 4, requests: 25 }, async (i) => {
      await Promise.resolve();
      seen.push(i);
    });
    expect(run.started).toBe(25);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('never runs more than `concurrency` tasks at once', async () => {
    let active = 0;
    let peak = 0;
    await runLoad({ concurrency: 3, requests: 20 }, async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
    });
    expect(peak).toBe(3);
  });

  it('stops at the deadline when the count would go on', async () => {
    const run = await runLoad({ concurrency: 2, durationMs: 30 }, async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(run.started).toBeGreaterThan(0);
    expect(run.started).toBeLessThan(1_000_000);
  });

  it('stops once `until` says so', async () => {
    let done = 0;
    const run = await runLoad({ concurrency: 2, until: () => done >= 7 }, async () => {
      await Promise.resolve();
      done++;
    });
    expect(run.started).toBeGreaterThanOrEqual(7);
    expect(run.started).toBeLessThanOrEqual(8);
  });

  it('rethrows the first failure after the loops stop', async () => {
    await expect(
      runLoad({ concurrency: 2, requests: 10 }, async (i) => {
        if (i === 3) throw new Error('task 3 failed');
      }),
    ).rejects.toThrow('task 3 failed');
  });
});
