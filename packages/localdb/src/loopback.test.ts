import { expect, it } from 'vitest';
import { assertLoopbackMysql, describeMysqlUrl, isLoopbackHost } from './loopback';

it('knows loopback hosts', () => {
  for (const host of ['localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1']) {
    expect(isLoopbackHost(host)).toBe(true);
  }
  for (const host of ['10.0.0.1', '192.168.1.2', '0.0.0.0', 'db.example.com', '::', '128.0.0.1']) {
    expect(isLoopbackHost(host)).toBe(false);
  }
});

it('refuses a remote MySQL URL unless allowed', () => {
  expect(() => assertLoopbackMysql('mysql://root@db.example.com:3306/m4', false)).toThrow(
    /not loopback.*GATEWAY_ALLOW_REMOTE_MYSQL=1/,
  );
  expect(() => assertLoopbackMysql('mysql://root@db.example.com:3306/m4', true)).not.toThrow();
  expect(() => assertLoopbackMysql('mysql://root@[::1]:3306/m4', false)).not.toThrow();
});

it('describes a URL without its credentials', () => {
  expect(describeMysqlUrl('mysql://root:secret@127.0.0.1/m4_dev')).toEqual({
    host: '127.0.0.1',
    port: 3306,
    database: 'm4_dev',
  });
});
