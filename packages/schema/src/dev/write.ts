import type { Table } from 'drizzle-orm';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { conflines, managerGroupRights, managerGroups, managerRights, users } from '../tables';
import { connect, ZERO_DATE_SQL_MODE } from './database';
import type { DemoDataset } from './seed';

export interface WriteDatasetOptions {
  /** Empty the five tables first (only those: the rest of the database is untouched). */
  truncate?: boolean;
  /** Rows per multi-row INSERT. Default 1000. */
  batchSize?: number;
}

type Rows = readonly Record<string, unknown>[];

/** Writes the dataset with batched multi-row INSERTs in one transaction; id 0 stays 0. */
export async function writeDataset(
  mysqlUrl: string,
  dataset: DemoDataset,
  options: WriteDatasetOptions = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 1000;
  const plan: [Table, Rows][] = [
    [users, dataset.users],
    [conflines, dataset.conflines],
    [managerGroups, dataset.managerGroups],
    [managerRights, dataset.managerRights],
    [managerGroupRights, dataset.managerGroupRights],
  ];
  const connection = await connect(mysqlUrl);
  try {
    await connection.query('SET SESSION sql_mode = ?', [
      `NO_AUTO_VALUE_ON_ZERO,${ZERO_DATE_SQL_MODE}`,
    ]);
    if (options.truncate) {
      for (const [table] of plan)
        await connection.query('TRUNCATE TABLE ??', [getTableName(table)]);
    }
    await connection.beginTransaction();
    for (const [table, rows] of plan) {
      const columns = Object.entries(getTableColumns(table));
      const names = columns.map(([, column]) => column.name);
      for (let start = 0; start < rows.length; start += batchSize) {
        const values = rows
          .slice(start, start + batchSize)
          .map((row) => columns.map(([key]) => row[key] ?? null));
        await connection.query('INSERT INTO ?? (??) VALUES ?', [
          getTableName(table),
          names,
          values,
        ]);
      }
    }
    await connection.commit();
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    await connection.end();
  }
}
