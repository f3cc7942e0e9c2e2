// The same document built through xmlbuilder2's DOM. Not shipped: it is the reference the
// shipped template must match byte for byte, and the benchmark's baseline. (The callback writer,
// createCB, was measured too: about 7x slower than the DOM here, and its txt() turns `&#13;`
// into `&amp;#13;`, so it cannot write a carriage return that a parser reads back.)
import { RETURNED_USER_COLUMNS, type ReturnedUser } from '@m4/schema';
import { create } from 'xmlbuilder2';
import { FINAL_NEWLINE } from './layout';
import { columnText } from './user-document';

const DECLARATION = { version: '1.0', encoding: 'UTF-8' } as const;

// xmlbuilder2 leaves anything shaped like an entity (`&amp;`, `&#13;`) as it is and escapes
// only `<`, `>` and bare `&`, so pre-escaped text passes through unchanged, never doubled.
export function renderUserDocumentDom(user: ReturnedUser): string {
  const doc = create(DECLARATION);
  const element = doc.ele('page').ele('status').ele('user');
  for (const column of RETURNED_USER_COLUMNS) {
    const child = element.ele(column);
    const text = columnText(user[column]);
    if (text !== '') child.txt(text);
  }
  return doc.end({ prettyPrint: true }) + FINAL_NEWLINE;
}
