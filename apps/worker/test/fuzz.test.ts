/**
 * Property-based fuzzing of the whole worker inside workerd: generated methods, paths, query
 * strings, bodies and content types (Unicode, control characters, SQL injection, huge and
 * repeated parameters, valid and broken signatures) against the demo database. Every answer
 * must be one the spec allows, well-formed XML, either the user document or exactly one of the
 * spec's error documents, and free of every secret.
 *
 * FUZZ_SEED and FUZZ_RUNS change the seed and the number of requests (default 10 000). They
 * reach workerd as bindings of the same names, which vitest.config.ts must pass from
 * process.env; unset or empty = the defaults. Requests call the worker's fetch handler
 * directly (the module SELF would run), BATCH at a time: through SELF they take ~20× longer.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { parseXml, type XmlElement } from '@m4/conformance';
import { apiHash, M4_ERRORS, type M4ErrorName } from '@m4/core';
import { OMITTED_USER_COLUMNS, RETURNED_USER_COLUMNS } from '@m4/schema';
import { DEMO, generateDemoDataset } from '@m4/schema/seed';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import worker from '../src/index';

const DEFAULT_SEED = 20_260_426;
const DEFAULT_RUNS = 10_000;
const BATCH = 8;

function integerSetting(name: string, fallback: number, min: number): number {
  const value = (env as unknown as Record<string, unknown>)[name];
  if (typeof value !== 'string' || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}`);
  return n;
}
const SEED = integerSetting('FUZZ_SEED', DEFAULT_SEED, -(2 ** 31));
const RUNS = integerSetting('FUZZ_RUNS', DEFAULT_RUNS, 1);

const BASE = 'https://m4.example.com';
const METHOD_PATHS = ['/billing/api/user_details_raw_get', '/api/user_details_raw_get'];
const ALLOWED_STATUSES = [200, 400, 404, 405, 413];
const LIMIT = 65_536;

// ---------------------------------------------------------------- what a response may be

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const ERROR_DOCUMENTS = new Map<string, { status: number; names: M4ErrorName[] }>();
for (const [name, entry] of Object.entries(M4_ERRORS) as [
  M4ErrorName,
  (typeof M4_ERRORS)[M4ErrorName],
][]) {
  if (name === 'service_unavailable' || name === 'too_many_requests') continue;
  const text = entry.message;
  const document =
    entry.envelope === 'filter'
      ? `${DECLARATION}<status>\n  <error>${text}</error>\n</status>\n`
      : `${DECLARATION}<page>\n  <status>\n    <error>${text}</error>\n  </status>\n</page>\n`;
  const known = ERROR_DOCUMENTS.get(document);
  ERROR_DOCUMENTS.set(document, {
    status: entry.status,
    names: [...(known?.names ?? []), name],
  });
}

const DATASET = generateDemoDataset();
const SECRETS = [
  DEMO.secret,
  ...DATASET.users.flatMap((row) =>
    OMITTED_USER_COLUMNS.map((column) => row[column]).filter(
      (v): v is string => typeof v === 'string' && v.length >= 8,
    ),
  ),
];

type Kind = 'user' | M4ErrorName[];

function onlyChild(element: XmlElement, name: string): XmlElement {
  expect(element.children.map((c) => c.name)).toEqual([name]);
  const [first] = element.children;
  if (!first) throw new Error(`<${element.name}> is empty`);
  return first;
}

/** The user document (151 elements in order) or one of the error documents, else it throws. */
function classify(body: string, status: number): Kind {
  const root = parseXml(body);
  const error = ERROR_DOCUMENTS.get(body);
  if (error) {
    expect(status, body).toBe(error.status);
    return error.names;
  }
  expect(status, body).toBe(200);
  expect(root.name, body.slice(0, 300)).toBe('page');
  const user = onlyChild(onlyChild(root, 'status'), 'user');
  expect(user.children.map((c) => c.name)).toEqual(RETURNED_USER_COLUMNS);
  for (const omitted of OMITTED_USER_COLUMNS)
    expect(body).not.toMatch(new RegExp(`<${omitted}[/>]`));
  return 'user';
}

