const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id that ties a response, its log line and its database statement together: Cloudflare's
 * `cf-ray` where present, else a well-formed `X-Request-Id` sent by the caller, else a new one.
 */
export function requestIdOf(headers: Headers): string {
  for (const name of ['cf-ray', 'x-request-id']) {
    const value = headers.get(name);
    if (value && SAFE_ID.test(value)) return value;
  }
  return crypto.randomUUID();
}
