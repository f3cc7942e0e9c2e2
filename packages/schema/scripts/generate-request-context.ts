// Writes src/request-context.generated.ts: the one statement, built by drizzle from the tables.
// Run after changing src/tables.ts or the statement: pnpm --filter @m4/schema generate
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REQUEST_CONTEXT_FILE, requestContextSource } from './request-context-source';

writeFileSync(REQUEST_CONTEXT_FILE, requestContextSource());
console.log(`wrote ${relative(process.cwd(), fileURLToPath(REQUEST_CONTEXT_FILE))}`);