// ---------------------------------------------------------------- what a request may be

type Carrier = 'query' | 'form' | 'json' | 'multipart';
type HashMode = 'signed' | 'upper' | 'wrong' | 'truncated' | 'absent' | 'empty' | 'junk';
type Entry = [string, string];

/** A request with the signed triple in one carrier and nothing that could override it. */
interface CleanSpec {
  scenario: 'clean';
  path: string;
  method: 'GET' | 'POST';
  carrier: Carrier;
  u: string;
  userId: string;
  userIdAsNumber: boolean;
  hash: HashMode;
  junkHash: string;
  noise: Entry[];
  contentTypeCase: 'lower' | 'upper' | 'charset';
}

/** Anything goes: parameters anywhere, repeated, hostile values, any content type. */
interface HostileSpec {
  scenario: 'hostile';
  path: string;
  method: 'GET' | 'POST';
  query: Entry[];
  rawQuerySuffix: string;
  body: BodySpec;
  signFirst: boolean;
}

/** Fails before the settings are read: unknown paths, other methods, huge or broken bodies. */
interface TransportSpec {
  scenario: 'transport';
  path: string;
  method: string;
  query: Entry[];
  body: BodySpec;
}

type BodySpec =
  | { kind: 'none' }
  | { kind: 'form'; entries: Entry[]; contentType: string }
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'multipart'; entries: Entry[] }
  | { kind: 'text'; text: string; contentType: string | null }
  | { kind: 'oversized'; bytes: number; contentType: string | null };

type Spec = CleanSpec | HostileSpec | TransportSpec;

