import type { RawSettings } from './context';

const SIGNED_INTEGER = /^([+-]?)0*([0-9]+)$/;

/** On when the trimmed value is an optional sign and digits whose integer value is 1. */
export function isSettingOn(value: string | null | undefined): boolean {
  if (value == null) return false;
  const match = SIGNED_INTEGER.exec(value.trim());
  return match !== null && match[1] !== '-' && match[2] === '1';
}

/** `API_Secret_Key` exactly as stored, or null when it is empty after trimming. */
export function secretKeyOf(settings: Pick<RawSettings, 'secretKey'>): string | null {
  const { secretKey } = settings;
  return secretKey == null || secretKey.trim() === '' ? null : secretKey;
}
