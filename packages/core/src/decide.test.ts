import { describe, expect, it } from 'vitest';
import type { RawSettings, Requester } from './context';
import { decide, type Outcome } from './decide';
import { type M4ErrorName, m4Error } from './errors';
import { apiHash } from './hash';
import type { MethodParams } from './params';

interface Target {
  id: number | string | null;
  responsible_accountant_id: number | string | null;
  username: string;
}

const SECRET = 'secret';
const SETTINGS: RawSettings = {
  allowApi: '1',
  allowGetApi: '1',
  secretKey: SECRET,
  disableHashChecking: '0',
};
const ADMIN: Requester = {
  id: 0,
  usertype: 'admin',
  showOnlyAssignedUsers: 0,
  usersRight: null,
  showOnlyAssignedRight: null,
};
const MANAGER: Requester = {
  id: 7,
  usertype: 'manager',
  showOnlyAssignedUsers: 0,
  usersRight: 2,
  showOnlyAssignedRight: 0,
};
const TARGET: Target = { id: 5, responsible_accountant_id: -1, username: 'john' };

interface Case {
  method?: 'GET' | 'POST';
  settings?: Partial<RawSettings>;
  /** Parameters; `hash` is computed over u + user_id + secret unless given (or `null`: absent). */
  params?: Omit<MethodParams, 'hash'> & { hash?: string | null };
  requester?: Partial<Requester> | null;
  /** Based on the admin unless said otherwise. */
  as?: 'admin' | 'manager';
  target?: Partial<Target> | null;
}

async function run(c: Case): Promise<{ outcome: Outcome<Target>; target: Target | null }> {
  const settings = { ...SETTINGS, ...c.settings };
  const base = c.as === 'manager' ? MANAGER : ADMIN;
  const requester = c.requester === null ? null : { ...base, ...c.requester };
  const target = c.target === null ? null : { ...TARGET, ...c.target };
  const { hash: given, ...rest } = c.params ?? {};
  const raw = { u: 'admin', user_id: '5', ...rest };
  const hash =
    given === null
      ? undefined
      : (given ?? (await apiHash(raw.u ?? '', raw.user_id ?? '', settings.secretKey ?? '')));
  const params: MethodParams = { ...raw, ...(hash === undefined ? {} : { hash }) };
  const outcome = await decide({
    method: c.method ?? 'POST',
    params,
    context: { settings, requester, target },
  });
  return { outcome, target };
}

async function expectOutcome(c: Case, expected: M4ErrorName | 'ok'): Promise<void> {
  const { outcome, target } = await run(c);
  if (expected === 'ok') {
    expect(outcome).toEqual({ kind: 'ok', user: target });
    if (outcome.kind === 'ok') expect(outcome.user).toBe(target);
  } else {
    expect(outcome).toEqual(m4Error(expected));
  }
}

type Row = [string, Case, M4ErrorName | 'ok'];

function table(rows: Row[]): void {
  it.each(rows)('%s', async (_label, c, expected) => {
    await expectOutcome(c, expected);
  });
}

const NO_HASH_CHECK = { disableHashChecking: '1' };
const RESTRICTED = { showOnlyAssignedUsers: 1 };

describe('decide: success', () => {
  table([
    ['admin reads a user over POST', {}, 'ok'],
    ['admin reads a user over GET when allowed', { method: 'GET' }, 'ok'],
    ['manager with the users right reads a user', { as: 'manager' }, 'ok'],
  ]);
});

describe('decide: row 1, Allow_API', () => {
  table(
    [null, '', '0', '00', '-1', '2', '1.0', 'yes', 'true', ' ', '1e0', '0x1'].flatMap(
      (allowApi): Row[] => [
        [`${JSON.stringify(allowApi)} over POST`, { settings: { allowApi } }, 'api_disabled'],
        [
          `${JSON.stringify(allowApi)} over GET`,
          { method: 'GET', settings: { allowApi } },
          'api_disabled',
        ],
      ],
    ),
  );
  table(
    ['1', '01', '+1', ' 1 ', '001'].map(
      (allowApi): Row => [`${JSON.stringify(allowApi)} is on`, { settings: { allowApi } }, 'ok'],
    ),
  );
  table([
    [
      'decides before every later row',
      {
        method: 'GET',
        settings: { allowApi: '0', allowGetApi: '0', secretKey: '' },
        params: { u: undefined, user_id: 'x', hash: 'bad' },
        requester: null,
        target: null,
      },
      'api_disabled',
    ],
  ]);
});

