import type { RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MYSQL_URL } from './config';
import { createMysqlPool } from './database';

describe('createMysqlPool', () => {
  it('keeps values raw whatever the caller asks for', async () => {
    const server = new URL(process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL);
    server.pathname = '/';
    const pool = createMysqlPool(server.toString(), {
      dateStrings: false,
      bigNumberStrings: false,
      timezone: 'local',
      connectionLimit: 1,
    });
    try {
      const [rows] = await pool.query<RowDataPacket[]>(
        `SELECT 9223372036854775807 AS big, CAST('2024-02-29 23:59:58' AS DATETIME) AS at,
           CAST('1999-12-31' AS DATE) AS day, CAST(0.5 AS DECIMAL(30,15)) AS amount, 'ąčę😀' AS text`,
      );
      expect(rows[0]).toEqual({
        big: '9223372036854775807',
        at: '2024-02-29 23:59:58',
        day: '1999-12-31',
        amount: '0.500000000000000',
        text: 'ąčę😀',
      });
    } finally {
      await pool.end();
    }
  });
});
