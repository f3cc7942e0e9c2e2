import { readFileSync, realpathSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** The wrangler that runs `wrangler dev`, and the workerd it runs the worker on. */
  wrangler?: string;
  workerd?: string;
  os: string;
  date: string;
  /** 1-minute load average when the bench started and ended: how busy the machine was. */
  loadAverageAtStart: number;
  loadAverageAtEnd?: number;
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

/** The version in a package's package.json, or 'unknown'. */
function packageVersion(dir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** bench's wrangler, and the workerd installed beside it (its dependency, one level up). */
function wranglerVersions(): { wrangler: string; workerd: string } {
  try {
    const wranglerDir = realpathSync(
      fileURLToPath(new URL('../node_modules/wrangler', import.meta.url)),
    );
    return {
      wrangler: packageVersion(wranglerDir),
      workerd: packageVersion(`${wranglerDir}/../workerd`),
    };
  } catch {
    return { wrangler: 'unknown', workerd: 'unknown' };
  }
}

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    ...wranglerVersions(),
    os: `${osName()} (${process.arch})`,
    date: new Date().toISOString(),
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
