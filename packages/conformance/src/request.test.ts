import { apiHash } from '@m4/core';
import { describe, expect, it } from 'vitest';
import { BASE_SETTINGS, CASES, type ConformanceCase } from './cases';
import { buildRequest, settingsStatements } from './request';

const base = 'https://m4.test';
const testCase = (request: ConformanceCase['request'], settings = {}): ConformanceCase => ({
  group: 'unit',
  name: 'unit',
  request,
  settings,
  expect: { user: 6 },
});

describe('buildRequest', () => {
  it('signs u + user_id as sent with the settings secret, in a form body by default', async () => {
    const request = await buildRequest(
      testCase({ params: { u: 'admin', user_id: '06' } }),
      base,
      'r1',
    );
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request.headers.get('x-request-id')).toBe('r1');
    const form = new URLSearchParams(await request.text());
    expect(form.get('hash')).toBe(await apiHash('admin', '06', BASE_SETTINGS.API_Secret_Key));
  });

  it('puts GET parameters in the query string after any raw query', async () => {
    const request = await buildRequest(
      testCase({
        method: 'GET',
        query: 'user_id=1',
        params: { u: 'a', user_id: 2 },
        hash: 'absent',
      }),
      base,
      'r2',
    );
    expect(new URL(request.url).search).toBe('?user_id=1&u=a&user_id=2');
  });

  it('spoils the hash as asked', async () => {
    const signed = await apiHash('a', '2', 'other');
    const upper = await buildRequest(
      testCase({
        carrier: 'json',
        params: { u: 'a', user_id: 2 },
        hash: 'upper',
        signWith: 'other',
      }),
      base,
      'r3',
    );
    expect(await upper.json()).toEqual({ u: 'a', user_id: 2, hash: signed.toUpperCase() });
  });
});

describe('settingsStatements', () => {
  it('replaces the four global settings and escapes values', () => {
    const [remove, insert] = settingsStatements({ API_Secret_Key: "it's\\", Allow_GET_API: null });
    expect(remove).toContain('DELETE FROM conflines WHERE owner_id = 0');
    expect(insert).toContain("('API_Secret_Key', 'it\\'s\\\\', 0)");
    expect(insert).not.toContain('Allow_GET_API');
  });
});

describe('CASES', () => {
  it('have unique names and an expectation each', () => {
    const names = CASES.map((c) => `${c.group}/${c.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CASES) {
      expect(
        c.expect.error !== undefined || c.expect.user !== undefined || c.request.method === 'HEAD',
      ).toBe(true);
    }
  });
});
