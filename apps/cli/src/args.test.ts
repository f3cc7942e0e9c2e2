import { DOCTOR_HELP } from '@m4/doctor';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, MAIN_HELP, parseCliArgs } from './args';

const BASE = ['user-details-raw-get', '--url', 'http://127.0.0.1:8788', '--user', 'admin'];

describe('parseCliArgs', () => {
  it('reads a full command line with defaults', () => {
    expect(parseCliArgs([...BASE, '--user-id', '06'])).toEqual({
      kind: 'run',
      command: {
        url: 'http://127.0.0.1:8788',
        user: 'admin',
        userId: '06',
        format: 'xml',
        method: 'POST',
        timeoutMs: undefined,
        path: undefined,
      },
    });
    const all = parseCliArgs([
      ...BASE,
      '--user-id=7',
      '--format',
      'table',
      '--get',
      '--timeout',
      '2500',
      '--path',
      '/api/user_details_raw_get',
    ]);
    expect(all).toMatchObject({
      kind: 'run',
      command: { userId: '7', format: 'table', method: 'GET', timeoutMs: 2500 },
    });
  });

  it('answers help for the program and for the command', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      expect(parseCliArgs(argv)).toEqual({ kind: 'help', text: MAIN_HELP });
    }
    for (const argv of [
      ['help', 'user-details-raw-get'],
      ['user-details-raw-get', '--help'],
    ]) {
      expect(parseCliArgs(argv)).toEqual({ kind: 'help', text: COMMAND_HELP });
    }
    expect(COMMAND_HELP).toContain('--user-id <id>');
    expect(COMMAND_HELP).toContain('M4_API_SECRET');
  });

  it('hands doctor its own arguments, and has its help', () => {
    expect(parseCliArgs(['doctor', '--json'])).toEqual({ kind: 'doctor', argv: ['--json'] });
    expect(parseCliArgs(['help', 'doctor'])).toEqual({ kind: 'help', text: DOCTOR_HELP });
    expect(MAIN_HELP).toContain('m4api doctor [--json]');
  });

  it('refuses a secret on the command line, naming the safe ways', () => {
    for (const flag of ['--secret', '--secret=s3cret', '--api-secret', '--hash', '--password=x']) {
      const parsed = parseCliArgs([...BASE, '--user-id', '6', flag, 's3cret']);
      expect(parsed.kind).toBe('usage');
      if (parsed.kind === 'usage') {
        expect(parsed.message).toMatch(
          /is not accepted: arguments are visible to other users in ps/,
        );
        expect(parsed.message).toContain('M4_API_SECRET');
        expect(parsed.message).not.toContain('s3cret');
      }
    }
  });

  it('names what is wrong with a bad command line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['users-get'], /unknown command "users-get"/],
      [['help', 'nope'], /no help for "nope"/],
      [BASE, /missing --user-id/],
      [['user-details-raw-get'], /missing --url, --user, --user-id/],
      [[...BASE, '--user-id', '6', '--format', 'yaml'], /--format must be one of xml, json, table/],
      [
        [...BASE, '--user-id', '6', '--timeout', '1.5'],
        /--timeout must be a positive whole number/,
      ],
      [[...BASE, '--user-id', '6', '--timeout', '0'], /--timeout must be/],
      [[...BASE, '--user-id', '6', '--verbose'], /Unknown option '--verbose'/],
      [[...BASE, '--user-id', '6', 'extra'], /unexpected argument "extra"/],
      [['user-details-raw-get', '--url', 'ftp://x', '--user', 'a', '--user-id', '6'], /http/],
      [
        ['user-details-raw-get', '--url', 'http://u:pw@x', '--user', 'a', '--user-id', '6'],
        /must not carry a user or password/,
      ],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseCliArgs(argv);
      expect(parsed.kind, argv.join(' ')).toBe('usage');
      if (parsed.kind === 'usage') {
        expect(parsed.message).toMatch(message);
        expect(parsed.message).toMatch(/Run 'm4api .*--help' for usage\.$/);
      }
    }
  });
});
