import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTestDatabase, ensureReaderAccount, type TestDatabase } from '../src/dev';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('reader');
});

afterAll(async () => {
  await database?.drop();
});

describe('ensureReaderAccount', () => {
  it('makes an account that reads its database and can change nothing', async () => {
    const reader = await ensureReaderAccount(database.mysqlUrl);
    try {
      expect(reader.user).toBe(`m4r_${database.name}`.slice(0, 32));
      const connection = await connect(reader.mysqlUrl);
      try {
        const [rows] = await connection.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM users');
        expect(Number(rows[0]?.n)).toBe(0);
        await expect(connection.query("INSERT INTO conflines (name) VALUES ('x')")).rejects.toThrow(
          /denied/,
        );
        await expect(connection.query('CREATE DATABASE m4_reader_must_not')).rejects.toThrow(
          /denied/,
        );
        await expect(connection.query('SELECT COUNT(*) FROM mysql.user')).rejects.toThrow(/denied/);
      } finally {
        await connection.end();
      }
    } finally {
      await reader.drop();
    }
  });

  it('reuses the account with a new password; the old one stops working', async () => {
    const first = await ensureReaderAccount(database.mysqlUrl);
    const second = await ensureReaderAccount(database.mysqlUrl);
    try {
      expect(second.user).toBe(first.user);
      expect(second.mysqlUrl).not.toBe(first.mysqlUrl);
      await expect(connect(first.mysqlUrl)).rejects.toThrow(/denied/);
      await (await connect(second.mysqlUrl)).end();
    } finally {
      await second.drop();
    }
    await expect(connect(second.mysqlUrl)).rejects.toThrow(/denied/);
  });
});
