import { describe, expect, it } from 'vitest';
import { DEFAULT_MYSQL_URL, readConfig } from './config';

describe('readConfig', () => {
  it('defaults to the dev database, port 8788 and a 5 s bound', () => {
    expect(readConfig({})).toEqual({
      ok: true,
      config: { mysqlUrl: DEFAULT_MYSQL_URL, port: 8788, timeoutMs: 5000 },
    });
  });

  it('reads MYSQL_URL, PORT and DB_TIMEOUT_MS', () => {
    const env = { MYSQL_URL: 'mysql://u:p@db:3307/m4', PORT: '0', DB_TIMEOUT_MS: '250' };
    expect(readConfig(env)).toEqual({
      ok: true,
      config: { mysqlUrl: 'mysql://u:p@db:3307/m4', port: 0, timeoutMs: 250 },
    });
  });

  it('names what is wrong', () => {
    expect(readConfig({ MYSQL_URL: 'postgres://x/y' })).toEqual({
      ok: false,
      error: 'MYSQL_URL must be a mysql:// URL',
    });
    expect(readConfig({ PORT: '80.5' }).ok).toBe(false);
    expect(readConfig({ PORT: '70000' }).ok).toBe(false);
    expect(readConfig({ DB_TIMEOUT_MS: '0' }).ok).toBe(false);
    expect(readConfig({ DB_TIMEOUT_MS: 'soon' }).ok).toBe(false);
  });
});
