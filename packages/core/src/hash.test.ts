import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiHash, hashMatches } from './hash';

const VECTOR = '80ea571b1932bfecb937013966849154cb995e05';

describe('apiHash', () => {
  it('matches the verified vector of the spec', async () => {
    await expect(apiHash('admin', '5', 'secret')).resolves.toBe(VECTOR);
  });

  it('hashes the UTF-8 bytes of u + user_id + secret', async () => {
    const u = 'jürgen 名前 😀';
    const expected = createHash('sha1').update(`${u}05 s3cr3t `, 'utf8').digest('hex');
    await expect(apiHash(u, '05', ' s3cr3t ')).resolves.toBe(expected);
  });

  it('hashes empty parts as empty strings', async () => {
    const expected = createHash('sha1').update('secret').digest('hex');
    await expect(apiHash('', '', 'secret')).resolves.toBe(expected);
  });

  it('is 40 lower-case hex digits', async () => {
    await expect(apiHash('a', 'b', 'c')).resolves.toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('hashMatches', () => {
  it('accepts the same hash in any letter case', () => {
    expect(hashMatches(VECTOR, VECTOR)).toBe(true);
    expect(hashMatches(VECTOR.toUpperCase(), VECTOR)).toBe(true);
    expect(hashMatches(VECTOR, VECTOR.toUpperCase())).toBe(true);
    expect(hashMatches('80EA571b1932BFECb937013966849154cb995E05', VECTOR)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['truncated', VECTOR.slice(0, 39)],
    ['longer', `${VECTOR}0`],
    ['followed by a NUL', `${VECTOR}\0`],
    ['first digit changed', `9${VECTOR.slice(1)}`],
    ['last digit changed', `${VECTOR.slice(0, 39)}4`],
    ['with spaces', ` ${VECTOR}`],
    ['another hash', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ])('rejects a hash that is %s', (_label, given) => {
    expect(hashMatches(given, VECTOR)).toBe(false);
  });

  it('does not fold non-letters into hex digits', () => {
    // A naive `code | 0x20` would turn U+0010 into '0'; only ASCII A–Z fold to lower case.
    expect(hashMatches('\u0010', '0')).toBe(false);
    expect(hashMatches('@', '`')).toBe(false);
    expect(hashMatches('[', '{')).toBe(false);
    expect(hashMatches('G', 'g')).toBe(true);
    expect(hashMatches('Z', 'z')).toBe(true);
  });

  it('counts a difference in length as a mismatch', () => {
    expect(hashMatches(VECTOR.slice(0, 20), VECTOR)).toBe(false);
    expect(hashMatches('', '')).toBe(true);
    expect(hashMatches('a', '')).toBe(false);
  });

  describe('constant-time shape', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    function readsFor(given: string | undefined, expected: string): number {
      const spy = vi.spyOn(String.prototype, 'charCodeAt');
      hashMatches(given, expected);
      const reads = spy.mock.calls.length;
      spy.mockRestore();
      return reads;
    }

    it('reads every position of the expected hash whatever is given', () => {
      const givens = [
        VECTOR,
        VECTOR.toUpperCase(),
        `0${VECTOR.slice(1)}`,
        `${VECTOR.slice(0, 39)}0`,
        VECTOR.slice(0, 1),
        `${VECTOR}${VECTOR}`,
        '',
        undefined,
      ];
      const reads = givens.map((given) => readsFor(given, VECTOR));
      expect(reads).toEqual(givens.map(() => 2 * VECTOR.length));
    });
  });
});
