import { M4TransportError, type M4User, type UserDetailsResult } from '@m4/client';
import { RETURNED_USER_COLUMNS } from '@m4/schema';
import { describe, expect, it } from 'vitest';
import { EXIT, renderResult, renderTransportError, userTable } from './format';

const user = Object.fromEntries(
  RETURNED_USER_COLUMNS.map((column) => [column, `${column}-value`]),
) as M4User;
const ok: UserDetailsResult = { ok: true, user, xml: '<page>…</page>\n' };
const denied: UserDetailsResult = {
  ok: false,
  xml: '<page>denied</page>\n',
  error: { envelope: 'method', message: 'Access Denied', status: 200, kind: 'access_denied' },
};
const unavailable: UserDetailsResult = {
  ok: false,
  xml: '<status>503</status>\n',
  error: {
    envelope: 'filter',
    message: 'Service temporarily unavailable',
    status: 503,
    kind: 'service_unavailable',
    retryAfterSeconds: 5,
  },
};

describe('renderResult', () => {
  it('prints a user as the XML received, as JSON, or as a table; exit 0', () => {
    expect(renderResult(ok, 'xml')).toEqual({ stdout: ok.xml, stderr: '', exitCode: 0 });
    const json = renderResult(ok, 'json');
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, user });
    const table = renderResult(ok, 'table').stdout.split('\n');
    expect(table).toHaveLength(RETURNED_USER_COLUMNS.length + 1);
    expect(table[0]).toMatch(/^id {2,}id-value$/);
  });

  it('prints an M4 error message to stderr and exits 1', () => {
    const rendered = renderResult(denied, 'table');
    expect(rendered).toEqual({
      stdout: '',
      stderr: 'm4api: Access Denied (access_denied, HTTP 200)\n',
      exitCode: EXIT.m4Error,
    });
    expect(renderResult(denied, 'xml').stdout).toBe(denied.xml);
    expect(JSON.parse(renderResult(denied, 'json').stdout)).toMatchObject({
      ok: false,
      error: { kind: 'access_denied' },
    });
  });

  it('exits 4 for the service faults, saying when to retry', () => {
    expect(renderResult(unavailable, 'table')).toMatchObject({
      stderr:
        'm4api: Service temporarily unavailable (service_unavailable, HTTP 503; retry after 5 s)\n',
      exitCode: EXIT.serviceFault,
    });
  });
});

describe('renderTransportError', () => {
  it('prints one line and exits 3, or 4 when the status was 503/429', () => {
    const refused = new M4TransportError('cannot reach http://x:1: connection\nrefused', {
      code: 'unreachable',
    });
    expect(renderTransportError(refused)).toEqual({
      stdout: '',
      stderr: 'm4api: cannot reach http://x:1: connection refused\n',
      exitCode: EXIT.transport,
    });
    const html503 = new M4TransportError('x', { code: 'unexpected_status', status: 503 });
    expect(renderTransportError(html503).exitCode).toBe(EXIT.serviceFault);
  });
});

describe('userTable', () => {
  it('aligns the values and shows control characters escaped, one row per column', () => {
    const text = userTable({ id: '6', first_name: 'a\r\nb\tc\u0001\\', note: '' });
    expect(text).toBe('id          6\nfirst_name  a\\r\\nb\\tc\\u0001\\\\\nnote\n');
  });
});
