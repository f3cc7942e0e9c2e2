import { readdirSync, readFileSync } from 'node:fs';

interface ProcInfo {
  pid: number;
  ppid: number;
  name: string;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const name = /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '';
    const ppid = Number(/^PPid:\s*(\d+)$/m.exec(status)?.[1] ?? -1);
    return { pid, ppid, name };
  } catch {
    return undefined;
  }
}

/** Every live descendant of `root` (from /proc, Linux only). */
export function descendantsOf(root: number): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProc(Number(entry));
    if (info) all.push(info);
  }
  const result: ProcInfo[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const info of all) {
      if (info.ppid === parent) {
        result.push(info);
        frontier.push(info.pid);
      }
    }
  }
  return result;
}

/** The workerd processes wrangler started (its descendants named workerd). */
export function workerdPidsOf(wranglerPid: number): number[] {
  return descendantsOf(wranglerPid)
    .filter((p) => p.name === 'workerd')
    .map((p) => p.pid);
}

/**
 * `wrangler dev` runs two workerd processes: the user worker (started with an inspector) and
 * wrangler's own proxy in front of it.
 */
export function workerdRoleOf(pid: number): 'worker' | 'wrangler proxy' | 'unknown' {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('workerd')) return 'unknown';
    return cmdline.includes('--inspector-addr') ? 'worker' : 'wrangler proxy';
  } catch {
    return 'unknown';
  }
}

export interface Memory {
  rssKiB: number;
  /** The peak RSS of the process's life so far. */
  hwmKiB: number;
}

export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s*(\d+) kB$/m.exec(status)?.[1];
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(status)?.[1];
    if (rss === undefined || hwm === undefined) return undefined;
    return { rssKiB: Number(rss), hwmKiB: Number(hwm) };
  } catch {
    return undefined;
  }
}

/**
 * The workerd process that runs the worker's code under `wrangler dev` (not wrangler's proxy in
 * front of it); throws unless there is exactly one.
 */
export function workerProcessOf(wranglerPid: number): number {
  const workers = workerdPidsOf(wranglerPid).filter((pid) => workerdRoleOf(pid) === 'worker');
  const [pid] = workers;
  if (workers.length !== 1 || pid === undefined) {
    throw new Error(`expected one workerd running the worker, found ${workers.length}`);
  }
  return pid;
}
