import { describe, expect, it } from 'vitest';
import type { Finding } from './checks';
import { buildReport, renderReport, reportJson } from './report';

const road = { source: 'MYSQL_URL', driver: 'mysql2', where: 'mysql://127.0.0.1:3306/m4' } as const;
const findings: Finding[] = [
  { id: 'tables', status: 'ok', check: 'tables', result: 'all 5 present' },
  { id: 'x', status: 'warn', check: 'a longer check', result: 'hmm', advice: 'do this' },
];

describe('the report', () => {
  it('is a table with the advice under its line, and a verdict', () => {
    const report = buildReport(road, findings);
    expect(report.exitCode).toBe(0);
    expect(renderReport(report)).toBe(
      [
        'm4 doctor: mysql://127.0.0.1:3306/m4 (MYSQL_URL, mysql2)',
        '',
        'status  check           result',
        'ok      tables          all 5 present',
        'WARN    a longer check  hmm',
        '                        → do this',
        '',
        'no failures, 1 warning: ready (exit 0)',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 on a failure, and serialises as JSON', () => {
    const report = buildReport(road, [
      ...findings,
      { id: 'statement', status: 'fail', check: 'service statement', result: 'failed' },
    ]);
    expect(report.exitCode).toBe(1);
    expect(renderReport(report)).toMatch(/1 failure, 1 warning: not ready/);
    expect(JSON.parse(reportJson(report))).toMatchObject({ failures: 1, warnings: 1, exitCode: 1 });
  });
});
