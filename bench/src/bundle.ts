import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spawnGroup, WORKER_DIR, WRANGLER_BIN, wranglerEnv } from '@m4/worker/dev';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
  /**
   * Minified bytes each package puts in the JavaScript, largest first (esbuild's metafile,
   * bytesInOutput): npm packages by name, the workspace's by folder (`packages/core`).
   */
  packages: Record<string, number>;
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/** The package an esbuild input path (relative to apps/worker) belongs to. */
function packageOf(input: string): string {
  const nodeModules = input.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const [first = '', second = ''] = input.slice(nodeModules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  // esbuild namespaces (`node-built-in-modules:events`) and wrangler's own shims
  if (/^[\w-]+:/.test(input)) return input;
  const path = relative(REPO_ROOT, join(WORKER_DIR, input));
  return /^(?:apps|packages)\/[^/]+/.exec(path)?.[0] ?? path;
}

function bytesByPackage(meta: Metafile): Record<string, number> {
  const bytes = new Map<string, number>();
  for (const [file, output] of Object.entries(meta.outputs)) {
    if (!/\.m?js$/.test(file)) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return Object.fromEntries([...bytes].sort((a, b) => b[1] - a[1]));
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

/** `wrangler deploy --dry-run --outdir <tmp> --minify --metafile` of apps/worker, measured. */
export async function measureBundle(): Promise<BundleSize> {
  const tmp = await mkdtemp(join(tmpdir(), 'm4-bench-bundle-'));
  const outdir = join(tmp, 'out');
  const metafile = join(tmp, 'meta.json');
  try {
    const args = ['deploy', '--dry-run', '--outdir', outdir, '--minify', '--metafile', metafile];
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
    const meta: Metafile = JSON.parse(await readFile(metafile, 'utf8'));
    return {
      command: `wrangler ${args.join(' ').replaceAll(tmp, '<tmp>')}`,
      files,
      minifiedBytes,
      gzipBytes,
      wranglerReports: reported,
      packages: bytesByPackage(meta),
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
