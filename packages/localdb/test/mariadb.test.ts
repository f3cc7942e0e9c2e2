import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createConnection } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase, ensureMariadb, withDatabaseName } from '../src/index';
import { MYSQL_SERVER } from './support';

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function databaseExists(name: string): Promise<boolean> {
  const conn = await createConnection({ uri: MYSQL_SERVER });
  try {
    const [rows] = await conn.query('SHOW DATABASES LIKE ?', [name]);
    return (rows as unknown[]).length === 1;
  } finally {
    await conn.end();
  }
}

describe('ensureMariadb', () => {
  it('uses the server that answers, and its stop() leaves that server running', async () => {
    const handle = await ensureMariadb({ mysqlUrl: `${MYSQL_SERVER}/m4_dev` });
    expect(handle.started).toBe(false);
    expect(handle.mysqlUrl).toBe(`${MYSQL_SERVER}/m4_dev`);
    await handle.stop();
    const again = await ensureMariadb({ mysqlUrl: MYSQL_SERVER });
    expect(again.started).toBe(false);
  });

  it('with no server and no mariadbd binary, says how to install MariaDB or set MYSQL_URL', async () => {
    const port = await unusedPort();
    await expect(
      ensureMariadb({
        mysqlUrl: `mysql://root@127.0.0.1:${port}/m4_dev`,
        mariadbdPath: '/nonexistent/mariadbd',
        dataDir: '/nonexistent/data',
      }),
    ).rejects.toThrow(/127\.0\.0\.1:\d+.*apt-get install mariadb-server.*MYSQL_URL/);
  });
});

describe('database helpers', () => {
  it('withDatabaseName points a URL at another database and keeps the rest', () => {
    expect(withDatabaseName('mysql://root:pw@127.0.0.1:3307/m4_dev?ssl=false', 'm4_t_x')).toBe(
      'mysql://root:pw@127.0.0.1:3307/m4_t_x?ssl=false',
    );
    expect(withDatabaseName('mysql://root@127.0.0.1', 'other')).toBe(
      'mysql://root@127.0.0.1/other',
    );
  });

  it('validates names', async () => {
    expect(() => withDatabaseName(MYSQL_SERVER, 'bad-name')).toThrow(TypeError);
    await expect(createDatabase(MYSQL_SERVER, 'x`; DROP DATABASE mysql; --')).rejects.toThrow(
      TypeError,
    );
    await expect(dropDatabase(MYSQL_SERVER, '')).rejects.toThrow(TypeError);
    await expect(dropDatabase(MYSQL_SERVER, 'mysql')).rejects.toThrow(/system database/);
  });

  it('creates (once, unless ifNotExists) and drops a database', async () => {
    const name = `m4_t_localdb_helpers_${randomBytes(4).toString('hex')}`;
    try {
      const url = await createDatabase(`${MYSQL_SERVER}/m4_dev`, name);
      expect(url).toBe(withDatabaseName(MYSQL_SERVER, name));
      expect(await databaseExists(name)).toBe(true);
      await expect(createDatabase(MYSQL_SERVER, name)).rejects.toThrow(/exists/);
      await expect(createDatabase(MYSQL_SERVER, name, { ifNotExists: true })).resolves.toBe(url);
    } finally {
      await dropDatabase(MYSQL_SERVER, name);
    }
    expect(await databaseExists(name)).toBe(false);
    await expect(dropDatabase(MYSQL_SERVER, name)).resolves.toBeUndefined();
  });
});
