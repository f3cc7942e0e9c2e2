import { describe, expect, it } from 'vitest';
import { isSettingOn, secretKeyOf } from './settings';

describe('isSettingOn', () => {
  it.each(['1', '01', '+1', ' 1 ', '001', '+0001', '\t1\n', '1 '])('%j is on', (value) => {
    expect(isSettingOn(value)).toBe(true);
  });

  it.each([
    '1.0',
    'yes',
    'true',
    'on',
    '',
    '   ',
    '0',
    '00',
    '-1',
    '-01',
    '2',
    '10',
    '11',
    '1e0',
    '0x1',
    '+-1',
    '++1',
    '1 1',
    '１',
    '+',
  ])('%j is off', (value) => {
    expect(isSettingOn(value)).toBe(false);
  });

  it('treats a missing row as off', () => {
    expect(isSettingOn(null)).toBe(false);
    expect(isSettingOn(undefined)).toBe(false);
  });
});

describe('secretKeyOf', () => {
  it.each([null, '', ' ', '\t\n '])('%j is no secret', (secretKey) => {
    expect(secretKeyOf({ secretKey })).toBeNull();
  });

  it('keeps a secret exactly as stored, surrounding spaces included', () => {
    expect(secretKeyOf({ secretKey: 'secret' })).toBe('secret');
    expect(secretKeyOf({ secretKey: ' se cret\n' })).toBe(' se cret\n');
  });

  it('reads the secret from a whole settings row', () => {
    const settings = { allowApi: '1', allowGetApi: '0', secretKey: 'k', disableHashChecking: '0' };
    expect(secretKeyOf(settings)).toBe('k');
  });
});
