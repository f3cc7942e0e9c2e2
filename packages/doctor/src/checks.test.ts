import { describe, expect, it } from 'vitest';
import { type Finding, runChecks } from './checks';
import { EXPECTED_COLUMNS, EXPECTED_TABLES } from './expected';
import type { DatabaseFacts, SettingRow } from './facts';

const setting = (id: number, name: SettingRow['name'], text: string | null, ownerId = 0) =>
  ({ id, name, ownerId, value: { kind: 'text', text } }) satisfies SettingRow;

/** What the demo database looks like to the checks. */
function demoFacts(): DatabaseFacts {
  return {
    server: { version: '10.11.19-MariaDB', database: 'm4' },
    tables: [...EXPECTED_TABLES],
    columns: EXPECTED_COLUMNS.map((c) => ({ table: c.table, name: c.name, type: c.type })),
    usernameIndexes: { ok: true, value: ['username'] },
    settings: {
      ok: true,
      value: [
        setting(1, 'Allow_API', '1'),
        setting(2, 'Allow_GET_API', '0'),
        {
          id: 3,
          name: 'API_Secret_Key',
          ownerId: 0,
          value: { kind: 'secret', characters: 14, blank: false },
        },
        setting(4, 'API_Disable_hash_checking', '0'),
      ],
    },
    rights: { ok: true, value: ['USERS_Users', 'show_only_assigned_users'] },
    writeGrants: { ok: true, value: [] },
    statement: { ok: true, value: [3, 1, 2, 1, 1] },
  };
}

const byId = (findings: Finding[], id: string) => findings.find((f) => f.id === id);
const statuses = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.id, f.status]));

