import { describe, expect, it } from 'vitest';
import { elementAt, readXml } from '../test/xml-reader';
import { renderErrorDocumentDom } from './error-document-xmlbuilder';

describe('renderErrorDocumentDom', () => {
  it('writes a filter error as a bare <status>', () => {
    expect(renderErrorDocumentDom('filter', 'API Requests are disabled')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<status>\n  <error>API Requests are disabled</error>\n</status>\n',
    );
  });

  it('writes a method error inside <page><status>', () => {
    expect(renderErrorDocumentDom('method', 'User was not found')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<page>\n  <status>\n    <error>User was not found</error>\n  </status>\n</page>\n',
    );
  });

  it.each(['filter', 'method'] as const)('escapes and sanitises the message (%s)', (envelope) => {
    const message = `<b>&amp;</b> "q" 'a'\r\n\u0000\uDFFF`;
    const xml = renderErrorDocumentDom(envelope, message);
    expect(xml).toContain(`<error>&lt;b&gt;&amp;amp;&lt;/b&gt; "q" 'a'&#13;\n\uFFFD\uFFFD</error>`);
    const path = envelope === 'method' ? ['page', 'status', 'error'] : ['status', 'error'];
    const doc = readXml(xml);
    expect(doc.declaration).toMatchObject({ version: '1.0', encoding: 'UTF-8' });
    expect(elementAt(doc, ...path).text).toBe(`<b>&amp;</b> "q" 'a'\r\n\uFFFD\uFFFD`);
  });

  it('writes an empty message as <error/>', () => {
    expect(renderErrorDocumentDom('filter', '')).toContain('\n  <error/>\n');
    expect(renderErrorDocumentDom('method', '')).toContain('\n    <error/>\n');
  });
});