describe('decide: row 2, Allow_GET_API', () => {
  table(
    [null, '', '0', '2', 'yes'].flatMap((allowGetApi): Row[] => [
      [
        `GET with ${JSON.stringify(allowGetApi)}`,
        { method: 'GET', settings: { allowGetApi } },
        'get_disabled',
      ],
      [`POST with ${JSON.stringify(allowGetApi)}`, { settings: { allowGetApi } }, 'ok'],
    ]),
  );
  table([
    ['GET with " 01 "', { method: 'GET', settings: { allowGetApi: ' 01 ' } }, 'ok'],
    [
      'decides before the secret and the hash',
      { method: 'GET', settings: { allowGetApi: '0', secretKey: '' }, params: { hash: 'bad' } },
      'get_disabled',
    ],
  ]);
});

describe('decide: row 3, API_Secret_Key', () => {
  table(
    [null, '', ' ', '\t\n'].flatMap((secretKey): Row[] => [
      [`secret ${JSON.stringify(secretKey)}`, { settings: { secretKey } }, 'secret_key_missing'],
      [
        `secret ${JSON.stringify(secretKey)} with no hash`,
        { settings: { secretKey }, params: { hash: null } },
        'secret_key_missing',
      ],
      [
        `secret ${JSON.stringify(secretKey)} over GET`,
        { method: 'GET', settings: { secretKey } },
        'secret_key_missing',
      ],
      [
        `secret ${JSON.stringify(secretKey)} with hash checking disabled`,
        { settings: { secretKey, ...NO_HASH_CHECK } },
        'ok',
      ],
    ]),
  );
  table([
    [
      'decides before an unknown requester',
      { settings: { secretKey: '' }, requester: null },
      'secret_key_missing',
    ],
  ]);
});

describe('decide: row 4, hash', () => {
  const expected = '80ea571b1932bfecb937013966849154cb995e05'; // admin + 5 + secret
  table([
    ['the spec vector', { params: { hash: expected } }, 'ok'],
    ['upper-case hex', { params: { hash: expected.toUpperCase() } }, 'ok'],
    ['a wrong hash', { params: { hash: `0${expected.slice(1)}` } }, 'incorrect_hash'],
    ['a truncated hash', { params: { hash: expected.slice(0, 39) } }, 'incorrect_hash'],
    ['a longer hash', { params: { hash: `${expected}0` } }, 'incorrect_hash'],
    ['a missing hash', { params: { hash: null } }, 'incorrect_hash'],
    ['an empty hash', { params: { hash: '' } }, 'incorrect_hash'],
    ['a hash with spaces', { params: { hash: ` ${expected}` } }, 'incorrect_hash'],
    [
      'the hash of another user_id',
      { params: { user_id: '6', hash: expected }, target: { id: 6 } },
      'incorrect_hash',
    ],
    ['the hash of another u', { params: { u: 'Admin', hash: expected } }, 'incorrect_hash'],
    [
      'a hash over the trimmed secret when the secret has spaces',
      { settings: { secretKey: ' secret ' }, params: { hash: expected } },
      'incorrect_hash',
    ],
    ['a hash over the untrimmed secret', { settings: { secretKey: ' secret ' } }, 'ok'],
    [
      'the hash of user_id 5 when 05 was sent',
      { params: { user_id: '05', hash: expected } },
      'incorrect_hash',
    ],
    ['the hash of 05 when 05 was sent (reads user 5)', { params: { user_id: '05' } }, 'ok'],
    [
      'decides before an unknown requester',
      { params: { hash: 'bad' }, requester: null },
      'incorrect_hash',
    ],
    [
      'decides before an invalid user_id',
      { params: { user_id: 'abc', hash: expected }, target: null },
      'incorrect_hash',
    ],
  ]);

  table(
    ['0', 'no', 'true', '', null, '2'].flatMap((disableHashChecking): Row[] => [
      [
        `checked when API_Disable_hash_checking is ${JSON.stringify(disableHashChecking)}`,
        { settings: { disableHashChecking }, params: { hash: 'bad' } },
        'incorrect_hash',
      ],
    ]),
  );

  table(
    ['1', ' 1', '+1', '01'].flatMap((disableHashChecking): Row[] => [
      [
        `any hash when checking is off (${JSON.stringify(disableHashChecking)})`,
        { settings: { disableHashChecking }, params: { hash: 'anything' } },
        'ok',
      ],
      [
        `no hash when checking is off (${JSON.stringify(disableHashChecking)})`,
        { settings: { disableHashChecking }, params: { hash: null } },
        'ok',
      ],
    ]),
  );

  it('hashes absent u and user_id as empty strings', async () => {
    const hash = await apiHash('', '', SECRET);
    const outcome = await decide({
      method: 'POST',
      params: { hash },
      context: { settings: SETTINGS, requester: ADMIN, target: TARGET },
    });
    // The hash passes; the absent u then fails row 5.
    expect(outcome).toEqual(m4Error('unknown_requester'));
  });
});

