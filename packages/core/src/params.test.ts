import { describe, expect, it } from 'vitest';
import { m4Error } from './errors';
import {
  MAX_BODY_BYTES,
  MAX_DRAIN_BYTES,
  type ParamsResult,
  readLimitedBody,
  readParams,
} from './params';

const encoder = new TextEncoder();
const FORM = 'application/x-www-form-urlencoded';

function read(query: string, contentType: string | null = null, body?: string | Uint8Array) {
  const bytes = typeof body === 'string' ? encoder.encode(body) : (body ?? null);
  return readParams({ query, contentType, body: bytes });
}

function paramsOf(result: ParamsResult) {
  if (!('ok' in result)) throw new Error(`expected params, got ${result.name}`);
  return result.params;
}

async function multipart(form: FormData): Promise<{ contentType: string; body: Uint8Array }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const contentType = request.headers.get('content-type') ?? '';
  return { contentType, body: new Uint8Array(await request.arrayBuffer()) };
}

describe('readParams: query string', () => {
  it('reads u, user_id and hash, with or without the leading ?', async () => {
    const expected = { u: 'admin', user_id: '5', hash: 'abc' };
    expect(paramsOf(await read('?u=admin&user_id=5&hash=abc'))).toEqual(expected);
    expect(paramsOf(await read('u=admin&user_id=5&hash=abc'))).toEqual(expected);
  });

  it('drops every other parameter, p included', async () => {
    const params = paramsOf(await read('?u=a&p=secret&U=b&user_id[]=1&hash2=x&action=y'));
    expect(params).toEqual({ u: 'a' });
  });

  it('decodes percent escapes and + as a space', async () => {
    const params = paramsOf(await read('?u=j%C3%BCrgen+smith&user_id=%30%35&hash=%zz'));
    expect(params).toEqual({ u: 'jürgen smith', user_id: '05', hash: '%zz' });
  });

  it('keeps empty values and keys without =', async () => {
    expect(paramsOf(await read('?u=&user_id'))).toEqual({ u: '', user_id: '' });
  });

  it('takes the last of a repeated key', async () => {
    expect(paramsOf(await read('?u=a&u=b&user_id=1&u=c'))).toEqual({ u: 'c', user_id: '1' });
  });

  it('reads nothing from an empty query', async () => {
    expect(paramsOf(await read(''))).toEqual({});
    expect(paramsOf(await read('?'))).toEqual({});
  });

  it('strips only one leading ?', async () => {
    expect(paramsOf(await read('??u=a'))).toEqual({});
  });
});

describe('readParams: url-encoded body', () => {
  it('overrides the query value of the same name and keeps the others', async () => {
    const result = await read('?u=q&user_id=1&hash=h', FORM, 'u=b&user_id=2');
    expect(paramsOf(result)).toEqual({ u: 'b', user_id: '2', hash: 'h' });
  });

  it('takes the last of a repeated key in the body', async () => {
    expect(paramsOf(await read('', FORM, 'u=a&u=b'))).toEqual({ u: 'b' });
  });

  it('reads UTF-8 text, escaped or raw', async () => {
    expect(paramsOf(await read('', FORM, 'u=jürgen&hash=%E5%90%8D'))).toEqual({
      u: 'jürgen',
      hash: '名',
    });
  });

  it.each([
    'Application/X-WWW-Form-Urlencoded',
    'application/x-www-form-urlencoded; charset=UTF-8',
    ' APPLICATION/X-WWW-FORM-URLENCODED ;charset=iso-8859-1',
  ])('accepts the content type %j', async (contentType) => {
    expect(paramsOf(await read('', contentType, 'u=a'))).toEqual({ u: 'a' });
  });
});

