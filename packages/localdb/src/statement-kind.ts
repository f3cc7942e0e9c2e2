export type StatementKind = 'begin' | 'commit' | 'rollback' | 'session-state' | 'other';

const LEADING_NOISE = /^(?:\s+|\/\*(?!!)[\s\S]*?\*\/|(?:--\s|#)[^\n]*(?:\n|$))*/;

/**
 * What a statement does to the connection it runs on: opens or ends a transaction, changes
 * session state that must not leak into the pool (SET, USE, LOCK, ...), or nothing of that kind.
 */
export function statementKind(sql: string): StatementKind {
  const text = sql.replace(LEADING_NOISE, '').replace(/[\s;]+$/, '');
  const upper = text.toUpperCase();
  if (/^(?:BEGIN(?:\s+WORK)?|START\s+TRANSACTION\b[\s\S]*)$/.test(upper)) return 'begin';
  if (/^COMMIT(?:\s+WORK)?(?:\s+AND\s+NO\s+CHAIN)?(?:\s+(?:NO\s+)?RELEASE)?$/.test(upper)) {
    return 'commit';
  }
  if (/^ROLLBACK(?:\s+WORK)?(?:\s+AND\s+NO\s+CHAIN)?(?:\s+(?:NO\s+)?RELEASE)?$/.test(upper)) {
    return 'rollback';
  }
  if (/^(?:SET|USE|LOCK|UNLOCK|XA|SAVEPOINT|HANDLER|PREPARE|DEALLOCATE)\b/.test(upper)) {
    return 'session-state';
  }
  if (/^(?:COMMIT|ROLLBACK)\b/.test(upper)) return 'session-state';
  if (/^CREATE\s+(?:OR\s+REPLACE\s+)?TEMPORARY\b/.test(upper)) return 'session-state';
  return 'other';
}