describe('decide: row 5, requester', () => {
  table([
    ['no user has that username', { requester: null }, 'unknown_requester'],
    ['no user, over GET', { method: 'GET', requester: null }, 'unknown_requester'],
    [
      'u absent, even if a requester was passed',
      { settings: NO_HASH_CHECK, params: { u: undefined } },
      'unknown_requester',
    ],
    ['u empty and a user with an empty name', { params: { u: '' } }, 'ok'],
    [
      'decides before the usertype',
      { requester: null, target: null, params: { user_id: 'x' } },
      'unknown_requester',
    ],
  ]);
});

describe('decide: row 6, admin or manager', () => {
  table(
    [
      'user',
      'reseller',
      'accountant',
      '',
      null,
      'Admin',
      'ADMIN',
      'Manager',
      ' manager',
      'admin ',
    ].map(
      (usertype): Row => [
        `usertype ${JSON.stringify(usertype)}`,
        { requester: { usertype } },
        'not_privileged',
      ],
    ),
  );
  table(
    [3, '3', 1, -1, null, '', 'x', 0.5].map(
      (id): Row => [
        `usertype admin with id ${JSON.stringify(id)}`,
        { requester: { id } },
        'not_privileged',
      ],
    ),
  );
  table([
    ['admin with id 0', { requester: { id: 0 } }, 'ok'],
    ['admin with id "0"', { requester: { id: '0' } }, 'ok'],
    ['admin with id "00"', { requester: { id: '00' } }, 'ok'],
    ['admin needs no users right', { requester: { usersRight: 0 } }, 'ok'],
    [
      'a user with every right is still not privileged',
      { requester: { usertype: 'user', id: 0, usersRight: 2 } },
      'not_privileged',
    ],
    [
      'decides before an unknown target',
      { requester: { usertype: 'reseller' }, target: null, params: { user_id: 'x' } },
      'not_privileged',
    ],
  ]);
});

describe('decide: row 7, the users right', () => {
  table(
    [0, '0', null, 1, 3, '3', '2.0', '', 2.5].map(
      (usersRight): Row => [
        `manager with usersRight ${JSON.stringify(usersRight)}`,
        { as: 'manager', requester: { usersRight } },
        'missing_users_right',
      ],
    ),
  );
  table([
    ['manager with usersRight 2', { as: 'manager', requester: { usersRight: 2 } }, 'ok'],
    ['manager with usersRight "2"', { as: 'manager', requester: { usersRight: '2' } }, 'ok'],
    [
      'manager with the column flag but no users right',
      { as: 'manager', requester: { usersRight: null, ...RESTRICTED } },
      'missing_users_right',
    ],
    [
      'manager with id 0 is a manager, not an admin',
      { as: 'manager', requester: { id: 0, usersRight: 0 } },
      'missing_users_right',
    ],
    [
      'decides before an unknown target',
      { as: 'manager', requester: { usersRight: 0 }, target: null },
      'missing_users_right',
    ],
  ]);
});

