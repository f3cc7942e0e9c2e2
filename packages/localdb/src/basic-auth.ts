import { createHash, timingSafeEqual } from 'node:crypto';

function digest(bytes: Buffer | string): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** A constant-time check of an `Authorization: Basic …` header against one user and password. */
export function basicAuthChecker(username: string, password: string): (header?: string) => boolean {
  const expected = digest(`${username}:${password}`);
  return (header) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    const given = digest(match?.[1] === undefined ? '' : Buffer.from(match[1], 'base64'));
    return timingSafeEqual(given, expected) && match !== null;
  };
}
