/** What the worker's own log line says about one request (apps/worker's request log). */
export interface ServerTiming {
  durationMs: number;
  dbMs?: number;
}

/** Reads one line of `wrangler dev` output; null unless it is the worker's request log line. */
export function parseRequestLogLine(
  line: string,
): { requestId: string; timing: ServerTiming } | null {
  const start = line.indexOf('{"level":');
  if (start === -1 || !line.includes('"msg":"request"')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(start));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { requestId, durationMs, dbMs } = parsed as Record<string, unknown>;
  if (typeof requestId !== 'string' || typeof durationMs !== 'number') return null;
  return {
    requestId,
    timing: { durationMs, ...(typeof dbMs === 'number' && { dbMs }) },
  };
}

/** The worker's timings of the most recent requests, by request id (bounded). */
export class RequestLog {
  #byId = new Map<string, ServerTiming>();
  readonly #capacity: number;

  constructor(capacity = 50_000) {
    this.#capacity = capacity;
  }

  onLine(line: string): void {
    const entry = parseRequestLogLine(line);
    if (entry === null) return;
    this.#byId.set(entry.requestId, entry.timing);
    if (this.#byId.size > this.#capacity) {
      const oldest = this.#byId.keys().next().value;
      if (oldest !== undefined) this.#byId.delete(oldest);
    }
  }

  get(requestId: string): ServerTiming | undefined {
    return this.#byId.get(requestId);
  }
}
