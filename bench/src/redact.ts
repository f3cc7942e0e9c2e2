/** `text` with every occurrence of `secret` replaced (an error message may quote a URL). */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('<redacted>');
}
