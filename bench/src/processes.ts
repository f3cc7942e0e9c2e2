import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the kernel's pick; closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** The last lines it wrote (stdout and stderr), for an error message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns a command in a process group of its own, keeping its output in memory (not on the
 * terminal: wrangler logs a line per request). `stop()` ends the whole group: SIGTERM, then
 * SIGKILL after 5 s.
 */
export function spawnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): SpawnedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  let partial = '';
  const keep = (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) options.onLine?.(line);
    lines.push(...parts);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => [...lines, partial].join('\n'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child.pid, 'SIGKILL');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      }
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

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

/** Polls `url` until it answers 2xx, the process dies, or `timeoutMs` passes. */
export async function waitForOk(
  url: string,
  process: SpawnedProcess,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) {
      throw new Error(
        `exited (${process.child.exitCode}) before ${url} answered:\n${tail(process)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${tail(process)}`);
}

function tail(process: SpawnedProcess): string {
  return process.output().split('\n').slice(-20).join('\n');
}
