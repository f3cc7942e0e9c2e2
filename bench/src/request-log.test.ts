import { describe, expect, it } from 'vitest';
import { parseRequestLogLine, RequestLog } from './request-log';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 'info', msg: 'request', method: 'POST', status: 200, ...fields });

describe('parseRequestLogLine', () => {
  it('reads the id, duration and database time of a request log line', () => {
    expect(parseRequestLogLine(line({ requestId: 'a-1', durationMs: 12.5, dbMs: 9.1 }))).toEqual({
      requestId: 'a-1',
      timing: { durationMs: 12.5, dbMs: 9.1 },
    });
  });

  it('accepts a line without dbMs (transport errors never reach the database)', () => {
    expect(parseRequestLogLine(line({ requestId: 'b', durationMs: 1 }))?.timing).toEqual({
      durationMs: 1,
    });
  });

  it('ignores every other line', () => {
    expect(parseRequestLogLine('[wrangler:info] POST / 200 OK (5ms)')).toBeNull();
    expect(parseRequestLogLine('{"level":"info","msg":"other","requestId":"x"}')).toBeNull();
    expect(parseRequestLogLine('{"level":"info","msg":"request", broken')).toBeNull();
    expect(parseRequestLogLine(line({ requestId: 7, durationMs: 1 }))).toBeNull();
  });
});

describe('RequestLog', () => {
  it('keeps only the most recent ids', () => {
    const log = new RequestLog(2);
    for (const id of ['x', 'y', 'z']) log.onLine(line({ requestId: id, durationMs: 1 }));
    expect(log.get('x')).toBeUndefined();
    expect(log.get('z')).toEqual({ durationMs: 1 });
  });
});
