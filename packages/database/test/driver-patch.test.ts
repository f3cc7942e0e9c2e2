import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@planetscale/database';
import { describe, expect, it } from 'vitest';

// The workspace patches @planetscale/database (patches/, pnpm-workspace.yaml
// `patchedDependencies`): `execute` built its name → type map with one object spread per field,
// quadratic in the field count (≈ 0.4 ms for the 160 fields of our statement, every request).
const require = createRequire(import.meta.url);
/** The installed package's folder: the entry is `<dir>/dist/cjs/index.js` (require's view). */
const driverDir = require.resolve('@planetscale/database').replace(/[\\/]dist[\\/].*$/, '');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('the @planetscale/database patch', () => {
  it('is applied to the installed driver, ESM and CommonJS builds alike', async () => {
    for (const file of ['dist/index.js', 'dist/cjs/index.js']) {
      const source = await readFile(join(driverDir, file), 'utf8');
      expect(source, file).not.toContain('({ ...acc, [name]: type })');
      expect(source, file).toContain('for (const { name, type } of fields) types[name] = type;');
    }
  });

  it('names the installed version, so that an upgrade must revisit it', async () => {
    const { version } = JSON.parse(await readFile(join(driverDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const workspace = await readFile(join(root, 'pnpm-workspace.yaml'), 'utf8');
    expect(workspace).toContain(
      `"@planetscale/database@${version}": patches/@planetscale__database@${version}.patch`,
    );
  });

  it('still answers the same types map, duplicate names included', async () => {
    const answer = {
      result: {
        fields: [
          { name: 'a', type: 'INT32' },
          { name: 'b', type: 'VARCHAR' },
          { name: 'a', type: 'DECIMAL' },
          { name: 'c' },
        ],
        rows: [{ lengths: ['1', '1', '1', '-1'], values: btoa('1x2') }],
      },
    };
    const connection = connect({
      url: 'http://u:p@db.invalid',
      fetch: async () => Response.json(answer),
    });
    const result = await connection.execute('select 1');
    expect(result.types).toEqual({ a: 'DECIMAL', b: 'VARCHAR', c: 'NULL' });
    expect(Object.keys(result.types)).toEqual(['a', 'b', 'c']);
    expect(result.rows).toEqual([{ a: '2', b: 'x', c: null }]);
  });
});
