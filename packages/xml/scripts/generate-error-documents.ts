// Writes src/error-documents.generated.ts from core's error catalogue with xmlbuilder2.
// Run after changing M4_ERRORS or upgrading xmlbuilder2: pnpm --filter @m4/xml generate
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_DOCUMENTS_FILE, errorDocumentsSource } from './error-documents-source';

writeFileSync(ERROR_DOCUMENTS_FILE, errorDocumentsSource());
console.log(`wrote ${relative(process.cwd(), fileURLToPath(ERROR_DOCUMENTS_FILE))}`);
