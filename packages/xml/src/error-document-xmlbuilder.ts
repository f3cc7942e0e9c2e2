// The error document built through xmlbuilder2's DOM. Not shipped: scripts/error-documents-source.ts
// renders core's catalogue with it into src/error-documents.generated.ts, which the worker serves.
import type { Envelope } from '@m4/core';
import { create } from 'xmlbuilder2';
import { escapeXmlText } from './escape';
import { FINAL_NEWLINE } from './layout';

/** The error document of method spec §5, for any message. */
export function renderErrorDocumentDom(envelope: Envelope, message: string): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const status = envelope === 'method' ? doc.ele('page').ele('status') : doc.ele('status');
  const error = status.ele('error');
  const text = escapeXmlText(message);
  if (text !== '') error.txt(text);
  return doc.end({ prettyPrint: true }) + FINAL_NEWLINE;
}
