import { RETURNED_USER_COLUMNS } from '@m4/schema';
import { describe, expect, it } from 'vitest';
import { filterError, methodError, userDocument } from '../test/documents';
import { parseM4Document } from './document';

describe('parseM4Document', () => {
  it('reads every returned column as raw text, empty elements as ""', () => {
    const parsed = parseM4Document(
      userDocument({
        id: '6',
        first_name: 'Jonas & <Co>\r\nčę😀',
        vat_number: '',
        balance: ' 1.5 ',
      }),
    );
    if (parsed.kind !== 'user') throw new Error(JSON.stringify(parsed));
    expect(Object.keys(parsed.user)).toEqual([...RETURNED_USER_COLUMNS]);
    expect(parsed.user.id).toBe('6');
    expect(parsed.user.first_name).toBe('Jonas & <Co>\r\nčę😀');
    expect(parsed.user.vat_number).toBe('');
    expect(parsed.user.balance).toBe(' 1.5 ');
  });

  it('reads both error envelopes', () => {
    expect(parseM4Document(filterError('Incorrect hash'))).toEqual({
      kind: 'error',
      envelope: 'filter',
      message: 'Incorrect hash',
    });
    expect(parseM4Document(methodError('User was not found'))).toEqual({
      kind: 'error',
      envelope: 'method',
      message: 'User was not found',
    });
  });

  it('refuses a user with an unknown, missing, extra or misplaced column', () => {
    const columns = [...RETURNED_USER_COLUMNS];
    const cases: Array<[string[], RegExp]> = [
      [[...columns.slice(0, 5), 'password', ...columns.slice(5)], /unknown element <password>/],
      [columns.slice(0, -1), /lacks <.+>/],
      [[...columns, 'extra_column'], /unknown element <extra_column>/],
      [[columns[1] ?? '', columns[0] ?? '', ...columns.slice(2)], /out of order/],
    ];
    for (const [list, reason] of cases) {
      const parsed = parseM4Document(userDocument({}, list));
      expect(parsed.kind).toBe('invalid');
      if (parsed.kind === 'invalid') expect(parsed.reason).toMatch(reason);
    }
  });

  it('refuses what is not one of the method documents', () => {
    const bad = [
      '',
      '<html><body>502 Bad Gateway</body></html>',
      'Service Unavailable',
      '{"ok":false}',
      `${filterError('x')}<status/>`,
      '<status><error>a</error><error>b</error></status>',
      '<status><error><b>bold</b></error></status>',
      '<page><status><user><id>1<x/></id></user></status></page>',
      '<page><status>text<error>x</error></status></page>',
      '<!DOCTYPE status [<!ENTITY e "Incorrect hash">]><status><error>&e;</error></status>',
      '<status><error>unclosed</status>',
    ];
    for (const xml of bad) expect(parseM4Document(xml).kind, xml).toBe('invalid');
  });
});