const CONTROL = ['\u0000', '\u0001', '\b', '\u000b', '\f', '\u001b', '\u001f', '\u007f'];
const ODD = ['\r', '\n', '\t', '\u2028', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udfff'];
const SQL_INJECTION = [
  "' OR '1'='1",
  "admin' -- ",
  "admin'#",
  '1; DROP TABLE users; --',
  '6 UNION SELECT password FROM users',
  "' UNION SELECT uniquehash, 1 FROM users WHERE '1'='1",
  '6 OR 1=1',
  '\\',
  "\\'",
  '%27%20OR%201%3D1',
  '0x61646d696e',
  "'; SELECT SLEEP(5); --",
  '`users`',
  '"; --',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '<script>alert(1)</script>',
  ']]><![CDATA[',
  '&amp;&lt;',
];
const USERNAMES = [
  ...Object.values(DEMO).flatMap((v) =>
    typeof v === 'object' && v !== null && 'username' in v ? [String(v.username)] : [],
  ),
  'nobody',
  'ADMIN',
  'Admin',
  ' admin',
  'admin ',
  'load_user_1000',
  '',
];
const TARGETS = [
  ...Array.from({ length: 25 }, (_, i) => String(i)),
  '05',
  '0006',
  '999999999',
  '9999999999',
  '99999999999',
  '-1',
  '+6',
  '6.0',
  ' 6',
  '6 ',
  '0x6',
  '1e1',
  '٦',
  '',
];
const NOISE_KEYS = [
  'p',
  'test',
  'foo',
  'hash_',
  'U',
  'USER_ID',
  'Hash',
  'user_id[]',
  'u[]',
  '',
  'ü',
];

const text = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.constantFrom(...SQL_INJECTION),
  fc
    .array(fc.oneof(fc.constantFrom(...CONTROL, ...ODD), fc.string({ maxLength: 3 })), {
      maxLength: 12,
    })
    .map((parts) => parts.join('')),
  fc.integer({ min: 256, max: 6000 }).map((n) => 'Ω'.repeat(n)),
);
const noiseEntry = fc.tuple(fc.constantFrom(...NOISE_KEYS), text);
/** Short enough that a clean request stays under the body limit whatever it carries. */
const shortText = text.map((s) => s.slice(0, 200));
const shortNoise = fc.tuple(fc.constantFrom(...NOISE_KEYS), shortText);
const methodKey = fc.constantFrom('u', 'user_id', 'hash');
const anyEntry = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(methodKey, text) },
  { weight: 1, arbitrary: fc.tuple(methodKey, fc.constantFrom(...USERNAMES, ...TARGETS)) },
  { weight: 1, arbitrary: noiseEntry },
);
const validPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...METHOD_PATHS) },
  // Dot segments resolve to the method's path.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '/api/../api/user_details_raw_get',
      '/billing/./api/user_details_raw_get',
    ),
  },
);
const contentTypes = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'Application/X-WWW-Form-Urlencoded; charset=UTF-8',
  'application/json',
  'application/json; charset=utf-8',
  'multipart/form-data; boundary=fuzz',
  'multipart/form-data',
  'text/plain',
  'text/xml',
  'application/octet-stream',
  '*/*',
  ';;;',
  'application/x-www-form-urlencoded, application/json',
);
/** Just over the limit mostly (what matters is crossing it), now and then far over. */
const oversizedBytes = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: LIMIT + 1, max: LIMIT + 2048 }) },
  { weight: 1, arbitrary: fc.integer({ min: LIMIT + 2049, max: 16 * LIMIT }) },
);
const jsonValue = fc.oneof(
  fc.dictionary(fc.oneof(methodKey, fc.string({ maxLength: 6 })), fc.jsonValue({ maxDepth: 2 })),
  fc.jsonValue({ maxDepth: 2 }),
);
const body: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.constant<BodySpec>({ kind: 'none' }),
  fc.record({
    kind: fc.constant('form' as const),
    entries: fc.array(anyEntry, { maxLength: 6 }),
    contentType: contentTypes,
  }),
  fc.record({ kind: fc.constant('json' as const), value: jsonValue, contentType: contentTypes }),
  fc.record({
    kind: fc.constant('multipart' as const),
    entries: fc.array(anyEntry, { maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.oneof(
      text,
      fc.constantFrom('{', '{"u":', '[1,2]', '"str"', 'null', '42', '{"u":"admin",}', '--fuzz\r\n'),
    ),
    contentType: fc.option(contentTypes, { nil: null }),
  }),
  fc.record({
    kind: fc.constant('oversized' as const),
    bytes: oversizedBytes,
    contentType: fc.option(contentTypes, { nil: null }),
  }),
);

const clean: fc.Arbitrary<CleanSpec> = fc
  .record({
    path: validPath,
    carrier: fc.constantFrom<Carrier>('query', 'query', 'form', 'json', 'multipart'),
    post: fc.boolean(),
    u: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('admin', 'manager') },
      { weight: 3, arbitrary: fc.constantFrom(...USERNAMES) },
      { weight: 1, arbitrary: shortText },
    ),
    userId: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...TARGETS) },
      { weight: 1, arbitrary: fc.nat({ max: 1200 }).map(String) },
      { weight: 1, arbitrary: shortText },
    ),
    userIdAsNumber: fc.boolean(),
    hash: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<HashMode>('signed', 'upper') },
      {
        weight: 4,
        arbitrary: fc.constantFrom<HashMode>('wrong', 'truncated', 'absent', 'empty', 'junk'),
      },
    ),
    junkHash: text,
    noise: fc.array(shortNoise, { maxLength: 4 }),
    contentTypeCase: fc.constantFrom('lower' as const, 'upper' as const, 'charset' as const),
  })
  .map(({ post, ...rest }) => ({
    ...rest,
    scenario: 'clean' as const,
    // Line breaks change in multipart encoding and surrogates in UTF-8: the signature is over
    // the parameters as the worker reads them, so those are kept out of the clean requests.
    u: wellFormed(rest.u).replace(/[\r\n]/g, ''),
    userId: wellFormed(rest.userId).replace(/[\r\n]/g, ''),
    method: rest.carrier === 'query' && !post ? ('GET' as const) : ('POST' as const),
  }));

