import { describe, expect, it } from 'vitest';
import { requestIdOf } from './request-id';

describe('requestIdOf', () => {
  it('reuses cf-ray first', () => {
    const headers = new Headers({ 'cf-ray': '8f1c2a3b4c5d6e7f-AMS', 'x-request-id': 'mine' });
    expect(requestIdOf(headers)).toBe('8f1c2a3b4c5d6e7f-AMS');
  });

  it('keeps a well-formed X-Request-Id', () => {
    expect(requestIdOf(new Headers({ 'x-request-id': 'abc-123_x.y:z' }))).toBe('abc-123_x.y:z');
  });

  it('replaces a malformed or oversized one with a fresh uuid', () => {
    for (const bad of ['<script>', 'a b', 'x'.repeat(129)]) {
      const id = requestIdOf(new Headers({ 'x-request-id': bad }));
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });
});
