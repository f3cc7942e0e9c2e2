/** The one structured line per request. It holds no parameter, user field, hash or secret. */
export interface RequestLogLine {
  requestId: string;
  method: string;
  path: string;
  status: number;
  outcome: string;
  durationMs: number;
  dbMs?: number;
  fault?: string;
}

export function formatRequestLog(line: RequestLogLine): string {
  return JSON.stringify({ level: line.status >= 500 ? 'error' : 'info', msg: 'request', ...line });
}
