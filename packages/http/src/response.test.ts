import { describe, expect, it } from 'vitest';
import { m4ErrorResponse, xmlHeaders } from './response';

describe('responses', () => {
  it('carry the headers of method spec §6', () => {
    const headers = xmlHeaders('id-1', 200);
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'text/xml; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': 'id-1',
    });
  });

  it('renders an error outcome in its envelope and status', async () => {
    const response = m4ErrorResponse('no_such_api', 'id-2');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<status>\n  <error>There is no such API</error>\n</status>\n',
    );
    const denied = m4ErrorResponse('self_access', 'id-3');
    expect(denied.status).toBe(200);
    expect(await denied.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<page>\n  <status>\n    <error>Access Denied</error>\n  </status>\n</page>\n',
    );
  });
});
