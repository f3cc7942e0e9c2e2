import { describe, expect, it } from 'vitest';
import { parseDoctorArgs } from './args';

describe('parseDoctorArgs', () => {
  it('reads --json and --from', () => {
    expect(parseDoctorArgs([])).toEqual({ kind: 'run', json: false, from: undefined });
    expect(parseDoctorArgs(['--json', '--from', 'MYSQL_URL'])).toEqual({
      kind: 'run',
      json: true,
      from: 'MYSQL_URL',
    });
    expect(parseDoctorArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('refuses a URL on the command line without echoing it', () => {
    for (const argv of [['mysql://root:pw-1234@db/m4'], ['--from', 'mysql://root:pw-1234@db/m4']]) {
      const parsed = parseDoctorArgs(argv);
      expect(parsed.kind).toBe('usage');
      if (parsed.kind === 'usage') expect(parsed.message).not.toContain('pw-1234');
    }
    expect(parseDoctorArgs(['--verbose']).kind).toBe('usage');
  });
});
