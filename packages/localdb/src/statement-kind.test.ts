import { expect, it } from 'vitest';
import { statementKind } from './statement-kind';

it('recognises transaction starts', () => {
  for (const sql of [
    'BEGIN',
    'begin;',
    ' BEGIN WORK ',
    'START TRANSACTION',
    'start transaction read only',
  ]) {
    expect(statementKind(sql)).toBe('begin');
  }
  expect(statementKind('/* drizzle */ BEGIN')).toBe('begin');
  expect(statementKind('-- note\nBEGIN')).toBe('begin');
});

it('recognises transaction ends, but not savepoint rollbacks or chains', () => {
  expect(statementKind('COMMIT')).toBe('commit');
  expect(statementKind('commit work;')).toBe('commit');
  expect(statementKind('ROLLBACK')).toBe('rollback');
  expect(statementKind('rollback work')).toBe('rollback');
  expect(statementKind('ROLLBACK TO SAVEPOINT sp1')).toBe('session-state');
  expect(statementKind('COMMIT AND CHAIN')).toBe('session-state');
});

it('marks statements that change connection state', () => {
  expect(statementKind("SET time_zone = '+05:00'")).toBe('session-state');
  expect(statementKind('use other')).toBe('session-state');
  expect(statementKind('LOCK TABLES t WRITE')).toBe('session-state');
  expect(statementKind('CREATE TEMPORARY TABLE x (a int)')).toBe('session-state');
});

it('leaves ordinary statements alone', () => {
  expect(statementKind('SELECT 1')).toBe('other');
  expect(statementKind("INSERT INTO t VALUES ('BEGIN')")).toBe('other');
  expect(statementKind('SELECT * FROM settings')).toBe('other');
  expect(statementKind('BEGINNING')).toBe('other');
});
