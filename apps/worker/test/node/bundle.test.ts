// Each deployment's runtime bundle as `wrangler deploy` builds it (a dry run, read through
// esbuild's metafile): the error documents are constants, so no XML DOM library may ride along,
// and each deployment carries its own database driver and not the other's.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_DIR, WRANGLER_BIN, wranglerEnv } from '../../dev';

/** xmlbuilder2 and what it brings: its DOM, URL parser and utilities, and its YAML reader. */
const DOM_LIBRARIES = /node_modules\/(?:xmlbuilder2|@oozcitak\/[^/]+|js-yaml)\//;

interface Metafile {
  inputs: Record<string, unknown>;
}

const DRIVERS = {
  planetscale: /node_modules\/@planetscale\/database\//,
  mysql2: /node_modules\/mysql2\//,
};

describe.each([
  { deployment: 'PlanetScale', env: 'production', driver: 'planetscale', other: 'mysql2' },
  {
    deployment: 'Hyperdrive',
    env: 'hyperdrive-production',
    driver: 'mysql2',
    other: 'planetscale',
  },
] as const)('the $deployment worker bundle (--env $env)', ({ env, driver, other }) => {
  let dir = '';
  let inputs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'm4-worker-bundle-'));
    const metafile = join(dir, 'meta.json');
    await promisify(execFile)(
      WRANGLER_BIN,
      ['deploy', '--dry-run', '--env', env, '--outdir', join(dir, 'out'), '--metafile', metafile],
      { cwd: WORKER_DIR, env: wranglerEnv() },
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

  it(`carries its own driver (${driver}) and not the other (${other})`, () => {
    expect(inputs.some((input) => DRIVERS[driver].test(input))).toBe(true);
    expect(inputs.filter((input) => DRIVERS[other].test(input))).toEqual([]);
  });
});
