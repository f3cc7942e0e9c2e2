import { apiHash } from '@m4/core';
import { describe, expect, it } from 'vitest';
import { filterError, methodError, userDocument } from '../test/documents';
import { createM4Client } from './client';
import { M4TransportError } from './transport-error';

const SECRET = 'client-unit-secret';

interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A fetch that records what it was sent and answers `reply`. */
function fakeFetch(
  reply: (sent: Sent, signal: AbortSignal | undefined) => Promise<Response> | Response,
) {
  const sent: Sent[] = [];
  const fn: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const entry: Sent = {
      url: new URL(request.url),
      method: request.method,
      headers: request.headers,
      body: init?.body === undefined ? null : await request.text(),
    };
    sent.push(entry);
    return reply(entry, init?.signal ?? undefined);
  };
  return { fn, sent };
}

function xml(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/xml; charset=utf-8', ...headers },
  });
}

describe('createM4Client: the request', () => {
  it('POSTs u, user_id and the SHA-1 hash as a form to the M4 path', async () => {
    const fake = fakeFetch(() => xml(userDocument({ id: '6' })));
    const client = createM4Client({ baseUrl: 'https://m4.test', secret: SECRET, fetch: fake.fn });
    await client.userDetailsRawGet({ u: 'admin', userId: '06' });
    const [sent] = fake.sent;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.href).toBe('https://m4.test/billing/api/user_details_raw_get');
    expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent?.body ?? ''))).toEqual({
      u: 'admin',
      user_id: '06',
      hash: await apiHash('admin', '06', SECRET),
    });
    expect(sent?.body).not.toContain(SECRET);
  });

  it('GETs with the parameters in the query, on a custom path under a prefix', async () => {
    const fake = fakeFetch(() => xml(userDocument()));
    const client = createM4Client({
      baseUrl: 'https://m4.test/edge/',
      secret: SECRET,
      fetch: fake.fn,
      method: 'GET',
      path: '/api/user_details_raw_get',
    });
    await client.userDetailsRawGet({ u: 'mgr ą', userId: 7 });
    const [sent] = fake.sent;
    expect(sent?.method).toBe('GET');
    expect(sent?.url.pathname).toBe('/edge/api/user_details_raw_get');
    expect(sent?.url.searchParams.get('u')).toBe('mgr ą');
    expect(sent?.url.searchParams.get('user_id')).toBe('7');
    expect(sent?.url.searchParams.get('hash')).toBe(await apiHash('mgr ą', '7', SECRET));
    expect(sent?.body).toBeNull();
  });

  it('refuses a base URL that is not http(s) or carries credentials', () => {
    expect(() => createM4Client({ baseUrl: 'ftp://m4.test', secret: SECRET })).toThrow(TypeError);
    expect(() => createM4Client({ baseUrl: 'https://a:b@m4.test', secret: SECRET })).toThrow(
      /credentials/,
    );
  });
});