describe('readParams: multipart body', () => {
  it('reads text parts and overrides the query', async () => {
    const form = new FormData();
    form.append('u', 'b');
    form.append('user_id', '05');
    form.append('p', 'password');
    const { contentType, body } = await multipart(form);
    const result = await read('?u=q&hash=h', contentType, body);
    expect(paramsOf(result)).toEqual({ u: 'b', user_id: '05', hash: 'h' });
  });

  it('ignores file parts as if absent', async () => {
    const form = new FormData();
    form.append('user_id', new Blob(['7']), 'id.txt');
    form.append('u', 'b');
    form.append('u', new Blob(['x']), 'u.txt');
    const { contentType, body } = await multipart(form);
    expect(paramsOf(await read('?user_id=1', contentType, body))).toEqual({ u: 'b', user_id: '1' });
  });

  it('takes the last of a repeated text part', async () => {
    const form = new FormData();
    form.append('u', 'a');
    form.append('u', 'b');
    const { contentType, body } = await multipart(form);
    expect(paramsOf(await read('', contentType, body))).toEqual({ u: 'b' });
  });

  it('matches the media type in any case and honours a quoted boundary', async () => {
    const body = '--xyz\r\nContent-Disposition: form-data; name="u"\r\n\r\nq\r\n--xyz--\r\n';
    expect(paramsOf(await read('', 'MULTIPART/Form-Data; boundary="xyz"', body))).toEqual({
      u: 'q',
    });
  });

  it.each([
    ['garbage', 'multipart/form-data; boundary=xyz', 'this is not multipart'],
    ['no boundary', 'multipart/form-data', '--xyz\r\n\r\n--xyz--\r\n'],
    ['wrong boundary', 'multipart/form-data; boundary=abc', '--xyz\r\n\r\n--xyz--\r\n'],
  ])('answers malformed_request for %s', async (_label, contentType, body) => {
    await expect(read('?u=a', contentType, body)).resolves.toEqual(m4Error('malformed_request'));
  });
});

