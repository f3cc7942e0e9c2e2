import { M4_ERRORS, type M4ErrorName } from '@m4/core';
import { describe, expect, it } from 'vitest';
import { errorKindOf, isServiceFault } from './error-kind';

/** The spec's names that share one text, and the kind that text gets. */
const SHARED: Partial<Record<M4ErrorName, string>> = {
  unknown_requester: 'access_denied',
  self_access: 'access_denied',
  not_assigned: 'access_denied',
  not_privileged: 'not_authorized',
  missing_users_right: 'not_authorized',
};

describe('errorKindOf', () => {
  it('names every error of the spec by its text and envelope', () => {
    for (const [name, entry] of Object.entries(M4_ERRORS) as [
      M4ErrorName,
      (typeof M4_ERRORS)[M4ErrorName],
    ][]) {
      expect(errorKindOf(entry.envelope, entry.message), name).toBe(SHARED[name] ?? name);
    }
  });

  it('is "other" for an unknown text or a text in the wrong envelope', () => {
    expect(errorKindOf('filter', 'Something new')).toBe('other');
    expect(errorKindOf('method', 'Incorrect hash')).toBe('other');
    expect(errorKindOf('filter', 'incorrect hash')).toBe('other');
  });

  it('marks 503 and 429 as the service faults', () => {
    expect(isServiceFault('service_unavailable')).toBe(true);
    expect(isServiceFault('too_many_requests')).toBe(true);
    expect(isServiceFault('incorrect_hash')).toBe(false);
  });
});
