import { DEMO } from '@m4/schema/seed';

/** The four global settings a case may change; `null` deletes the row. */
export type SettingName =
  | 'Allow_API'
  | 'Allow_GET_API'
  | 'API_Secret_Key'
  | 'API_Disable_hash_checking';
export type SettingsOverride = Partial<Record<SettingName, string | null>>;

export const BASE_SETTINGS: Readonly<Record<SettingName, string>> = {
  Allow_API: '1',
  Allow_GET_API: '1',
  API_Secret_Key: DEMO.secret,
  API_Disable_hash_checking: '0',
};

/** Where the method's parameters travel. */
export type Carrier = 'query' | 'form' | 'multipart' | 'json';

/** How the case's `hash` is made: signed with the case's secret, then optionally spoiled. */
export type HashMode = 'signed' | 'upper' | 'truncated' | 'wrong' | 'absent';

export interface CaseRequest {
  method?: string;
  path?: string;
  /** `u` and `user_id` as sent (absent when undefined). JSON carriers may send other types. */
  params?: { u?: string; user_id?: string | number; [name: string]: unknown };
  carrier?: Carrier;
  hash?: HashMode;
  /** Secret to sign with when it differs from the settings (e.g. a stale one). */
  signWith?: string;
  /** Values to sign instead of the ones sent. */
  signOver?: { u?: string; user_id?: string };
  /** Raw body and its content type, instead of a carrier. */
  body?: { contentType?: string; text: string };
  /** A raw query string sent before the carrier's own parameters. */
  query?: string;
  headers?: Record<string, string>;
}

export type Envelope = 'filter' | 'method';

export interface CaseExpectation {
  status?: number;
  /** An error document: envelope and text, compared byte for byte. */
  error?: { envelope: Envelope; text: string };
  /** A user document for this user id. */
  user?: number;
  /** Response headers that must be present with these values. */
  headers?: Record<string, string>;
  /** Database statements the request costs (default: 0 for transport errors, else 1). */
  statements?: number;
}

export interface FaultSpec {
  mode: 'latency' | 'http500' | 'garbage' | 'drop' | 'hang';
  /** For `latency`: as a multiple of the app's database timeout (0.1 = well under it). */
  latencyOfTimeout?: number;
}

export interface ConformanceCase {
  name: string;
  group: string;
  settings?: SettingsOverride;
  /** Needs the target's fault injection; skipped where the target has none. */
  fault?: FaultSpec;
  request: CaseRequest;
  expect: CaseExpectation;
}

const DENIED = 'Access Denied';
const NOT_AUTHORIZED = 'You are not authorized to view this page';
const NOT_FOUND = 'User was not found';
const filter = (text: string, status = 200): CaseExpectation => ({
  status,
  error: { envelope: 'filter', text },
});
const method = (text: string): CaseExpectation => ({ error: { envelope: 'method', text } });
const user = (id: number): CaseExpectation => ({ user: id });
const ask = (
  u: string,
  userId: string | number,
  extra: Partial<CaseRequest> = {},
): CaseRequest => ({
  params: { u, user_id: userId },
  ...extra,
});

const admin = DEMO.admin.username;
const OTHER_PATH = '/api/user_details_raw_get';
const BIG = 'x'.repeat(64 * 1024 + 1);

