import { create } from 'xmlbuilder2';
import { escapeXmlText } from './escape';
import { FINAL_NEWLINE } from './layout';

/** `filter`: a bare `<status>` (checks 1–4, transport errors); `method`: `<page><status>`. */
export type Envelope = 'filter' | 'method';

/** The error document of method spec §5. */
export function renderErrorDocument(envelope: Envelope, message: string): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const status = envelope === 'method' ? doc.ele('page').ele('status') : doc.ele('status');
  const error = status.ele('error');
  const text = escapeXmlText(message);
  if (text !== '') error.txt(text);
  return doc.end({ prettyPrint: true }) + FINAL_NEWLINE;
}