describe('runChecks', () => {
  it('passes the demo shape without a warning', () => {
    const findings = runChecks(demoFacts());
    expect(findings.filter((f) => f.status === 'warn' || f.status === 'fail')).toEqual([]);
    expect(byId(findings, 'setting:API_Secret_Key')?.result).toBe('set, 14 characters');
    expect(byId(findings, 'round-trip')?.result).toBe(
      'median 1.0 ms over 5 runs (min 1.0 ms, max 3.0 ms)',
    );
  });

  it('fails missing tables and columns, and says every request would be a 503', () => {
    const facts = demoFacts();
    facts.tables = facts.tables.filter((t) => t !== 'manager_group_rights');
    facts.columns = facts.columns.filter(
      (c) => c.table !== 'manager_group_rights' && c.name !== 'balance' && c.name !== 'owner_id',
    );
    const findings = runChecks(facts);
    expect(byId(findings, 'tables')).toMatchObject({
      status: 'fail',
      result: 'missing manager_group_rights',
    });
    expect(byId(findings, 'users-columns')).toMatchObject({
      status: 'fail',
      result: 'missing balance, owner_id',
    });
    expect(byId(findings, 'other-columns')).toMatchObject({
      status: 'fail',
      result: 'missing conflines.owner_id',
    });
    expect(byId(findings, 'tables')?.advice).toMatch(/503/);
  });

  it('fails a type that changes the text, notes one that does not', () => {
    const facts = demoFacts();
    facts.columns = facts.columns.map((c) =>
      c.table === 'users' && c.name === 'logged'
        ? { ...c, type: 'bigint(20)' }
        : c.table === 'users' && c.name === 'balance_min'
          ? { ...c, type: 'decimal(30,15)' }
          : c,
    );
    const findings = runChecks(facts);
    expect(byId(findings, 'column-types')?.status).toBe('fail');
    expect(byId(findings, 'column-types')?.result).toMatch(
      /logged bigint\(20\) \(expected tinyint\)/,
    );
    expect(byId(findings, 'column-type-details')?.result).toMatch(/balance_min decimal\(30,15\)/);
  });

  it('warns of missing settings rows with their effective values', () => {
    const facts = demoFacts();
    facts.settings = { ok: true, value: [setting(9, 'Allow_API', '1', 5)] };
    const findings = runChecks(facts);
    expect(statuses(findings)).toMatchObject({
      'setting:Allow_API': 'warn',
      'setting:Allow_GET_API': 'warn',
      'setting:API_Secret_Key': 'warn',
      'setting:API_Disable_hash_checking': 'warn',
    });
    expect(byId(findings, 'setting:Allow_API')?.result).toMatch(
      /^no global row \(rows for other owners exist.*off, the API is disabled/,
    );
    expect(byId(findings, 'setting:Allow_GET_API')?.result).toMatch(/off \(POST only\)/);
    expect(byId(findings, 'setting:API_Disable_hash_checking')?.result).toMatch(
      /off \(hash checked\)/,
    );
  });

  it('warns when the API is off, GET on, hashes unchecked, the secret blank; lowest id wins', () => {
    const facts = demoFacts();
    facts.settings = {
      ok: true,
      value: [
        setting(1, 'Allow_API', ' 0 '),
        setting(7, 'Allow_API', '1'),
        setting(2, 'Allow_GET_API', '+1'),
        {
          id: 3,
          name: 'API_Secret_Key',
          ownerId: 0,
          value: { kind: 'secret', characters: 2, blank: true },
        },
        setting(4, 'API_Disable_hash_checking', '01'),
      ],
    };
    const findings = runChecks(facts);
    expect(byId(findings, 'setting:Allow_API')?.result).toMatch(
      /^" 0 " \(2 global rows: the lowest id wins\): off/,
    );
    expect(byId(findings, 'setting:Allow_GET_API')?.result).toMatch(/GET is allowed/);
    expect(byId(findings, 'setting:API_Disable_hash_checking')?.result).toMatch(
      /hash checking is disabled/,
    );
    expect(byId(findings, 'setting:API_Secret_Key')?.result).toMatch(/^empty/);
  });

  it('warns of absent rights, no username index, extra columns and write access', () => {
    const facts = demoFacts();
    facts.rights = { ok: true, value: [] };
    facts.usernameIndexes = { ok: true, value: [] };
    facts.columns.push({ table: 'users', name: 'crm_id', type: 'int(11)' });
    facts.writeGrants = { ok: true, value: [{ privileges: ['INSERT'], on: 'm4.*' }] };
    const findings = runChecks(facts);
    expect(statuses(findings)).toMatchObject({
      'right:USERS_Users': 'warn',
      'right:Show_only_assigned_Users': 'warn',
      'username-index': 'warn',
      'extra-columns': 'warn',
      'write-access': 'warn',
    });
    expect(byId(findings, 'extra-columns')?.result).toBe('not returned: crm_id');
    expect(byId(findings, 'write-access')?.result).toBe('can write: INSERT on m4.*');
    expect(byId(findings, 'username-index')?.advice).toMatch(/CREATE INDEX/);
  });

  it('compares the round trip with DB_TIMEOUT_MS', () => {
    const facts = demoFacts();
    facts.statement = { ok: true, value: [30, 30, 30] };
    expect(byId(runChecks(facts, 100), 'round-trip')?.status).toBe('info');
    expect(byId(runChecks(facts, 50), 'round-trip')).toMatchObject({
      status: 'warn',
      result: expect.stringMatching(/over half of DB_TIMEOUT_MS 50$/),
    });
    expect(byId(runChecks(facts, 20), 'round-trip')).toMatchObject({
      status: 'fail',
      advice: expect.stringMatching(/503/),
    });
  });

  it('fails a failed statement and notes grants it could not check', () => {
    const facts = demoFacts();
    facts.statement = { ok: false, error: "Unknown column 't.balance' in 'SELECT'" };
    facts.writeGrants = { ok: false, error: 'not supported' };
    const findings = runChecks(facts);
    expect(byId(findings, 'statement')).toMatchObject({ status: 'fail' });
    expect(byId(findings, 'round-trip')).toBeUndefined();
    expect(byId(findings, 'write-access')?.status).toBe('info');
  });
});
