// The worker's runtime bundle as `wrangler deploy` builds it (a dry run, read through esbuild's
// metafile): the error documents are constants, so no XML DOM library may ride along.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WORKER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const WRANGLER = join(WORKER_DIR, 'node_modules', '.bin', 'wrangler');
/** xmlbuilder2 and what it brings: its DOM, URL parser and utilities, and its YAML reader. */
const DOM_LIBRARIES = /node_modules\/(?:xmlbuilder2|@oozcitak\/[^/]+|js-yaml)\//;

interface Metafile {
  inputs: Record<string, unknown>;
}

describe('the worker bundle', () => {
  let dir = '';
  let inputs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'm4-worker-bundle-'));
    const metafile = join(dir, 'meta.json');
    await promisify(execFile)(
      WRANGLER,
      ['deploy', '--dry-run', '--outdir', join(dir, 'out'), '--metafile', metafile],
      {
        cwd: WORKER_DIR,
        env: {
          ...process.env,
          WRANGLER_SEND_METRICS: 'false',
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        },
      },
    );
    const meta: Metafile = JSON.parse(await readFile(metafile, 'utf8'));
    inputs = Object.keys(meta.inputs);
  }, 60_000);

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('reaches the whole runtime graph, the xml package included', () => {
    expect(inputs).toContainEqual(expect.stringMatching(/packages\/xml\/src\/index\.ts$/));
    expect(inputs).toContainEqual(
      expect.stringMatching(/packages\/xml\/src\/error-documents\.generated\.ts$/),
    );
    expect(inputs).toContainEqual(expect.stringMatching(/node_modules\/hono\//));
  });

  it('holds no xmlbuilder2, @oozcitak/* or js-yaml module', () => {
    expect(inputs.filter((input) => DOM_LIBRARIES.test(input))).toEqual([]);
  });
});