describe('createM4Client: answers', () => {
  async function call(response: () => Response) {
    const fake = fakeFetch(response);
    const client = createM4Client({ baseUrl: 'https://m4.test', secret: SECRET, fetch: fake.fn });
    return client.userDetailsRawGet({ u: 'admin', userId: 6 });
  }

  it('returns the user and the document as received', async () => {
    const document = userDocument({ id: '6', username: 'jonas' });
    const result = await call(() => xml(document));
    expect(result).toMatchObject({ ok: true, xml: document });
    if (result.ok) expect(result.user.username).toBe('jonas');
  });

  it('returns M4 error documents as values, with kind, envelope and status', async () => {
    expect(await call(() => xml(filterError('Incorrect hash')))).toEqual({
      ok: false,
      xml: filterError('Incorrect hash'),
      error: { envelope: 'filter', message: 'Incorrect hash', status: 200, kind: 'incorrect_hash' },
    });
    const denied = await call(() => xml(methodError('Access Denied')));
    expect(denied.ok === false && denied.error.kind).toBe('access_denied');
    const missing = await call(() => xml(filterError('There is no such API'), 404));
    expect(missing.ok === false && missing.error).toMatchObject({
      kind: 'no_such_api',
      status: 404,
    });
  });

  it('returns 503 and 429 documents with their Retry-After, for the caller to retry', async () => {
    const unavailable = await call(() =>
      xml(filterError('Service temporarily unavailable'), 503, { 'retry-after': '5' }),
    );
    expect(unavailable.ok === false && unavailable.error).toEqual({
      envelope: 'filter',
      message: 'Service temporarily unavailable',
      status: 503,
      kind: 'service_unavailable',
      retryAfterSeconds: 5,
    });
    const limited = await call(() =>
      xml(filterError('Too many requests'), 429, { 'retry-after': '60' }),
    );
    expect(limited.ok === false && limited.error).toMatchObject({
      kind: 'too_many_requests',
      retryAfterSeconds: 60,
    });
  });

  it('throws M4TransportError for a body that is no M4 document', async () => {
    const error = await call(
      () => new Response('<html>502 Bad Gateway</html>', { status: 502 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(M4TransportError);
    expect(error).toMatchObject({ code: 'unexpected_status', status: 502 });
    await expect(call(() => xml('OK'))).rejects.toMatchObject({
      code: 'not_m4_document',
      status: 200,
    });
    await expect(call(() => xml(userDocument({}, ['id', 'username'])))).rejects.toThrow(
      /without an M4 document \(<user> lacks/,
    );
  });

  it('throws for a document with a status the method never answers it with', async () => {
    await expect(call(() => xml(userDocument(), 201))).rejects.toMatchObject({
      code: 'unexpected_status',
      status: 201,
    });
    await expect(call(() => xml(filterError('Incorrect hash'), 500))).rejects.toMatchObject({
      code: 'unexpected_status',
      status: 500,
    });
  });
});

describe('createM4Client: transport faults', () => {
  it('says which origin could not be reached and why, without secret or hash', async () => {
    const hash = await apiHash('admin', '6', SECRET);
    const fetchFails: typeof fetch = async () => {
      const cause = Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:1 ${hash}`), {
        code: 'ECONNREFUSED',
      });
      throw new TypeError('fetch failed', { cause });
    };
    const client = createM4Client({
      baseUrl: 'http://127.0.0.1:1',
      secret: SECRET,
      fetch: fetchFails,
    });
    const error = await client
      .userDetailsRawGet({ u: 'admin', userId: 6 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(M4TransportError);
    expect((error as Error).message).toBe('cannot reach http://127.0.0.1:1: connection refused');
    expect((error as M4TransportError).code).toBe('unreachable');

    const odd: typeof fetch = async () => {
      throw new Error(`proxy refused ${hash} with ${SECRET}`);
    };
    const other = createM4Client({ baseUrl: 'http://127.0.0.1:1', secret: SECRET, fetch: odd });
    const message = await other
      .userDetailsRawGet({ u: 'admin', userId: 6 })
      .catch((e: Error) => e.message);
    expect(message).toBe('cannot reach http://127.0.0.1:1: proxy refused *** with ***');
  });

  it('gives up after timeoutMs, and tells a timeout from the caller aborting', async () => {
    const never = fakeFetch(
      (_sent, signal) =>
        new Promise<Response>((_, reject) => {
          // As fetch does: an aborted signal rejects at once.
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const client = createM4Client({
      baseUrl: 'https://m4.test',
      secret: SECRET,
      fetch: never.fn,
      timeoutMs: 20,
    });
    await expect(client.userDetailsRawGet({ u: 'admin', userId: 6 })).rejects.toMatchObject({
      name: 'M4TransportError',
      code: 'timeout',
      message: 'no answer from https://m4.test within 20 ms',
    });
    const controller = new AbortController();
    const pending = client.userDetailsRawGet({ u: 'admin', userId: 6, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });
});
