import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildRequestContext,
  GENERATE_COMMAND,
  REQUEST_CONTEXT_FILE,
  requestContextSource,
} from '../scripts/request-context-source';
import { RETURNED_USER_COLUMNS, requestContextStatement } from '../src/index';

const STALE = `src/request-context.generated.ts is stale: run \`${GENERATE_COMMAND}\` and commit it`;

describe('src/request-context.generated.ts', () => {
  it('is byte for byte what drizzle builds from the tables now', () => {
    const committed = readFileSync(REQUEST_CONTEXT_FILE, 'utf8');
    expect(committed === requestContextSource(), STALE).toBe(true);
  });

  it('is what the statement serves', () => {
    expect(requestContextStatement().sql).toBe(buildRequestContext().sql);
  });
});

describe('requestContextStatement', () => {
  const statement = requestContextStatement();

  it('is built once and then reused', () => {
    expect(requestContextStatement()).toBe(statement);
  });

  it('has one text for every input; inputs are bound parameters only', () => {
    const attack = "x' OR '1'='1";
    const valid = statement.params({ username: 'alice_probe', userId: '05' });
    const other = statement.params({ username: attack, userId: 'abc' });
    expect(statement.sql).not.toContain('alice_probe');
    expect(statement.sql).not.toContain(attack);
    expect(valid.slice(-2)).toEqual(['alice_probe', 5]);
    expect(other.slice(-2)).toEqual([attack, null]);
    expect(valid.slice(0, -2)).toEqual(other.slice(0, -2));
    expect(statement.sql.match(/\?/g)).toHaveLength(valid.length);
  });

  it('binds the setting and right names as parameters too', () => {
    expect(statement.params({ username: null, userId: null })).toEqual([
      'Allow_API',
      'Allow_GET_API',
      'API_Secret_Key',
      'API_Disable_hash_checking',
      'USERS_Users',
      'Show_only_assigned_Users',
      null,
      null,
    ]);
  });

  it('reads no target for a user_id that is not 1-10 ASCII digits', () => {
    for (const userId of ['abc', '', '12345678901', '-1', ' 6', '6.0', '0x6', '٦', null]) {
      expect(statement.params({ username: 'admin', userId }).at(-1), String(userId)).toBeNull();
    }
    expect(statement.params({ username: 'admin', userId: '0000000006' }).at(-1)).toBe(6);
  });

  it('names its target columns explicitly, never *, never an omitted column', () => {
    const { sql } = statement;
    expect(sql).not.toMatch(/\*/);
    for (const omitted of ['password', 'uniquehash', 'two_fa_authenticator_secret']) {
      expect(sql).not.toContain(`\`${omitted}\``);
    }
    for (const column of RETURNED_USER_COLUMNS) expect(sql).toContain(`\`t\`.\`${column}\``);
    expect(sql.match(/\bselect\b/gi)).toHaveLength(1 + 4 + 2 + 1 + 1);
  });

  it('gives the computed fields short names', () => {
    for (const name of [
      'allow_api',
      'allow_get_api',
      'api_secret_key',
      'api_disable_hash_checking',
      'users_right',
      'show_only_assigned_right',
    ]) {
      expect(statement.sql).toContain(`) as \`${name}\``);
    }
  });

  describe('decode', () => {
    const width = 4 + 5 + RETURNED_USER_COLUMNS.length;
    const row = (fill: (index: number) => unknown) =>
      Array.from({ length: width }, (_, i) => fill(i));

    it('maps positions to settings, requester and target, in select-list order', () => {
      const values = row((i) => String(i));
      const context = statement.decode(values);
      expect(context.settings).toEqual({
        allowApi: '0',
        allowGetApi: '1',
        secretKey: '2',
        disableHashChecking: '3',
      });
      // INT columns decode as numbers (drizzle's own decoding); computed rights pass as they are.
      expect(context.requester).toEqual({
        id: 4,
        usertype: '5',
        showOnlyAssignedUsers: 6,
        usersRight: '7',
        showOnlyAssignedRight: '8',
      });
      expect(Object.keys(context.target ?? {})).toEqual([...RETURNED_USER_COLUMNS]);
      expect(context.target?.id).toBe(9);
      expect(context.target?.username).toBe('10');
    });

    it('has no requester or target when the join left its id NULL', () => {
      const context = statement.decode(row((i) => (i === 4 || i === 9 ? null : 'x')));
      expect(context.requester).toBeNull();
      expect(context.target).toBeNull();
    });

    it('refuses a row of another width', () => {
      expect(() => statement.decode(row(() => null).slice(1))).toThrow(/fields, expected/);
    });
  });
});