describe('decide: row 8, target', () => {
  const invalid = ['', 'abc', '5a', ' 5', '5 ', '+5', '-5', '5.0', '12345678901', '٥', '0x5'];
  table(
    invalid.flatMap((user_id): Row[] => [
      [
        `user_id ${JSON.stringify(user_id)} even with a target`,
        { params: { user_id } },
        'user_not_found',
      ],
      [
        `user_id ${JSON.stringify(user_id)} for a manager`,
        { as: 'manager', params: { user_id } },
        'user_not_found',
      ],
    ]),
  );
  table([
    [
      'user_id absent',
      { settings: NO_HASH_CHECK, params: { user_id: undefined } },
      'user_not_found',
    ],
    ['no user has that id', { target: null }, 'user_not_found'],
    ['no user, for a manager', { as: 'manager', target: null }, 'user_not_found'],
    ['10 digits', { params: { user_id: '1234567890' }, target: { id: 1234567890 } }, 'ok'],
    ['10 digits with leading zeros', { params: { user_id: '0000000005' } }, 'ok'],
    [
      'user id 0 for a manager',
      { as: 'manager', params: { user_id: '0' }, target: { id: 0 } },
      'ok',
    ],
    [
      'decides before self access',
      { params: { user_id: '00000000000' }, target: { id: 0 } },
      'user_not_found',
    ],
  ]);
});

describe('decide: row 9, self access', () => {
  table([
    ['admin reads itself', { params: { user_id: '0' }, target: { id: 0 } }, 'self_access'],
    [
      'admin reads itself as "00"',
      { params: { user_id: '00' }, target: { id: '0' } },
      'self_access',
    ],
    [
      'manager reads itself',
      { as: 'manager', params: { user_id: '7' }, target: { id: 7 } },
      'self_access',
    ],
    [
      'manager reads itself, ids as strings',
      { as: 'manager', requester: { id: '7' }, params: { user_id: '007' }, target: { id: '07' } },
      'self_access',
    ],
    [
      'decides before the assignment',
      {
        as: 'manager',
        requester: RESTRICTED,
        params: { user_id: '7' },
        target: { id: 7, responsible_accountant_id: -1 },
      },
      'self_access',
    ],
    ['a target without an id is not the requester', { target: { id: null } }, 'ok'],
  ]);
});

describe('decide: row 10, assigned users', () => {
  const restrictions: [string, Partial<Requester>][] = [
    ['column flag 1', { showOnlyAssignedUsers: 1 }],
    ['column flag "1"', { showOnlyAssignedUsers: '1' }],
    ['group right 2', { showOnlyAssignedRight: 2 }],
    ['group right "2"', { showOnlyAssignedRight: '2' }],
    ['both', { showOnlyAssignedUsers: 1, showOnlyAssignedRight: 2 }],
  ];
  table(
    restrictions.flatMap(([label, requester]): Row[] => [
      [
        `${label}: assigned`,
        { as: 'manager', requester, target: { responsible_accountant_id: 7 } },
        'ok',
      ],
      [
        `${label}: assigned, id as string`,
        { as: 'manager', requester, target: { responsible_accountant_id: '7' } },
        'ok',
      ],
      [
        `${label}: assigned to another manager`,
        { as: 'manager', requester, target: { responsible_accountant_id: 8 } },
        'not_assigned',
      ],
      [
        `${label}: assigned to nobody (-1)`,
        { as: 'manager', requester, target: { responsible_accountant_id: -1 } },
        'not_assigned',
      ],
      [
        `${label}: assigned to nobody (null)`,
        { as: 'manager', requester, target: { responsible_accountant_id: null } },
        'not_assigned',
      ],
    ]),
  );
  table(
    [
      [0, 0],
      [null, null],
      ['0', '0'],
      [2, 1],
      [0, 3],
      ['01', null],
    ].map(
      ([showOnlyAssignedUsers, showOnlyAssignedRight]): Row => [
        `unrestricted (flag ${JSON.stringify(showOnlyAssignedUsers)}, right ${JSON.stringify(showOnlyAssignedRight)})`,
        {
          as: 'manager',
          requester: { showOnlyAssignedUsers, showOnlyAssignedRight },
          target: { responsible_accountant_id: -1 },
        },
        showOnlyAssignedUsers === '01' ? 'not_assigned' : 'ok',
      ],
    ),
  );
  table([
    [
      'an admin is never restricted',
      {
        requester: { ...RESTRICTED, showOnlyAssignedRight: 2 },
        target: { responsible_accountant_id: -1 },
      },
      'ok',
    ],
    [
      'a requester without an id is assigned nothing',
      {
        as: 'manager',
        requester: { id: null, ...RESTRICTED },
        target: { responsible_accountant_id: null },
      },
      'not_assigned',
    ],
    [
      'a manager whose id is -1 is not assigned the unassigned',
      {
        as: 'manager',
        requester: { id: -1, ...RESTRICTED },
        target: { responsible_accountant_id: -1 },
      },
      'not_assigned',
    ],
  ]);
});
