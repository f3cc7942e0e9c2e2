import { describe, expect, it } from 'vitest';
import { urlCredentials } from './credentials';
import { requestLogLine } from './log';

describe('requestLogLine', () => {
  it('logs the path without the query, and the trace', () => {
    const request = new Request('https://m4.test/api/user_details_raw_get?u=admin&hash=abc', {
      method: 'POST',
    });
    const line = JSON.parse(
      requestLogLine({
        request,
        requestId: 'r-1',
        status: 503,
        startedAt: performance.now(),
        trace: { outcome: 'service_unavailable', dbMs: 3, fault: 'x' },
      }),
    );
    expect(line).toMatchObject({
      level: 'error',
      msg: 'request',
      requestId: 'r-1',
      method: 'POST',
      path: '/api/user_details_raw_get',
      status: 503,
      outcome: 'service_unavailable',
      dbMs: 3,
      fault: 'x',
    });
    expect(JSON.stringify(line)).not.toContain('hash');
  });

  it('says other when nothing was traced', () => {
    const request = new Request('https://m4.test/');
    const line = requestLogLine({
      request,
      requestId: 'r',
      status: 200,
      startedAt: 0,
      trace: undefined,
    });
    expect(JSON.parse(line)).toMatchObject({ level: 'info', outcome: 'other' });
  });
});

describe('urlCredentials', () => {
  it('returns the decoded password and user name of a URL', () => {
    expect(urlCredentials('mysql://reader:p%40ss-word@db/m4')).toEqual(['p@ss-word', 'reader']);
    expect(urlCredentials('https://db.example.com')).toEqual([]);
    expect(urlCredentials('not a url')).toEqual([]);
  });
});
