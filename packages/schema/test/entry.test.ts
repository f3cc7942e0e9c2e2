import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url);

describe('the main entry (what the Worker imports)', () => {
  it('pulls in no Node driver or Node built-in, and nothing from ./dev', () => {
    const files = readdirSync(src).filter((file) => file.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const file of files) {
      const text = readFileSync(new URL(file, src), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const specifier of imports) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(
          /^(\.\/(columns|read|request-context\.generated|tables)|@m4\/core|drizzle-orm(\/mysql-core)?)$/,
        );
      }
    }
  });
});
