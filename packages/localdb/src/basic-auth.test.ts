import { expect, it } from 'vitest';
import { basicAuthChecker } from './basic-auth';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

it('accepts exactly the configured user and password', () => {
  const check = basicAuthChecker('dev', 'dev');
  expect(check(basic('dev:dev'))).toBe(true);
  expect(check(basic('dev:wrong'))).toBe(false);
  expect(check(basic('other:dev'))).toBe(false);
  expect(check(basic('dev:dev:'))).toBe(false);
  expect(check(undefined)).toBe(false);
  expect(check('Bearer abc')).toBe(false);
  expect(check('Basic')).toBe(false);
});
