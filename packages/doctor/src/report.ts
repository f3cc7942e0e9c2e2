import type { Finding, Status } from './checks';
import type { Road } from './road';

export const DOCTOR_EXIT = { ready: 0, failed: 1, unusable: 2 } as const;

export interface DoctorReport {
  /** The URL checked, without user or password. */
  target: { source: Road['source']; driver: Road['driver']; where: string };
  findings: Finding[];
  failures: number;
  warnings: number;
  exitCode: number;
}

export function buildReport(
  road: Pick<Road, 'source' | 'driver' | 'where'>,
  findings: Finding[],
): DoctorReport {
  const failures = findings.filter((f) => f.status === 'fail').length;
  const warnings = findings.filter((f) => f.status === 'warn').length;
  return {
    target: { source: road.source, driver: road.driver, where: road.where },
    findings,
    failures,
    warnings,
    exitCode: failures > 0 ? DOCTOR_EXIT.failed : DOCTOR_EXIT.ready,
  };
}

const LABEL: Readonly<Record<Status, string>> = {
  ok: 'ok',
  info: 'info',
  warn: 'WARN',
  fail: 'FAIL',
};

function count(n: number, word: string): string {
  return `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;
}

/** The report as a table for a terminal: status, check, result; advice under each problem. */
export function renderReport(report: DoctorReport): string {
  const { target } = report;
  const width = Math.max(5, ...report.findings.map((f) => f.check.length));
  const indent = ' '.repeat(8 + width + 2);
  const lines = [
    `m4 doctor: ${target.where} (${target.source}, ${target.driver})`,
    '',
    `${'status'.padEnd(8)}${'check'.padEnd(width)}  result`,
  ];
  for (const finding of report.findings) {
    lines.push(
      `${LABEL[finding.status].padEnd(8)}${finding.check.padEnd(width)}  ${finding.result}`,
    );
    if (finding.advice !== undefined) lines.push(`${indent}→ ${finding.advice}`);
  }
  lines.push('');
  lines.push(
    report.failures > 0
      ? `${count(report.failures, 'failure')}, ${count(report.warnings, 'warning')}: not ready, the service would fail here (exit 1)`
      : `${count(report.failures, 'failure')}, ${count(report.warnings, 'warning')}: ready (exit 0)`,
  );
  return `${lines.join('\n')}\n`;
}

/** The report as JSON for scripts. */
export function reportJson(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
