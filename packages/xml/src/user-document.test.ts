import { RETURNED_USER_COLUMNS, type ReturnedUser } from '@m4/schema';
import { describe, expect, it } from 'vitest';
import { hostileUser, nullsUser, realisticUser } from '../test/fixtures/users';
import { childTexts, elementAt, readXml } from '../test/xml-reader';
import { sanitizeXmlText } from './sanitize';
import { renderUserDocument } from './user-document';
import { renderUserDocumentDom } from './user-document-xmlbuilder';

const OMITTED = ['password', 'uniquehash', 'two_fa_authenticator_secret'];
const fixtures = { realisticUser, nullsUser, hostileUser };

function expectedText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return sanitizeXmlText(String(value));
}

function withValues(values: Partial<Record<string, unknown>>): ReturnedUser {
  return { ...realisticUser, ...values } as ReturnedUser;
}

describe('renderUserDocument', () => {
  it('starts with the declaration and nests page > status > user', () => {
    const xml = renderUserDocument(realisticUser);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<page>\n  <status>\n    <user>\n      <id>5</id>\n      <username>john</username>\n',
      ),
    ).toBe(true);
    expect(xml.endsWith('    </user>\n  </status>\n</page>\n')).toBe(true);
    expect(xml.endsWith('\n\n')).toBe(false);
    expect(xml).not.toContain('\r');

    const doc = readXml(xml);
    expect(doc.declaration).toMatchObject({ version: '1.0', encoding: 'UTF-8' });
    expect(doc.other).toEqual([]);
    expect(doc.root.children.map((child) => child.name)).toEqual(['status']);
    expect(elementAt(doc, 'page', 'status').children.map((child) => child.name)).toEqual(['user']);
  });

  it.each(Object.entries(fixtures))(
    'writes one element per returned column, in order, with the values (%s)',
    (_name, user) => {
      const doc = readXml(renderUserDocument(user));
      const fields = elementAt(doc, 'page', 'status', 'user');
      expect(fields.children).toHaveLength(151);
      expect(fields.children.map((child) => child.name)).toEqual([...RETURNED_USER_COLUMNS]);
      expect(childTexts(fields)).toEqual(
        RETURNED_USER_COLUMNS.map((column) => [column, expectedText(user[column])]),
      );
      for (const child of fields.children) {
        expect(child.children).toEqual([]);
        expect(child.attributes).toEqual({});
      }
    },
  );

  it('indents each field by six spaces, one per line', () => {
    const lines = renderUserDocument(realisticUser).split('\n');
    const fieldLines = lines.slice(4, 4 + 151);
    for (const [index, column] of RETURNED_USER_COLUMNS.entries()) {
      expect(fieldLines[index]).toMatch(new RegExp(`^ {6}<${column}(/>|>.*</${column}>)$`));
    }
    expect(lines).toHaveLength(4 + 151 + 3 + 1);
  });

  it('never writes an omitted column, even when the object carries it', () => {
    const leaky = withValues({
      password: 'd033e22ae348aeb5660fc2140aec35850c4da997',
      uniquehash: 'abcdefghij',
      two_fa_authenticator_secret: 'JBSWY3DPEHPK3PXP',
      extra_column: 'not in the schema',
    });
    const xml = renderUserDocument(leaky);
    for (const name of [...OMITTED, 'extra_column']) {
      expect(xml).not.toContain(`<${name}>`);
      expect(xml).not.toContain(`<${name}/>`);
    }
    expect(xml).not.toContain('d033e22ae348aeb5660fc2140aec35850c4da997');
    expect(xml).not.toContain('abcdefghij');
    expect(xml).not.toContain('JBSWY3DPEHPK3PXP');
    expect(xml).toBe(renderUserDocument(realisticUser));
  });

  it('writes NULL, the empty string and a missing key as <name/>', () => {
    const { comment: _dropped, ...withoutComment } = realisticUser;
    const variants = [
      withValues({ comment: null }),
      withValues({ comment: '' }),
      withoutComment as ReturnedUser,
    ];
    for (const user of variants) {
      const xml = renderUserDocument(user);
      expect(xml).toContain('\n      <comment/>\n');
      expect(xml).not.toContain('<comment>');
    }
  });

  it('keeps whitespace-only text, which is not empty', () => {
    expect(renderUserDocument(withValues({ comment: ' ' }))).toContain('<comment> </comment>');
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [4294967295, '4294967295'],
    [0.1, '0.1'],
    [1e21, '1e+21'],
  ])('writes the number %d as String(n) = %j', (value, text) => {
    expect(renderUserDocument(withValues({ balance: value }))).toContain(
      `<balance>${text}</balance>`,
    );
  });

  it('keeps raw database text exactly: decimals, zero dates, leading zeros', () => {
    const xml = renderUserDocument(
      withValues({
        balance: '10.000000000000000',
        month_plan_updated: '0000-00-00 00:00:00',
        agreement_number: '000123',
      }),
    );
    expect(xml).toContain('<balance>10.000000000000000</balance>');
    expect(xml).toContain('<month_plan_updated>0000-00-00 00:00:00</month_plan_updated>');
    expect(xml).toContain('<agreement_number>000123</agreement_number>');
  });

  it('escapes metacharacters and CR, and sanitises forbidden characters', () => {
    const xml = renderUserDocument(withValues({ comment: `a&b<c>d"e'f\r\ng\u0001h\uD800` }));
    expect(xml).toContain(`<comment>a&amp;b&lt;c&gt;d"e'f&#13;\ng\uFFFDh\uFFFD</comment>`);
    const comment = elementAt(readXml(xml), 'page', 'status', 'user', 'comment');
    expect(comment.text).toBe(`a&b<c>d"e'f\r\ng\uFFFDh\uFFFD`);
  });

  it.each(Object.entries(fixtures))(
    'produces the same bytes as the xmlbuilder2 DOM build (%s)',
    (_name, user) => {
      expect(renderUserDocument(user)).toBe(renderUserDocumentDom(user));
    },
  );
});
