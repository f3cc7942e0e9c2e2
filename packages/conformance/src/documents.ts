/**
 * The two error envelopes exactly as method spec §5 prints them, written out independently of
 * packages/xml so that the suite checks the renderer instead of repeating it.
 */
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function expectedFilterError(text: string): string {
  return `${DECLARATION}<status>\n  <error>${text}</error>\n</status>\n`;
}

export function expectedMethodError(text: string): string {
  return `${DECLARATION}<page>\n  <status>\n    <error>${text}</error>\n  </status>\n</page>\n`;
}
