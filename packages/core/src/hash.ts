const HEX = '0123456789abcdef';

/** Hex SHA-1 of the UTF-8 bytes of `u + userId + secret` (method spec §3). */
export async function apiHash(u: string, userId: string, secret: string): Promise<string> {
  const data = new TextEncoder().encode(u + userId + secret);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', data));
  let hex = '';
  for (const byte of digest) hex += HEX.charAt(byte >> 4) + HEX.charAt(byte & 15);
  return hex;
}

/** ASCII `A`–`Z` to lower case without a data-dependent branch. */
function lowerAscii(code: number): number {
  const isUpper = (((code - 65) >>> 31) ^ 1) & (((90 - code) >>> 31) ^ 1);
  return code | (isUpper << 5);
}

/**
 * Compares a client's hash with the expected one in time that depends only on the expected
 * length: every position is read, no early exit, and the length difference is folded into the
 * result. Hex letters compare case-insensitively.
 */
export function hashMatches(given: string | undefined, expected: string): boolean {
  const actual = given ?? '';
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) {
    // Past the end of `actual`, charCodeAt gives NaN, and `NaN | 0` is 0, which no hex digit is.
    diff |= lowerAscii(actual.charCodeAt(i) | 0) ^ lowerAscii(expected.charCodeAt(i));
  }
  return diff === 0;
}
