const INTEGER = /^[+-]?[0-9]+$/;

/**
 * A database integer as the driver hands it (number or decimal string) as an exact bigint;
 * null for null, non-integers and anything else (`''` is not 0).
 */
export function dbInt(value: number | string | null | undefined): bigint | null {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return INTEGER.test(trimmed) ? BigInt(trimmed) : null;
  }
  return null;
}