const hostile: fc.Arbitrary<HostileSpec> = fc.record({
  scenario: fc.constant('hostile' as const),
  path: validPath,
  method: fc.constantFrom('GET' as const, 'POST' as const),
  query: fc.array(anyEntry, { maxLength: 6 }),
  rawQuerySuffix: fc.constantFrom(
    '',
    '&',
    '&&',
    '%',
    '%ZZ',
    '=',
    'u',
    '&u=%E0%A4%A',
    '#frag',
    '+&+=+',
  ),
  body,
  signFirst: fc.boolean(),
});

const junkPath = fc.oneof(
  fc.constantFrom(
    '/',
    '/api',
    '/api/',
    '/billing',
    '/billing/api/',
    '/billing/api/user_details_raw_get/',
    '/api/user_details_raw_get/',
    '/API/user_details_raw_get',
    '/billing/API/user_details_raw_get',
    '/api/user_details_raw_get.xml',
    '/api/user_details_raw_get%00',
    '/billing/api/user_list',
    '/api/user_details_raw',
    '/api//user_details_raw_get',
    '/favicon.ico',
    '/.env',
    '/wp-login.php',
    '/billing/api/user_details_raw_get;jsessionid=1',
  ),
  fc
    .tuple(fc.constantFrom('/api/', '/billing/api/', '/', '/billing/'), text)
    .map(([prefix, s]) => `${prefix}${encodeURIComponent(wellFormed(s))}`),
);
const otherMethod = fc.constantFrom(
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
  'PURGE',
  'PROPFIND',
  'TRACE',
  'patch',
  'delete',
);

const transport: fc.Arbitrary<TransportSpec> = fc.oneof(
  fc.record({
    scenario: fc.constant('transport' as const),
    path: junkPath,
    method: fc.oneof(fc.constantFrom('GET', 'POST'), otherMethod),
    query: fc.array(anyEntry, { maxLength: 3 }),
    body,
  }),
  fc.record({
    scenario: fc.constant('transport' as const),
    path: validPath,
    method: otherMethod,
    query: fc.array(anyEntry, { maxLength: 3 }),
    body,
  }),
  fc.record({
    scenario: fc.constant('transport' as const),
    path: validPath,
    method: fc.constant('POST'),
    query: fc.array(anyEntry, { maxLength: 3 }),
    body: fc.oneof(
      fc.record({
        kind: fc.constant('oversized' as const),
        bytes: oversizedBytes,
        contentType: fc.option(contentTypes, { nil: null }),
      }),
      fc.record({
        kind: fc.constant('text' as const),
        text: fc.constantFrom(
          '{',
          '{"u":',
          '[1,2]',
          '"str"',
          'null',
          '42',
          '{"u":"admin",}',
          'nul',
          '\u0000',
        ),
        contentType: fc.constantFrom('application/json', 'application/JSON; charset=utf-8'),
      }),
    ),
  }),
);

const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 5, arbitrary: clean },
  { weight: 2, arbitrary: hostile },
  { weight: 13, arbitrary: transport },
);

// ---------------------------------------------------------------- building and judging

function wellFormed(s: string): string {
  return s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

function isMethodPath(url: URL): boolean {
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // not decodable: compared as it is
  }
  return METHOD_PATHS.includes(path);
}

function formContentType(variant: CleanSpec['contentTypeCase'], base: string): string {
  if (variant === 'upper') return base.toUpperCase();
  if (variant === 'charset') return `${base}; charset=utf-8`;
  return base;
}

