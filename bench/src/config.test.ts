import { describe, expect, it } from 'vitest';
import { DEFAULTS, readBenchConfig } from './config';

describe('readBenchConfig', () => {
  it('uses the issue numbers by default', () => {
    const result = readBenchConfig({}, '/r/latest.json');
    expect(result).toEqual({ ok: true, config: { ...DEFAULTS, resultsPath: '/r/latest.json' } });
    if (!result.ok) return;
    expect(result.config.requests).toBeGreaterThanOrEqual(500);
    expect(result.config.roundTrips).toEqual([0, 20, 50]);
    expect(result.config.soakSeconds).toBe(60);
  });

  it('reads every knob from the environment', () => {
    const result = readBenchConfig(
      {
        BENCH_REQUESTS: '40',
        BENCH_ROUND_TRIPS: '0, 5',
        BENCH_SOAK_SECONDS: '3',
        BENCH_EXTRA_USERS: '0',
        DB_TIMEOUT_MS: '2000',
        BENCH_RESULTS: '/tmp/x.json',
      },
      '/r/latest.json',
    );
    expect(result.ok && result.config).toMatchObject({
      requests: 40,
      roundTrips: [0, 5],
      soakSeconds: 3,
      extraUsers: 0,
      dbTimeoutMs: 2000,
      resultsPath: '/tmp/x.json',
    });
  });

  it('sizes the Hyperdrive comparison like the one-client runs unless told otherwise', () => {
    const quick = readBenchConfig({ BENCH_UNLOADED_REQUESTS: '10' }, 'x');
    expect(quick.ok && quick.config).toMatchObject({
      unloadedRequests: 10,
      hyperdriveRequests: 10,
      hyperdriveRoundTrips: [0, 50],
    });
    const own = readBenchConfig(
      {
        BENCH_UNLOADED_REQUESTS: '10',
        BENCH_HYPERDRIVE_REQUESTS: '0',
        BENCH_HYPERDRIVE_ROUND_TRIPS: '20',
      },
      'x',
    );
    expect(own.ok && own.config).toMatchObject({
      hyperdriveRequests: 0,
      hyperdriveRoundTrips: [20],
    });
  });

  it('prefers BENCH_DB_TIMEOUT_MS over DB_TIMEOUT_MS', () => {
    const result = readBenchConfig({ DB_TIMEOUT_MS: '2000', BENCH_DB_TIMEOUT_MS: '700' }, 'x');
    expect(result.ok && result.config.dbTimeoutMs).toBe(700);
  });

  it('names every malformed value', () => {
    const result = readBenchConfig(
      { BENCH_REQUESTS: '0', BENCH_SOAK_SECONDS: 'ten', BENCH_ROUND_TRIPS: '0,-5' },
      'x',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    for (const name of ['BENCH_REQUESTS', 'BENCH_SOAK_SECONDS', 'BENCH_ROUND_TRIPS']) {
      expect(result.errors.some((e) => e.startsWith(name))).toBe(true);
    }
  });
});
