import { describe, expect, it } from 'vitest';
import { FaultSwitch, parseFault, parseRoundTrip } from './fault';

describe('parseFault', () => {
  it('accepts every mode, and none/null as "no fault"', () => {
    for (const mode of ['http500', 'garbage', 'drop', 'hang'] as const) {
      expect(parseFault({ mode })).toEqual({ ok: true, value: { mode } });
    }
    expect(parseFault({ mode: 'latency', latencyMs: 20, remaining: 2 })).toEqual({
      ok: true,
      value: { mode: 'latency', latencyMs: 20, remaining: 2 },
    });
    expect(parseFault({ mode: 'none' })).toEqual({ ok: true, value: null });
    expect(parseFault(null)).toEqual({ ok: true, value: null });
  });

  it('rejects unknown modes and bad numbers', () => {
    expect(parseFault({ mode: 'explode' }).ok).toBe(false);
    expect(parseFault('hang').ok).toBe(false);
    expect(parseFault({ mode: 'latency' }).ok).toBe(false);
    expect(parseFault({ mode: 'latency', latencyMs: -1 }).ok).toBe(false);
    expect(parseFault({ mode: 'drop', remaining: 0 }).ok).toBe(false);
    expect(parseFault({ mode: 'drop', remaining: 1.5 }).ok).toBe(false);
  });
});

describe('parseRoundTrip', () => {
  it('takes {ms} with a non-negative number only', () => {
    expect(parseRoundTrip({ ms: 25 })).toEqual({ ok: true, value: 25 });
    expect(parseRoundTrip({ ms: -5 }).ok).toBe(false);
    expect(parseRoundTrip({ ms: '5' }).ok).toBe(false);
    expect(parseRoundTrip(5).ok).toBe(false);
  });
});

describe('FaultSwitch', () => {
  it('keeps a fault without remaining until cleared', () => {
    const faults = new FaultSwitch();
    faults.set({ mode: 'http500' });
    expect(faults.take()?.mode).toBe('http500');
    expect(faults.take()?.mode).toBe('http500');
    faults.set(null);
    expect(faults.take()).toBeNull();
  });

  it('counts remaining down and clears itself', () => {
    const faults = new FaultSwitch();
    faults.set({ mode: 'garbage', remaining: 2 });
    expect(faults.take()?.mode).toBe('garbage');
    expect(faults.current).toEqual({ mode: 'garbage', remaining: 1 });
    expect(faults.take()?.mode).toBe('garbage');
    expect(faults.take()).toBeNull();
    expect(faults.current).toBeNull();
  });
});
