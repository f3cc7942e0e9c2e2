/** The request-context statement answers exactly one row (its FROM is a one-row table). */
export function onlyRow(rows: readonly unknown[]): readonly unknown[] {
  const row = rows[0];
  if (rows.length !== 1 || !Array.isArray(row)) {
    throw new Error(`request context statement answered ${rows.length} rows, expected 1`);
  }
  return row;
}
