import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, resolve } from 'node:path';

const SPECIFIERS = [
  /\b(?:import|export)\s+(?!type\s)[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
];
const EXTENSIONS = ['', '.ts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

function specifiersOf(source: string): string[] {
  return SPECIFIERS.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] ?? ''));
}

function resolveFrom(file: string, specifier: string): string {
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(file), specifier);
    for (const extension of EXTENSIONS) {
      const candidate = `${base}${extension}`;
      try {
        readFileSync(candidate);
        return candidate;
      } catch {}
    }
    // `./x.js` written for a `./x.ts` source
    return resolveFrom(file, specifier.replace(/\.js$/, ''));
  }
  return createRequire(file).resolve(specifier);
}

/**
 * Every module the runtime graph from `entry` loads (type-only imports are skipped), and the
 * Node built-ins it asks for, as `importer -> builtin`.
 */
export function runtimeImports(entry: string): { files: Set<string>; builtins: string[] } {
  const files = new Set<string>();
  const builtins: string[] = [];
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json')) continue;
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      if (isBuiltin(specifier)) builtins.push(`${file} -> ${specifier}`);
      else queue.push(resolveFrom(file, specifier));
    }
  }
  return { files, builtins };
}
