// vitest bench writes each bench file's absolute path into its JSON; the committed results
// keep the path relative to the repository instead of naming a directory of one machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const file = fileURLToPath(new URL('./results/documents.json', import.meta.url));
const results = JSON.parse(readFileSync(file, 'utf8'));
for (const entry of results.files ?? []) {
  if (isAbsolute(entry.filepath)) entry.filepath = relative(root, entry.filepath);
}
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
