/** What an app records about a request while it runs: the outcome, and timings/faults. */
export interface RequestTrace {
  /** `ok`, an M4 error name, `health`, … */
  outcome: string;
  dbMs?: number;
  fault?: string;
}

/** The one structured line per request. It holds no parameter, user field, hash or secret. */
export interface RequestLogLine extends RequestTrace {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

export function formatRequestLog(line: RequestLogLine): string {
  return JSON.stringify({ level: line.status >= 500 ? 'error' : 'info', msg: 'request', ...line });
}

/** The log line of a finished request: its path (never its query), status and trace. */
export function requestLogLine(input: {
  request: Request;
  requestId: string;
  status: number;
  startedAt: number;
  trace: RequestTrace | undefined;
}): string {
  return formatRequestLog({
    requestId: input.requestId,
    method: input.request.method,
    path: new URL(input.request.url).pathname,
    status: input.status,
    durationMs: Math.round((performance.now() - input.startedAt) * 100) / 100,
    ...(input.trace ?? { outcome: 'other' }),
  });
}
