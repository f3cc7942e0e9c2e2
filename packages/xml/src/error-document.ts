import type { Envelope } from '@m4/core';
import { ERROR_DOCUMENTS } from './error-documents.generated';

/**
 * The error document of method spec §5 for one (envelope, message) pair of core's catalogue, as
 * xmlbuilder2 wrote it at generate time: a constant, so serving it renders nothing.
 */
export function renderErrorDocument(envelope: Envelope, message: string): string {
  const documents = ERROR_DOCUMENTS[envelope];
  const document = Object.hasOwn(documents, message) ? documents[message] : undefined;
  if (document === undefined) {
    throw new RangeError(
      `no ${envelope} error document for ${JSON.stringify(message)}: not in @m4/core's M4_ERRORS, or src/error-documents.generated.ts is stale (pnpm --filter @m4/xml generate)`,
    );
  }
  return document;
}
