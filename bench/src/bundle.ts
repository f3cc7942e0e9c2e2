import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnGroup, WORKER_DIR, WRANGLER_BIN, wranglerEnv } from '@m4/worker/dev';

export interface BundleSize {
  command: string;
  /** Every file wrangler wrote, bytes (source maps included). */
  files: Record<string, number>;
  /** The JavaScript modules only (what runs), minified. */
  minifiedBytes: number;
  /** The same, gzipped here with zlib level 9 (Cloudflare's size limit counts gzip). */
  gzipBytes: number;
  /** wrangler's own "Total Upload: … / gzip: …" line. */
  wranglerReports: string | null;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(join(dir, entry.name), rel)));
    else files.push(rel);
  }
  return files.sort();
}

/** `wrangler deploy --dry-run --outdir <tmp> --minify` of apps/worker, measured. */
export async function measureBundle(): Promise<BundleSize> {
  const outdir = await mkdtemp(join(tmpdir(), 'm4-bench-bundle-'));
  try {
    const args = ['deploy', '--dry-run', '--outdir', outdir, '--minify'];
    const child = spawnGroup(WRANGLER_BIN, args, { cwd: WORKER_DIR, env: wranglerEnv() });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => void child.stop(), 120_000);
      child.child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
    const output = child.output().replace(/\u001b\[[0-9;]*m/g, '');
    if (code !== 0) throw new Error(`wrangler deploy --dry-run failed (${code}):\n${output}`);
    const files: Record<string, number> = {};
    let minifiedBytes = 0;
    const modules: Buffer[] = [];
    for (const file of await listFiles(outdir)) {
      const size = (await stat(join(outdir, file))).size;
      files[file] = size;
      if (/\.(m?js|wasm)$/.test(file)) {
        minifiedBytes += size;
        modules.push(await readFile(join(outdir, file)));
      }
    }
    const gzipBytes = gzipSync(Buffer.concat(modules), { level: 9 }).byteLength;
    const reported = /Total Upload:[^\n]*/.exec(output)?.[0]?.trim() ?? null;
    return {
      command: `wrangler ${args.join(' ').replace(outdir, '<tmp>')}`,
      files,
      minifiedBytes,
      gzipBytes,
      wranglerReports: reported,
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