async function hashOf(mode: HashMode, u: string, userId: string, junk: string) {
  const signed = await apiHash(u, userId, DEMO.secret);
  switch (mode) {
    case 'signed':
      return signed;
    case 'upper':
      return signed.toUpperCase();
    case 'wrong':
      return `${signed.slice(0, 39)}${signed.endsWith('0') ? '1' : '0'}`;
    case 'truncated':
      return signed.slice(0, 39);
    case 'empty':
      return '';
    case 'junk':
      return junk === signed ? `${junk}x` : junk;
    default:
      return undefined;
  }
}

function encodeBody(spec: BodySpec, headers: Headers): BodyInit | undefined {
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'form':
      headers.set('content-type', spec.contentType);
      return new URLSearchParams(spec.entries).toString();
    case 'json':
      headers.set('content-type', spec.contentType);
      return JSON.stringify(spec.value) ?? 'null';
    case 'multipart': {
      const form = new FormData();
      for (const [key, value] of spec.entries) form.append(key, value);
      return form;
    }
    case 'text':
      if (spec.contentType !== null) headers.set('content-type', spec.contentType);
      return spec.text;
    case 'oversized':
      if (spec.contentType !== null) headers.set('content-type', spec.contentType);
      return 'u=admin&user_id=6&pad='.padEnd(spec.bytes, 'x');
  }
}

interface Built {
  request: Request;
  /** What the spec says for sure about this request, where it says anything. */
  expect:
    | { status: number; error?: M4ErrorName }
    | { signed: true }
    | { error: 'incorrect_hash' }
    | null;
}

async function build(spec: Spec): Promise<Built> {
  const headers = new Headers({ 'x-request-id': 'fuzz' });
  if (spec.scenario === 'clean') {
    const url = new URL(spec.path, BASE);
    const hash = await hashOf(spec.hash, spec.u, spec.userId, spec.junkHash);
    const triple: Entry[] = [
      ['u', spec.u],
      ['user_id', spec.userId],
      ...(hash === undefined ? [] : [['hash', hash] as Entry]),
    ];
    let payload: BodyInit | undefined;
    if (spec.carrier === 'query') {
      url.search = new URLSearchParams([...spec.noise, ...triple]).toString();
    } else if (spec.carrier === 'form') {
      headers.set(
        'content-type',
        formContentType(spec.contentTypeCase, 'application/x-www-form-urlencoded'),
      );
      payload = new URLSearchParams([...spec.noise, ...triple]).toString();
    } else if (spec.carrier === 'json') {
      headers.set('content-type', formContentType(spec.contentTypeCase, 'application/json'));
      const object: Record<string, unknown> = Object.fromEntries(
        spec.noise.filter(([k]) => k !== 'u' && k !== 'user_id' && k !== 'hash'),
      );
      for (const [key, value] of triple) object[key] = value;
      if (spec.userIdAsNumber && /^(0|[1-9]\d{0,14})$/.test(spec.userId)) {
        object.user_id = Number(spec.userId);
      }
      payload = JSON.stringify(object);
    } else {
      const form = new FormData();
      // workerd's multipart parser refuses a part named "" (the worker then answers 400, as for
      // any multipart body it cannot parse): hostile requests send those, clean ones do not.
      const noise = spec.noise.filter(([key]) => key !== '');
      for (const [key, value] of [...noise, ...triple]) form.append(key, value);
      payload = form;
    }
    const request = new Request(url, { method: spec.method, headers, body: payload ?? null });
    const signed = spec.hash === 'signed' || spec.hash === 'upper';
    return { request, expect: signed ? { signed: true } : { error: 'incorrect_hash' } };
  }

  if (spec.scenario === 'hostile') {
    const url = new URL(spec.path, BASE);
    const query = [...spec.query];
    if (spec.signFirst) {
      query.unshift(
        ['hash', await apiHash('admin', '6', DEMO.secret)],
        ['user_id', '6'],
        ['u', 'admin'],
      );
    }
    url.search = `${new URLSearchParams(query)}${spec.rawQuerySuffix}`;
    const payload = spec.method === 'POST' ? encodeBody(spec.body, headers) : undefined;
    const request = new Request(url, { method: spec.method, headers, body: payload ?? null });
    const oversized = spec.method === 'POST' && spec.body.kind === 'oversized';
    return {
      request,
      expect: oversized ? { status: 413, error: 'request_too_large' } : null,
    };
  }

  const url = new URL(spec.path, BASE);
  url.search = new URLSearchParams(spec.query).toString();
  const method = spec.method;
  const canHaveBody = !['GET', 'HEAD'].includes(method.toUpperCase());
  const payload = canHaveBody ? encodeBody(spec.body, headers) : undefined;
  const request = new Request(url, { method, headers, body: payload ?? null });
  let expected: Built['expect'];
  if (!isMethodPath(url)) expected = { status: 404, error: 'no_such_api' };
  else if (!['GET', 'POST'].includes(request.method))
    expected = { status: 405, error: 'method_not_allowed' };
  else if (spec.body.kind === 'oversized') expected = { status: 413, error: 'request_too_large' };
  else expected = { status: 400, error: 'malformed_request' };
  return { request, expect: expected };
}

