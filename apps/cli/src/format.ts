import type { M4ErrorDetails, M4TransportError, UserDetailsResult } from '@m4/client';
import { isServiceFault } from '@m4/client';
import type { OutputFormat } from './args';

export const EXIT = {
  user: 0,
  m4Error: 1,
  usage: 2,
  transport: 3,
  serviceFault: 4,
} as const;

export interface Rendered {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What the terminal shows for an answer, and the exit code. */
export function renderResult(result: UserDetailsResult, format: OutputFormat): Rendered {
  if (result.ok) {
    const stdout =
      format === 'xml'
        ? result.xml
        : format === 'json'
          ? `${JSON.stringify({ ok: true, user: result.user }, null, 2)}\n`
          : userTable(result.user);
    return { stdout, stderr: '', exitCode: EXIT.user };
  }
  const stdout =
    format === 'xml'
      ? result.xml
      : format === 'json'
        ? `${JSON.stringify({ ok: false, error: result.error }, null, 2)}\n`
        : '';
  return {
    stdout,
    stderr: `m4api: ${describeError(result.error)}\n`,
    exitCode: isServiceFault(result.error.kind) ? EXIT.serviceFault : EXIT.m4Error,
  };
}

export function renderTransportError(error: M4TransportError): Rendered {
  const fault = error.status === 503 || error.status === 429;
  return {
    stdout: '',
    stderr: `m4api: ${oneLine(error.message)}\n`,
    exitCode: fault ? EXIT.serviceFault : EXIT.transport,
  };
}

function describeError(error: M4ErrorDetails): string {
  const retry =
    error.retryAfterSeconds === undefined ? '' : `; retry after ${error.retryAfterSeconds} s`;
  return `${oneLine(error.message)} (${error.kind}, HTTP ${error.status}${retry})`;
}

/** A two-column `column  value` listing; control characters are shown escaped. */
export function userTable(user: Readonly<Record<string, string>>): string {
  const entries = Object.entries(user);
  const width = Math.max(...entries.map(([column]) => column.length));
  return entries
    .map(([column, value]) =>
      value === '' ? column : `${column.padEnd(width)}  ${visible(value)}`,
    )
    .join('\n')
    .concat('\n');
}

const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

function visible(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(CONTROL, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
