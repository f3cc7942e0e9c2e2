/**
 * CPU time of a process from /proc (Linux only), and the arithmetic that turns two such
 * readings around a run of requests into CPU per request.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { round } from './stats';

/**
 * utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in clock ticks: CPU the process
 * (all its threads) spent in user and kernel mode. The command name (field 2) may hold spaces
 * and parentheses, so the fields are counted from its last `)`.
 */
export function parseCpuTicks(stat: string): number | undefined {
  const end = stat.lastIndexOf(')');
  if (end === -1) return undefined;
  // After ") " come field 3 (state), 4, 5, …: utime is field 14, i.e. index 11 here.
  const fields = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) return undefined;
  return utime + stime;
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second (`getconf CLK_TCK`; 100 where it cannot be asked). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
      ticksPerSecond = Number.isInteger(value) && value > 0 ? value : 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time the process `pid` has used so far, in ms; undefined once it is gone. */
export function cpuTimeMsOf(pid: number): number | undefined {
  try {
    const ticks = parseCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return ticks === undefined ? undefined : (ticks * 1000) / clockTicksPerSecond();
  } catch {
    return undefined;
  }
}

/** CPU a process used over `requests` sequential requests of one kind. */
export interface CpuSpan {
  cpuMs: number;
  requests: number;
}

export interface CpuPerRequest {
  /** The process's CPU over the method's requests, divided by their count. */
  methodMs: number;
  /** The same over as many `GET /health` requests: HTTP in and out, routing, the log line. */
  healthMs: number;
  /** methodMs − healthMs: the method and its database read (driver, decoding, render). */
  netMs: number;
  /** How far netMs may be off from the tick granularity alone (±1 tick on each reading). */
  resolutionMs: number;
  method: CpuSpan;
  health: CpuSpan;
}

/**
 * CPU per request of the method, net of what a `/health` request costs the same process. Each
 * span's CPU is the difference of two tick-granular readings, so each per-request figure is
 * known to ±tickMs / requests; the net figure to the sum of both.
 */
export function cpuPerRequest(method: CpuSpan, health: CpuSpan, tickMs: number): CpuPerRequest {
  if (method.requests < 1 || health.requests < 1) {
    throw new RangeError('CPU per request needs at least one request of each kind');
  }
  const methodMs = method.cpuMs / method.requests;
  const healthMs = health.cpuMs / health.requests;
  return {
    methodMs: round(methodMs, 3),
    healthMs: round(healthMs, 3),
    netMs: round(methodMs - healthMs, 3),
    resolutionMs: round(tickMs / method.requests + tickMs / health.requests, 3),
    method: { cpuMs: round(method.cpuMs, 1), requests: method.requests },
    health: { cpuMs: round(health.cpuMs, 1), requests: health.requests },
  };
}