const tally = new Map<string, number>();
let sent = 0;

/** Sends one request and judges the answer; a failure names the request it was about. */
async function send(spec: Spec): Promise<void> {
  try {
    await sendAndCheck(spec);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\nrequest: ${JSON.stringify(spec).slice(0, 2000)}`);
  }
}

async function sendAndCheck(spec: Spec): Promise<void> {
  const { request, expect: expected } = await build(spec);
  const method = request.method;
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  const body = await response.text();
  sent++;

  expect(ALLOWED_STATUSES, body).toContain(response.status);
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  for (const secret of SECRETS)
    expect(body.includes(secret), 'a secret in the response').toBe(false);

  let kind: Kind | 'head' = 'head';
  if (method === 'HEAD') expect(body).toBe('');
  else kind = classify(body, response.status);
  const label =
    kind === 'head' ? `HEAD ${response.status}` : kind === 'user' ? 'user' : (kind[0] ?? '?');
  tally.set(label, (tally.get(label) ?? 0) + 1);

  if (expected === null) return;
  if ('status' in expected) {
    expect(response.status, `${method} ${request.url}`).toBe(expected.status);
    if (expected.error && kind !== 'head') expect(kind).toContain(expected.error);
    if (expected.status === 405) expect(response.headers.get('allow')).toBe('GET, POST');
  } else if ('signed' in expected) {
    expect(
      kind === 'user' ||
        (Array.isArray(kind) && M4_ERRORS[kind[0] ?? 'no_such_api'].envelope === 'method'),
      body,
    ).toBe(true);
  } else {
    expect(kind, `${method} ${request.url}`).toEqual(['incorrect_hash']);
  }
}

describe('fuzz: generated requests against the worker', () => {
  beforeAll(() => {
    // The worker's request log line, 10 000 times: not wanted on the terminal.
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it(`answers every one of ${RUNS} requests as the spec allows (seed ${SEED})`, async () => {
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(spec, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          await Promise.all(batch.map(send));
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS / BATCH) },
      );
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
      throw new Error(
        `fuzz failed; reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}\n${cause}\n${error instanceof Error ? error.message : String(error)}`,
      );
    }
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    if (RUNS >= 1000) {
      // The generators reach every kind of answer, the success path included.
      expect(tally.get('user') ?? 0).toBeGreaterThan(RUNS / 100);
      for (const name of [
        'incorrect_hash',
        'no_such_api',
        'method_not_allowed',
        'request_too_large',
        'malformed_request',
        'user_not_found',
        'unknown_requester',
      ]) {
        expect(tally.get(name) ?? 0, name).toBeGreaterThan(0);
      }
    }
  }, 240_000);
});
