import { describe, expect, it } from 'vitest';
import { cpuPerRequest } from './cpu-time';
import type { DatabasePath, PathRun, SideBySide } from './side-by-side';
import { summarize } from './stats';
import { sideBySideRows } from './summary';

function run(path: DatabasePath, roundTripMs: number, p50: number, cpuMs: number): PathRun {
  return {
    path,
    roundTripMs,
    latency: summarize([p50, p50, p50 + 10]),
    health: summarize([2, 2, 3]),
    overHealthP50Ms: p50 - 2,
    unexpected: 0,
    statements: { min: 1, max: 1 },
    server: {
      matched: 3,
      durationP50Ms: p50 - 2,
      durationP99Ms: p50,
      dbP50Ms: p50 - 3,
      dbP99Ms: p50,
    },
    cpu: cpuPerRequest({ cpuMs, requests: 100 }, { cpuMs: 100, requests: 100 }, 10),
  };
}

const COMPARED: SideBySide = {
  roundTrips: [0, 50],
  requests: 100,
  warmup: 20,
  cpuMeasure: 'test',
  clockTicksPerSecond: 100,
  runs: [
    run('planetscale', 0, 20, 600),
    run('hyperdrive', 0, 10, 300),
    run('planetscale', 50, 70, 600),
    run('hyperdrive', 50, 56, 300),
  ],
};

describe('sideBySideRows', () => {
  const rows = sideBySideRows(COMPARED);
  const column = (name: string) => rows[0]?.indexOf(name) ?? -1;

  it('has a header and one row per path and round trip, in run order', () => {
    expect(rows).toHaveLength(5);
    expect(rows.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'planetscale 0 ms',
      'hyperdrive 0 ms',
      'planetscale 50 ms',
      'hyperdrive 50 ms',
    ]);
  });

  it('shows CPU per request net of /health, with its resolution and parts', () => {
    const hyperdrive = rows[2] ?? [];
    expect(hyperdrive[column('CPU/request')]).toBe('2.00 ms ±0.20');
    expect(hyperdrive[column('method')]).toBe('3.00 ms');
    expect(hyperdrive[column('/health')]).toBe('1.00 ms');
  });

  it('shows /health p50 and what the method adds over it', () => {
    const planetscale = rows[1] ?? [];
    expect(planetscale[column('/health p50')]).toBe('2.0 ms');
    expect(planetscale[column('p50 − /health')]).toBe('18.0 ms');
  });

  it('relates each Hyperdrive p50 to PlanetScale at the same round trip only', () => {
    const ratios = rows.slice(1).map((r) => r[column('p50 / planetscale')]);
    expect(ratios).toEqual(['–', '0.50×', '–', '0.80×']);
  });

  it('marks a CPU figure that could not be read', () => {
    const unread = sideBySideRows({
      ...COMPARED,
      runs: [{ ...run('hyperdrive', 0, 10, 300), cpu: null }],
    });
    expect(unread[1]?.[column('CPU/request')]).toBe('?');
    expect(unread[1]?.[column('p50 / planetscale')]).toBe('–');
  });
});
