import { describe, expect, it } from 'vitest';
import { checkTargets, type TargetInput } from './targets';

const good: TargetInput = {
  databaseOutcomeStatements: { min: 1, max: 1 },
  transportStatements: { max: 0 },
  oursP50: [
    { roundTripMs: 0, concurrency: 8, p50Ms: 3 },
    { roundTripMs: 50, concurrency: 8, p50Ms: 58 },
  ],
  speedup: [{ roundTripMs: 50, concurrency: 8, oursP50Ms: 58, m4P50Ms: 310 }],
  inProcessMedianMs: { node: 0.12, workerd: 0.2 },
};

describe('checkTargets', () => {
  it('meets every target with good figures', () => {
    const checks = checkTargets(good);
    expect(checks).toHaveLength(7);
    expect(checks.every((c) => c.met)).toBe(true);
    expect(checks.find((c) => c.target.includes('at 50 ms (8 clients)'))?.limit).toBe(60);
  });

  it('says by how much each target is missed', () => {
    const checks = checkTargets({
      ...good,
      databaseOutcomeStatements: { min: 1, max: 2 },
      oursP50: [{ roundTripMs: 50, concurrency: 1, p50Ms: 61.5 }],
      speedup: [{ roundTripMs: 50, concurrency: 1, oursP50Ms: 120, m4P50Ms: 300 }],
      inProcessMedianMs: { node: 0.75, workerd: null },
    });
    const missed = checks.filter((c) => !c.met).map((c) => c.miss);
    expect(missed).toEqual(['saw 1–2', '1.5 ms over', '2.5× instead of 3×', '0.25 ms over']);
    expect(checks.some((c) => c.target.includes('workerd'))).toBe(false);
  });

  it('fails the transport target when a transport error reached the database', () => {
    const checks = checkTargets({ ...good, transportStatements: { max: 1 } });
    expect(checks.find((c) => c.target.includes('transport'))?.met).toBe(false);
  });
});