describe('readParams: JSON body', () => {
  const JSON_TYPE = 'application/json';

  it('reads strings as they are', async () => {
    const body = JSON.stringify({ u: ' admin ', user_id: '05', hash: 'ABC', p: 'x' });
    expect(paramsOf(await read('', JSON_TYPE, body))).toEqual({
      u: ' admin ',
      user_id: '05',
      hash: 'ABC',
    });
  });

  it('writes numbers as String(n) and booleans as true/false', async () => {
    expect(paramsOf(await read('', JSON_TYPE, '{"u":true,"user_id":5,"hash":false}'))).toEqual({
      u: 'true',
      user_id: '5',
      hash: 'false',
    });
    expect(paramsOf(await read('', JSON_TYPE, '{"u":1.50,"user_id":1e21,"hash":-0}'))).toEqual({
      u: '1.5',
      user_id: '1e+21',
      hash: '0',
    });
  });

  it('ignores null, arrays and objects as if absent, so the query value stands', async () => {
    const body = '{"u":null,"user_id":[5],"hash":{"a":1}}';
    const result = await read('?u=q&user_id=1&hash=h', JSON_TYPE, body);
    expect(paramsOf(result)).toEqual({ u: 'q', user_id: '1', hash: 'h' });
  });

  it('overrides the query and takes the last of a repeated key', async () => {
    const result = await read('?u=q&user_id=1', JSON_TYPE, '{"u":"a","u":"b"}');
    expect(paramsOf(result)).toEqual({ u: 'b', user_id: '1' });
  });

  it('does not read inherited or prototype keys', async () => {
    const result = await read('', JSON_TYPE, '{"__proto__":{"u":"x"},"constructor":"y"}');
    expect(paramsOf(result)).toEqual({});
  });

  it.each(['Application/JSON', 'application/json; charset=utf-8', 'application/json;'])(
    'accepts the content type %j',
    async (contentType) => {
      expect(paramsOf(await read('', contentType, '{"u":"a"}'))).toEqual({ u: 'a' });
    },
  );

  it('takes a blank body for no parameters', async () => {
    expect(paramsOf(await read('?u=q', JSON_TYPE, ' \n '))).toEqual({ u: 'q' });
  });

  it.each([
    ['broken JSON', '{"u":'],
    ['an array', '[{"u":"a"}]'],
    ['a string', '"u"'],
    ['a number', '5'],
    ['null', 'null'],
    ['true', 'true'],
    ['trailing text', '{"u":"a"} x'],
  ])('answers malformed_request for %s', async (_label, body) => {
    await expect(read('?u=a', JSON_TYPE, body)).resolves.toEqual(m4Error('malformed_request'));
  });

  it('answers malformed_request for bytes that are not UTF-8', async () => {
    const body = new Uint8Array([0x7b, 0x22, 0x75, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    await expect(read('', JSON_TYPE, body)).resolves.toEqual(m4Error('malformed_request'));
  });
});

describe('readParams: other bodies', () => {
  it.each([
    null,
    '',
    'text/plain',
    'application/xml',
    'application/jsonx',
    'application/vnd.api+json',
    'text/json',
    'multipart/mixed; boundary=xyz',
    'application/x-www-form-urlencodedx',
  ])('ignores a body of content type %j', async (contentType) => {
    const result = await read('?u=q', contentType, 'u=body&{"u":"body"}');
    expect(paramsOf(result)).toEqual({ u: 'q' });
  });

  it('takes an empty body for nothing, whatever its type', async () => {
    for (const contentType of [FORM, 'application/json', 'multipart/form-data']) {
      expect(paramsOf(await read('?u=q', contentType, new Uint8Array(0)))).toEqual({ u: 'q' });
    }
    expect(paramsOf(await read('?u=q', 'application/json', undefined))).toEqual({ u: 'q' });
  });
});

describe('readParams: size limit', () => {
  function formOfSize(size: number): string {
    const head = 'u=a&pad=';
    return head + 'x'.repeat(size - head.length);
  }

  it('accepts a body of exactly MAX_BODY_BYTES', async () => {
    expect(MAX_BODY_BYTES).toBe(65536);
    const body = formOfSize(MAX_BODY_BYTES);
    expect(paramsOf(await read('', FORM, body))).toEqual({ u: 'a' });
  });

  it('refuses one byte more, whatever the content type', async () => {
    const body = formOfSize(MAX_BODY_BYTES + 1);
    for (const contentType of [FORM, 'text/plain', null]) {
      await expect(read('', contentType, body)).resolves.toEqual(m4Error('request_too_large'));
    }
  });

  it('checks the size before parsing', async () => {
    const body = `{${' '.repeat(MAX_BODY_BYTES)}`;
    await expect(read('', 'application/json', body)).resolves.toEqual(m4Error('request_too_large'));
  });
});

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

describe('readLimitedBody', () => {
  it('gives null for no body', async () => {
    await expect(readLimitedBody(null)).resolves.toEqual({ ok: true, bytes: null });
  });

  it('gives an empty body as zero bytes', async () => {
    await expect(readLimitedBody(streamOf([]))).resolves.toEqual({
      ok: true,
      bytes: new Uint8Array(0),
    });
  });

  it('joins the chunks of a stream', async () => {
    const stream = streamOf([
      encoder.encode('u=a'),
      encoder.encode('&user'),
      encoder.encode('_id=5'),
    ]);
    const result = await readLimitedBody(stream);
    expect(result).toEqual({ ok: true, bytes: encoder.encode('u=a&user_id=5') });
  });

  it('accepts exactly the limit', async () => {
    const result = await readLimitedBody(streamOf([new Uint8Array(6), new Uint8Array(4)]), 10);
    expect(result).toEqual({ ok: true, bytes: new Uint8Array(10) });
  });

  it('refuses one byte over the limit', async () => {
    const result = await readLimitedBody(streamOf([new Uint8Array(6), new Uint8Array(5)]), 10);
    expect(result).toEqual(m4Error('request_too_large'));
  });

  it('drains an oversized body up to the drain limit, then cancels an endless one', async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new Uint8Array(1000);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(readLimitedBody(endless)).resolves.toEqual(m4Error('request_too_large'));
    expect(cancelled).toBe(true);
    expect(pulled).toBeGreaterThan(MAX_DRAIN_BYTES);
    // One chunk read past the drain limit, plus at most one the stream queued ahead.
    expect(pulled).toBeLessThanOrEqual(MAX_DRAIN_BYTES + 2 * chunk.byteLength);
  });

  it('reads an oversized body that ends within the drain limit to its end', async () => {
    let cancelled = false;
    const chunks = [new Uint8Array(40_000), new Uint8Array(40_000), new Uint8Array(40_000)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(readLimitedBody(stream)).resolves.toEqual(m4Error('request_too_large'));
    expect(chunks).toEqual([]);
    expect(cancelled).toBe(false);
  });

  it('a stream that fails while being drained is still too large', async () => {
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new Error('reset'));
        else controller.enqueue(new Uint8Array(MAX_BODY_BYTES + 1));
        sent = true;
      },
    });
    await expect(readLimitedBody(stream)).resolves.toEqual(m4Error('request_too_large'));
  });

  it('refuses a request body larger than the default limit', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: new Uint8Array(MAX_BODY_BYTES + 1),
    });
    await expect(readLimitedBody(request.body)).resolves.toEqual(m4Error('request_too_large'));
  });

  it('reads a request body within the limit', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: 'u=a' });
    await expect(readLimitedBody(request.body)).resolves.toEqual({
      ok: true,
      bytes: encoder.encode('u=a'),
    });
  });

  it('answers malformed_request when the stream fails', async () => {
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new Error('connection reset'));
        else controller.enqueue(encoder.encode('u=a'));
        sent = true;
      },
    });
    await expect(readLimitedBody(failing)).resolves.toEqual(m4Error('malformed_request'));
  });
});