export const CASES: readonly ConformanceCase[] = [
  // §1 transport: none of these reads the database.
  {
    group: 'transport',
    name: 'unknown method under /billing/api is 404',
    request: { path: '/billing/api/user_secrets_get', ...ask(admin, 6) },
    expect: filter('There is no such API', 404),
  },
  {
    group: 'transport',
    name: 'unknown method under /api is 404',
    request: { path: '/api/users_get', ...ask(admin, 6) },
    expect: filter('There is no such API', 404),
  },
  {
    group: 'transport',
    name: 'a path outside the API is 404',
    request: { path: '/billing/callc/main', ...ask(admin, 6) },
    expect: filter('There is no such API', 404),
  },
  {
    group: 'transport',
    name: 'PUT is 405 with Allow',
    request: { method: 'PUT', ...ask(admin, 6) },
    expect: { ...filter('Method Not Allowed', 405), headers: { allow: 'GET, POST' } },
  },
  {
    group: 'transport',
    name: 'DELETE is 405',
    request: { method: 'DELETE', carrier: 'query', ...ask(admin, 6) },
    expect: filter('Method Not Allowed', 405),
  },
  {
    group: 'transport',
    name: 'PATCH on the short path is 405',
    request: { method: 'PATCH', path: OTHER_PATH, ...ask(admin, 6) },
    expect: filter('Method Not Allowed', 405),
  },
  {
    group: 'transport',
    name: 'HEAD is 405 without a body',
    request: { method: 'HEAD', carrier: 'query', ...ask(admin, 6) },
    expect: { status: 405, headers: { allow: 'GET, POST' } },
  },
  {
    group: 'transport',
    name: 'unknown path wins over method',
    request: { method: 'PUT', path: '/api/nope', ...ask(admin, 6) },
    expect: filter('There is no such API', 404),
  },
  {
    group: 'transport',
    name: 'method wins over size',
    request: { method: 'PUT', body: { contentType: 'text/plain', text: BIG } },
    expect: filter('Method Not Allowed', 405),
  },
  {
    group: 'transport',
    name: 'a body over 64 KiB is 413',
    request: {
      body: {
        contentType: 'application/x-www-form-urlencoded',
        text: `u=admin&user_id=6&pad=${BIG}`,
      },
    },
    expect: filter('Request too large', 413),
  },
  {
    group: 'transport',
    name: 'an ignored content type still counts against the size limit',
    request: { body: { contentType: 'application/octet-stream', text: BIG } },
    expect: filter('Request too large', 413),
  },
  {
    group: 'transport',
    name: 'size wins over parse',
    request: { body: { contentType: 'application/json', text: `{${BIG}` } },
    expect: filter('Request too large', 413),
  },
  {
    group: 'transport',
    name: 'broken JSON is 400',
    request: { body: { contentType: 'application/json', text: '{"u": "admin",' } },
    expect: filter('Malformed request', 400),
  },
  {
    group: 'transport',
    name: 'a JSON array is 400',
    request: { body: { contentType: 'application/json', text: '["admin", 6]' } },
    expect: filter('Malformed request', 400),
  },
  {
    group: 'transport',
    name: 'JSON null is 400',
    request: { body: { contentType: 'application/json', text: 'null' } },
    expect: filter('Malformed request', 400),
  },
  {
    group: 'transport',
    name: 'broken multipart is 400',
    request: {
      body: {
        contentType: 'multipart/form-data; boundary=XyZ',
        text: '--XyZ\r\nContent-Disposition: form-data; name="u"\r\n\r\nadmin',
      },
    },
    expect: filter('Malformed request', 400),
  },

  // §2–§3 rows 1–4: settings and the hash.
  {
    group: 'settings',
    name: 'Allow_API off disables everything',
    settings: { Allow_API: '0' },
    request: ask(admin, 6),
    expect: filter('API Requests are disabled'),
  },
  {
    group: 'settings',
    name: 'Allow_API missing is off',
    settings: { Allow_API: null },
    request: ask(admin, 6),
    expect: filter('API Requests are disabled'),
  },
  {
    group: 'settings',
    name: 'Allow_API "1.0" is off',
    settings: { Allow_API: '1.0' },
    request: ask(admin, 6),
    expect: filter('API Requests are disabled'),
  },
  {
    group: 'settings',
    name: 'Allow_API "yes" is off',
    settings: { Allow_API: 'yes' },
    request: ask(admin, 6),
    expect: filter('API Requests are disabled'),
  },
  {
    group: 'settings',
    name: 'Allow_API " +01 " is on',
    settings: { Allow_API: ' +01 ' },
    request: ask(admin, 6),
    expect: user(6),
  },
  {
    group: 'settings',
    name: 'Allow_API off is checked before GET',
    settings: { Allow_API: '0', Allow_GET_API: '0' },
    request: ask(admin, 6, { method: 'GET', carrier: 'query' }),
    expect: filter('API Requests are disabled'),
  },
  {
    group: 'settings',
    name: 'GET with Allow_GET_API off',
    settings: { Allow_GET_API: '0' },
    request: ask(admin, 6, { method: 'GET', carrier: 'query' }),
    expect: filter('GET Requests are disabled'),
  },
  {
    group: 'settings',
    name: 'POST with Allow_GET_API off',
    settings: { Allow_GET_API: '0' },
    request: ask(admin, 6),
    expect: user(6),
  },
  {
    group: 'settings',
    name: 'GET with Allow_GET_API on',
    request: ask(admin, 6, { method: 'GET', carrier: 'query' }),
    expect: user(6),
  },
  {
    group: 'settings',
    name: 'empty secret with hash checking on',
    settings: { API_Secret_Key: '' },
    request: ask(admin, 6, { signWith: '' }),
    expect: filter('API must have Secret Key'),
  },
  {
    group: 'settings',
    name: 'blank secret counts as empty',
    settings: { API_Secret_Key: '   ' },
    request: ask(admin, 6, { signWith: '   ' }),
    expect: filter('API must have Secret Key'),
  },
  {
    group: 'settings',
    name: 'missing secret row counts as empty',
    settings: { API_Secret_Key: null },
    request: ask(admin, 6, { signWith: '' }),
    expect: filter('API must have Secret Key'),
  },
  {
    group: 'settings',
    name: 'hash checking disabled: no hash needed',
    settings: { API_Disable_hash_checking: '1', API_Secret_Key: '' },
    request: ask(admin, 6, { hash: 'absent' }),
    expect: user(6),
  },
  {
    group: 'settings',
    name: 'hash checking disabled: a wrong hash is ignored',
    settings: { API_Disable_hash_checking: '1' },
    request: ask(admin, 6, { hash: 'wrong' }),
    expect: user(6),
  },
  {
    group: 'hash',
    name: 'wrong hash',
    request: ask(admin, 6, { hash: 'wrong' }),
    expect: filter('Incorrect hash'),
  },
  {
    group: 'hash',
    name: 'missing hash',
    request: ask(admin, 6, { hash: 'absent' }),
    expect: filter('Incorrect hash'),
  },
  {
    group: 'hash',
    name: 'truncated hash',
    request: ask(admin, 6, { hash: 'truncated' }),
    expect: filter('Incorrect hash'),
  },
  {
    group: 'hash',
    name: 'upper-case hex is accepted',
    request: ask(admin, 6, { hash: 'upper' }),
    expect: user(6),
  },
  {
    group: 'hash',
    name: 'hash signed with another secret',
    request: ask(admin, 6, { signWith: 'not-the-secret' }),
    expect: filter('Incorrect hash'),
  },
  {
    group: 'hash',
    name: 'the secret is used untrimmed',
    settings: { API_Secret_Key: ' padded ' },
    request: ask(admin, 6, { signWith: ' padded ' }),
    expect: user(6),
  },
  {
    group: 'hash',
    name: 'a trimmed secret does not match a padded one',
    settings: { API_Secret_Key: ' padded ' },
    request: ask(admin, 6, { signWith: 'padded' }),
    expect: filter('Incorrect hash'),
  },
  {
    group: 'hash',
    name: 'the hash covers user_id as sent (leading zeros)',
    request: ask(admin, '06'),
    expect: user(6),
  },
  {
    group: 'hash',
    name: 'a hash over the normalised id does not match',
    request: ask(admin, '06', { signOver: { user_id: '6' } }),
    expect: filter('Incorrect hash'),
  },
  {
    group: 'hash',
    name: 'the hash is checked before the requester',
    request: ask('nobody', 6, { hash: 'wrong' }),
    expect: filter('Incorrect hash'),
  },

  // §3 rows 5–10: requester, permission, target.
  {
    group: 'requester',
    name: 'unknown requester',
    request: ask('nobody', 6),
    expect: method(DENIED),
  },
  {
    group: 'requester',
    name: 'missing u',
    request: { params: { user_id: 6 } },
    expect: method(DENIED),
  },
  {
    group: 'requester',
    name: 'usernames compare case-insensitively',
    request: ask('ADMIN', 6),
    expect: user(6),
  },
  {
    group: 'requester',
    name: 'SQL in u finds nobody',
    request: ask("' OR '1'='1", 6),
    expect: method(DENIED),
  },
  {
    group: 'requester',
    name: 'SQL comment in u finds nobody',
    request: ask("admin'-- ", 6),
    expect: method(DENIED),
  },
  {
    group: 'requester',
    name: 'a quote in a real username is matched exactly',
    request: ask(DEMO.quoted.username, 6),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'requester',
    name: 'a user may not read',
    request: ask(DEMO.user.username, 7),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'requester',
    name: 'an accountant may not read',
    request: ask(DEMO.accountant.username, 6),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'requester',
    name: 'a reseller may not read',
    request: ask(DEMO.reseller.username, 6),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'requester',
    name: 'admin usertype with an id other than 0 is not an admin',
    request: ask(DEMO.fakeAdmin.username, 6),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'requester',
    name: 'manager without the users right',
    request: ask(DEMO.managerWithoutRight.username, 21),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'requester',
    name: 'manager without a group',
    request: ask(DEMO.managerWithoutGroup.username, 22),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'requester',
    name: 'duplicate usernames: the lowest id is the requester',
    request: ask('twin', 6),
    expect: user(6),
  },
  { group: 'target', name: 'admin reads a user', request: ask(admin, 6), expect: user(6) },
  {
    group: 'document',
    name: 'every NULL column is an empty element',
    request: ask(admin, DEMO.nulls.id),
    expect: user(DEMO.nulls.id),
  },
  {
    group: 'document',
    name: 'zero dates as stored',
    request: ask(admin, DEMO.zeroDates.id),
    expect: user(DEMO.zeroDates.id),
  },
  {
    group: 'document',
    name: 'most negative values at full scale',
    request: ask(admin, DEMO.negative.id),
    expect: user(DEMO.negative.id),
  },
  {
    group: 'document',
    name: 'widest decimals and BIGINT max',
    request: ask(admin, DEMO.widest.id),
    expect: user(DEMO.widest.id),
  },
  {
    group: 'document',
    name: 'Lithuanian, Cyrillic and emoji',
    request: ask(admin, DEMO.unicode.id),
    expect: user(DEMO.unicode.id),
  },
  {
    group: 'document',
    name: 'metacharacters, CR and C0 controls',
    request: ask(admin, DEMO.xmlMeta.id),
    expect: user(DEMO.xmlMeta.id),
  },
  {
    group: 'target',
    name: 'admin reads through the short path',
    request: ask(admin, 6, { path: OTHER_PATH }),
    expect: user(6),
  },
  {
    group: 'target',
    name: 'manager with the right reads any user',
    request: ask(DEMO.manager.username, 19),
    expect: user(19),
  },
  {
    group: 'target',
    name: 'manager reads the admin',
    request: ask(DEMO.manager.username, 0),
    expect: user(0),
  },
  {
    group: 'target',
    name: 'unknown user id',
    request: ask(admin, 999999),
    expect: method(NOT_FOUND),
  },
  {
    group: 'target',
    name: 'non-digit user id',
    request: ask(admin, '6a'),
    expect: method(NOT_FOUND),
  },
  {
    group: 'target',
    name: 'negative user id',
    request: ask(admin, '-6'),
    expect: method(NOT_FOUND),
  },
  {
    group: 'target',
    name: 'eleven-digit user id',
    request: ask(admin, '00000000006'),
    expect: method(NOT_FOUND),
  },
  {
    group: 'target',
    name: 'ten-digit user id is looked up',
    request: ask(admin, '0000000006'),
    expect: user(6),
  },
  { group: 'target', name: 'empty user id', request: ask(admin, ''), expect: method(NOT_FOUND) },
  {
    group: 'target',
    name: 'missing user id',
    request: { params: { u: admin } },
    expect: method(NOT_FOUND),
  },
  {
    group: 'target',
    name: 'permission is checked before the target',
    request: ask(DEMO.user.username, 999999),
    expect: method(NOT_AUTHORIZED),
  },
  {
    group: 'target',
    name: 'admin may not read itself',
    request: ask(admin, 0),
    expect: method(DENIED),
  },
  {
    group: 'target',
    name: 'manager may not read itself',
    request: ask(DEMO.manager.username, DEMO.manager.id),
    expect: method(DENIED),
  },
  {
    group: 'target',
    name: 'self is checked after the target exists',
    request: ask(admin, '00'),
    expect: method(DENIED),
  },
  {
    group: 'assigned',
    name: 'own-flag manager reads an assigned user',
    request: ask(DEMO.managerOwnFlag.username, DEMO.user.id),
    expect: user(DEMO.user.id),
  },
  {
    group: 'assigned',
    name: 'own-flag manager may not read an unassigned user',
    request: ask(DEMO.managerOwnFlag.username, 20),
    expect: method(DENIED),
  },
  {
    group: 'assigned',
    name: 'own-flag manager may not read a user assigned to nobody',
    request: ask(DEMO.managerOwnFlag.username, 19),
    expect: method(DENIED),
  },
  {
    group: 'assigned',
    name: 'group-restricted manager reads an assigned user',
    request: ask(DEMO.managerGroupFlag.username, 7),
    expect: user(7),
  },
  {
    group: 'assigned',
    name: 'group-restricted manager may not read another',
    request: ask(DEMO.managerGroupFlag.username, 6),
    expect: method(DENIED),
  },
  {
    group: 'assigned',
    name: 'an unknown target is reported before assignment',
    request: ask(DEMO.managerGroupFlag.username, 999999),
    expect: method(NOT_FOUND),
  },

  // §1 parameter sources.
  {
    group: 'encoding',
    name: 'POST with parameters in the query string',
    request: ask(admin, 6, { carrier: 'query' }),
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'multipart body',
    request: ask(admin, 6, { carrier: 'multipart' }),
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'JSON body with a numeric user_id',
    request: ask(admin, 6, { carrier: 'json' }),
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'JSON body with string values',
    request: ask(admin, '6', { carrier: 'json' }),
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'JSON null, arrays and objects are ignored',
    request: {
      carrier: 'json',
      params: { u: admin, user_id: 6, p: null, extra: [1], nested: { u: 'x' } },
    },
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'content type with charset and odd case',
    request: ask(admin, 6, {
      headers: { 'content-type': 'Application/X-WWW-Form-URLencoded; Charset=UTF-8' },
    }),
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'the body overrides the query',
    request: ask(admin, 6, { query: 'user_id=7&u=nobody' }),
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'a repeated key: the last one wins',
    request: ask(admin, 7, { carrier: 'query', query: 'user_id=6&u=nobody' }),
    expect: user(7),
  },
  {
    group: 'encoding',
    name: 'a body of another content type is ignored',
    request: ask(admin, 6, {
      carrier: 'query',
      body: { contentType: 'text/plain', text: 'u=nobody&user_id=7' },
    }),
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'a password parameter is ignored',
    request: { params: { u: admin, user_id: 6, p: 'whatever' } },
    expect: user(6),
  },
  {
    group: 'encoding',
    name: 'an empty POST is an unknown requester after the hash',
    request: { hash: 'absent' },
    settings: { API_Disable_hash_checking: '1' },
    expect: method(DENIED),
  },

  // §6 the service's own faults (where the target can inject them).
  {
    group: 'faults',
    name: 'the gateway answers 500',
    fault: { mode: 'http500' },
    request: ask(admin, 6),
    expect: { ...filter('Service temporarily unavailable', 503), headers: { 'retry-after': '5' } },
  },
  {
    group: 'faults',
    name: 'the gateway answers garbage',
    fault: { mode: 'garbage' },
    request: ask(admin, 6),
    expect: filter('Service temporarily unavailable', 503),
  },
  {
    group: 'faults',
    name: 'the gateway drops the connection',
    fault: { mode: 'drop' },
    request: ask(admin, 6),
    expect: filter('Service temporarily unavailable', 503),
  },
  {
    group: 'faults',
    name: 'the gateway hangs past the timeout',
    fault: { mode: 'hang' },
    request: ask(admin, 6),
    expect: filter('Service temporarily unavailable', 503),
  },
  {
    group: 'faults',
    name: 'the database is slower than the timeout',
    fault: { mode: 'latency', latencyOfTimeout: 1.5 },
    request: ask(admin, 6),
    expect: filter('Service temporarily unavailable', 503),
  },
  {
    group: 'faults',
    name: 'a slow database within the timeout still answers',
    fault: { mode: 'latency', latencyOfTimeout: 0.1 },
    request: ask(admin, 6),
    expect: user(6),
  },
];
