import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apiHash,
  decide,
  isSettingOn,
  isUserId,
  M4_ERRORS,
  type M4Error,
  type M4ErrorName,
  MAX_BODY_BYTES,
  type MethodParams,
  type RawSettings,
  type Requester,
  readParams,
  secretKeyOf,
} from '../src/index';

const runs = Number(process.env.FUZZ_RUNS ?? '') || 300;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const options = { numRuns: runs, ...(seed === undefined ? {} : { seed }) };

const DECISION_ERRORS: readonly M4ErrorName[] = [
  'api_disabled',
  'get_disabled',
  'secret_key_missing',
  'incorrect_hash',
  'unknown_requester',
  'not_privileged',
  'missing_users_right',
  'user_not_found',
  'self_access',
  'not_assigned',
];

function expectCatalogued(error: M4Error, allowed: readonly M4ErrorName[]): void {
  expect(allowed).toContain(error.name);
  expect(error).toEqual({ kind: 'error', name: error.name, ...M4_ERRORS[error.name] });
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '0', '1', '01', ' 1 ', '+1', '-1', '2', '1.0', 'yes', '0x1'),
);
// Biased towards "on" so that most runs get past rows 1–3 and reach the later rows.
const on = fc.constantFrom('1', '01', ' 1 ', '+1');
const setting = fc.oneof({ weight: 12, arbitrary: on }, fc.constant(null), text);
const hashSwitch = fc.oneof(
  { weight: 3, arbitrary: on },
  { weight: 6, arbitrary: fc.constant('0') },
  fc.constant(null),
  text,
);
const dbInt = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(0, 2, 7, 1, -1, '0', '2', '7') },
  fc.constant(null),
  fc.integer({ min: -3, max: 10 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom('0', '00', '2', '7', '-1', '', ' 2 ', '2.0', 'abc', '99999999999999999999'),
  fc.string(),
);
const settings: fc.Arbitrary<RawSettings> = fc.record({
  allowApi: setting,
  allowGetApi: setting,
  secretKey: fc.oneof({ weight: 12, arbitrary: fc.constant('secret') }, fc.constant(null), text),
  disableHashChecking: hashSwitch,
});
const requester: fc.Arbitrary<Requester | null> = fc.option(
  fc.record({
    id: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(0, '0') }, dbInt),
    usertype: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('admin', 'manager') },
      fc.constant(null),
      fc.constantFrom('user', 'reseller', 'accountant', ''),
      fc.string(),
    ),
    showOnlyAssignedUsers: fc.oneof(fc.constantFrom(1, '1'), dbInt),
    usersRight: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(2, '2') }, dbInt),
    showOnlyAssignedRight: dbInt,
  }),
  { freq: 10 },
);
const target = fc.option(
  fc.record({
    id: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(0, '0', 7, '7') }, dbInt),
    responsible_accountant_id: dbInt,
    extra: fc.string(),
  }),
  { freq: 10 },
);
const userId = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('0', '2', '7', '07') },
  fc.stringMatching(/^[0-9]{1,11}$/),
  fc.string(),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 10, nil: undefined });
const params: fc.Arbitrary<MethodParams> = fc.record({
  u: maybe(fc.oneof(fc.constant('admin'), text)),
  user_id: maybe(userId),
  hash: maybe(text),
});

describe('decide never throws and answers only catalogued outcomes', () => {
  it('for arbitrary inputs, reaching every row', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST' as const),
        params,
        settings,
        requester,
        target,
        fc.nat(4),
        async (method, raw, settings, requester, target, unsigned) => {
          // Most runs carry the right hash, so the later rows are reached too.
          const secret = secretKeyOf(settings);
          const p: MethodParams =
            unsigned > 0 && secret !== null
              ? { ...raw, hash: await apiHash(raw.u ?? '', raw.user_id ?? '', secret) }
              : raw;
          const outcome = await decide({
            method,
            params: p,
            context: { settings, requester, target },
          });
          const name = outcome.kind === 'ok' ? 'ok' : outcome.name;
          seen.set(name, (seen.get(name) ?? 0) + 1);
          if (outcome.kind === 'ok') {
            expect(outcome.user).toBe(target);
            expect(isSettingOn(settings.allowApi)).toBe(true);
            if (method === 'GET') expect(isSettingOn(settings.allowGetApi)).toBe(true);
            expect(requester).not.toBeNull();
            expect(['admin', 'manager']).toContain(requester?.usertype);
            expect(isUserId(p.user_id)).toBe(true);
            if (!isSettingOn(settings.disableHashChecking)) {
              expect(secret).not.toBeNull();
              const expected = await apiHash(p.u ?? '', p.user_id ?? '', secret ?? '');
              expect(p.hash?.toLowerCase()).toBe(expected);
            }
          } else {
            expectCatalogued(outcome, DECISION_ERRORS);
          }
        },
      ),
      options,
    );
    // Every row is reached in a default-sized run (a handful of times at the least).
    if (runs >= 300) {
      expect([...seen.keys()].sort()).toEqual([...DECISION_ERRORS, 'ok'].sort());
    }
  });
});

const contentType = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/json',
    'APPLICATION/JSON; charset=utf-8',
    'multipart/form-data; boundary=xyz',
    'multipart/form-data',
    'text/plain',
  ),
  fc.string(),
);
const jsonish = fc
  .jsonValue()
  .map((value) => JSON.stringify(value))
  .chain((json) => fc.oneof(fc.constant(json), fc.constant(json.slice(0, -1))));
const body = fc.oneof(
  fc.constant(null),
  fc
    .constantFrom(MAX_BODY_BYTES, MAX_BODY_BYTES + 1)
    .map((size) => new Uint8Array(size).fill(0x61)),
  fc.uint8Array({ maxLength: 200 }),
  fc
    .oneof(jsonish, fc.string(), fc.string({ unit: 'binary' }))
    .map((s) => new TextEncoder().encode(s)),
  fc
    .array(fc.tuple(fc.constantFrom('u', 'user_id', 'hash', 'x'), fc.string()), { maxLength: 4 })
    .map((parts) => {
      const fields = parts
        .map(
          ([name, value]) =>
            `--xyz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        )
        .join('');
      return new TextEncoder().encode(`${fields}--xyz--\r\n`);
    }),
);

describe('readParams never throws and answers only catalogued outcomes', () => {
  it('for arbitrary requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary' }),
        contentType,
        body,
        async (query, ct, bytes) => {
          const result = await readParams({ query, contentType: ct, body: bytes });
          if ('ok' in result) {
            for (const [key, value] of Object.entries(result.params)) {
              expect(['u', 'user_id', 'hash']).toContain(key);
              expect(typeof value).toBe('string');
            }
          } else {
            expectCatalogued(result, ['malformed_request', 'request_too_large']);
          }
        },
      ),
      options,
    );
  });
});
