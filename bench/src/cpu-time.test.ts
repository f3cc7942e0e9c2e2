import { describe, expect, it } from 'vitest';
import { cpuPerRequest, parseCpuTicks } from './cpu-time';

/** A /proc/<pid>/stat line with utime 1234 and stime 56 (fields 14 and 15). */
const STAT =
  '4242 (workerd) S 4200 4200 4200 0 -1 4194560 9133 0 0 0 1234 56 0 0 20 0 12 0 ' +
  '777 1000000 5000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0';

describe('parseCpuTicks', () => {
  it('adds utime and stime', () => {
    expect(parseCpuTicks(STAT)).toBe(1290);
  });

  it('counts fields from the last parenthesis of the command name', () => {
    expect(parseCpuTicks(STAT.replace('(workerd)', '(a b) (c)'))).toBe(1290);
  });

  it('refuses what is no stat line', () => {
    expect(parseCpuTicks('')).toBeUndefined();
    expect(parseCpuTicks('4242 (workerd) S 1 2')).toBeUndefined();
  });
});

describe('cpuPerRequest', () => {
  it('is the method per request net of /health per request', () => {
    const result = cpuPerRequest({ cpuMs: 900, requests: 150 }, { cpuMs: 150, requests: 150 }, 10);
    expect(result.methodMs).toBe(6);
    expect(result.healthMs).toBe(1);
    expect(result.netMs).toBe(5);
    expect(result.method).toEqual({ cpuMs: 900, requests: 150 });
    expect(result.health).toEqual({ cpuMs: 150, requests: 150 });
  });

  it('states the tick resolution of the net figure', () => {
    const result = cpuPerRequest({ cpuMs: 100, requests: 100 }, { cpuMs: 50, requests: 50 }, 10);
    expect(result.resolutionMs).toBeCloseTo(10 / 100 + 10 / 50);
  });

  it('may be negative when /health measured more (noise), rather than hide it', () => {
    const result = cpuPerRequest({ cpuMs: 10, requests: 10 }, { cpuMs: 20, requests: 10 }, 10);
    expect(result.netMs).toBe(-1);
  });

  it('needs a request of each kind', () => {
    expect(() => cpuPerRequest({ cpuMs: 0, requests: 0 }, { cpuMs: 0, requests: 1 }, 10)).toThrow(
      RangeError,
    );
  });
});
