import { describe, expect, it } from 'vitest';
import type { Outcome } from './decide';
import { isFailedAuthentication, M4_ERRORS, type M4ErrorName, m4Error } from './errors';

const EXPECTED: Record<M4ErrorName, [number, 'filter' | 'method', string]> = {
  no_such_api: [404, 'filter', 'There is no such API'],
  method_not_allowed: [405, 'filter', 'Method Not Allowed'],
  request_too_large: [413, 'filter', 'Request too large'],
  malformed_request: [400, 'filter', 'Malformed request'],
  api_disabled: [200, 'filter', 'API Requests are disabled'],
  get_disabled: [200, 'filter', 'GET Requests are disabled'],
  secret_key_missing: [200, 'filter', 'API must have Secret Key'],
  incorrect_hash: [200, 'filter', 'Incorrect hash'],
  unknown_requester: [200, 'method', 'Access Denied'],
  not_privileged: [200, 'method', 'You are not authorized to view this page'],
  missing_users_right: [200, 'method', 'You are not authorized to view this page'],
  user_not_found: [200, 'method', 'User was not found'],
  self_access: [200, 'method', 'Access Denied'],
  not_assigned: [200, 'method', 'Access Denied'],
  service_unavailable: [503, 'filter', 'Service temporarily unavailable'],
  too_many_requests: [429, 'filter', 'Too many requests'],
};

describe('M4_ERRORS', () => {
  it('holds exactly the catalogue of the spec', () => {
    expect(Object.keys(M4_ERRORS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s has its status, envelope and text', (name, row) => {
    const [status, envelope, message] = row;
    expect(M4_ERRORS[name as M4ErrorName]).toEqual({ status, envelope, message });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(M4_ERRORS)).toBe(true);
    expect(Object.isFrozen(M4_ERRORS.incorrect_hash)).toBe(true);
  });
});

describe('m4Error', () => {
  it('builds a fresh error value from the catalogue', () => {
    const error = m4Error('user_not_found');
    expect(error).toEqual({
      kind: 'error',
      name: 'user_not_found',
      status: 200,
      envelope: 'method',
      message: 'User was not found',
    });
    expect(m4Error('user_not_found')).not.toBe(error);
  });
});

describe('isFailedAuthentication', () => {
  const names = Object.keys(EXPECTED) as M4ErrorName[];

  it.each(names)('%s', (name) => {
    const failed = name === 'incorrect_hash' || name === 'unknown_requester';
    expect(isFailedAuthentication(m4Error(name))).toBe(failed);
  });

  it('is false for a success', () => {
    const ok: Outcome<unknown> = { kind: 'ok', user: { id: 1 } };
    expect(isFailedAuthentication(ok)).toBe(false);
  });
});
