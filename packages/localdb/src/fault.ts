export type FaultMode = 'none' | 'latency' | 'http500' | 'garbage' | 'drop' | 'hang';

/** A fault applied to Execute calls; `remaining` = only the next N calls, then it clears itself. */
export interface Fault {
  mode: FaultMode;
  latencyMs?: number;
  remaining?: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const MODES: readonly FaultMode[] = ['none', 'latency', 'http500', 'garbage', 'drop', 'hang'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Validates a fault as sent to `PUT /_admin/fault`; mode `none` (or null) means "no fault". */
export function parseFault(input: unknown): Parsed<Fault | null> {
  if (input === null) return { ok: true, value: null };
  if (!isRecord(input)) return { ok: false, error: 'fault must be a JSON object' };
  const { mode, latencyMs, remaining } = input;
  if (typeof mode !== 'string' || !MODES.includes(mode as FaultMode)) {
    return { ok: false, error: `mode must be one of ${MODES.join(', ')}` };
  }
  if (latencyMs !== undefined && !isNonNegative(latencyMs)) {
    return { ok: false, error: 'latencyMs must be a non-negative number' };
  }
  if (mode === 'latency' && latencyMs === undefined) {
    return { ok: false, error: 'mode latency needs latencyMs' };
  }
  if (remaining !== undefined && !(Number.isInteger(remaining) && (remaining as number) > 0)) {
    return { ok: false, error: 'remaining must be a positive integer' };
  }
  if (mode === 'none') return { ok: true, value: null };
  const fault: Fault = { mode: mode as FaultMode };
  if (latencyMs !== undefined) fault.latencyMs = latencyMs;
  if (remaining !== undefined) fault.remaining = remaining as number;
  return { ok: true, value: fault };
}

export function parseRoundTrip(input: unknown): Parsed<number> {
  if (!isRecord(input) || !isNonNegative(input.ms)) {
    return { ok: false, error: 'round trip must be {"ms": <non-negative number>}' };
  }
  return { ok: true, value: input.ms };
}

/** Holds the current fault and hands it out one Execute call at a time. */
export class FaultSwitch {
  #fault: Fault | null = null;

  get current(): Fault | null {
    return this.#fault === null ? null : { ...this.#fault };
  }

  set(fault: Fault | null): void {
    this.#fault = fault === null || fault.mode === 'none' ? null : { ...fault };
  }

  /** The fault for this call (if any), counting down `remaining`. */
  take(): Fault | null {
    const fault = this.#fault;
    if (fault === null) return null;
    if (fault.remaining !== undefined) {
      const left = fault.remaining - 1;
      this.#fault = left > 0 ? { ...fault, remaining: left } : null;
    }
    return fault;
  }
}
