import { requestContextStatement } from '@m4/schema';
import { format } from '@planetscale/database';

/**
 * The statement's text cut at its `?` markers, once. The driver's own `format` scans the whole
 * 5 KB text character by character on every call (≈ 0.4 ms); per request we quote only the
 * values (with that same `format`, so the quoting is the driver's) and join the pieces.
 */
const pieces = requestContextStatement().sql.split('?');

/** The statement with one request's values in it, exactly as the driver's `format` writes it. */
export function formatStatement(params: readonly unknown[]): string {
  if (params.length !== pieces.length - 1) {
    throw new Error(`the statement takes ${pieces.length - 1} values, got ${params.length}`);
  }
  let text = pieces[0] as string;
  for (let i = 0; i < params.length; i++) text += format('?', [params[i]]) + pieces[i + 1];
  return text;
}
