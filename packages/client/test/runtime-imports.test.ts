import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runtimeImports } from './import-graph';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

describe('@m4/client in a worker', () => {
  it('loads no Node built-in, directly or through its dependencies', () => {
    const { files, builtins } = runtimeImports(join(SRC, 'index.ts'));
    const names = [...files].join('\n');
    // The walk reached the parser and the column list, so an empty list means something.
    expect(names).toMatch(/saxes/);
    expect(names).toMatch(/xmlchars/);
    expect(names).toMatch(/schema\/src\/columns\.ts/);
    expect(names).toMatch(/core\/src\/hash\.ts/);
    expect(files.size).toBeGreaterThan(50);
    expect(builtins).toEqual([]);
  });

  it('would notice one, prefixed or not, in a module it reaches', () => {
    const { builtins } = runtimeImports(join(SRC, '..', 'test', 'fixtures', 'uses-node.ts'));
    expect(builtins.map((b) => b.split(' -> ')[1])).toEqual(['node:url', 'crypto']);
  });
});
