import {
  connect,
  createTestDatabase,
  generateDemoDataset,
  type TestDatabase,
  writeDataset,
} from '@m4/schema/dev';
import { runDoctor } from '../src';

/** The global API secret of every test database: no output may contain it. */
export const API_SECRET = 'doctor-secret-5e1f0c9a7b3d';

export interface DemoDatabase extends TestDatabase {
  /** Runs statements directly on the database (not through the doctor). */
  exec(...statements: string[]): Promise<void>;
}

/** A database of the test's own with the demo data (secret {@link API_SECRET}), then `statements`. */
export async function demoDatabase(prefix: string, ...statements: string[]): Promise<DemoDatabase> {
  const database = await createTestDatabase(`doctor_${prefix}`);
  const exec = async (...sqls: string[]) => {
    const connection = await connect(database.mysqlUrl);
    try {
      for (const sql of sqls) await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  try {
    const dataset = generateDemoDataset();
    dataset.conflines = dataset.conflines.map((row) =>
      row.name === 'API_Secret_Key' && row.owner_id === 0 ? { ...row, value: API_SECRET } : row,
    );
    await writeDataset(database.mysqlUrl, dataset);
    await exec(...statements);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return { ...database, exec };
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every output of the file's runs, for the test that no secret ever appears. */
export const outputs: string[] = [];

/** `runDoctor` in this process with exactly `env`. */
export async function doctor(env: Record<string, string>, ...argv: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await runDoctor(argv, {
    env,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  outputs.push(stdout, stderr);
  return { code, stdout, stderr };
}

/** The report line of a check (`FAIL    users columns   missing balance`). */
export function line(stdout: string, check: string): string {
  return stdout.split('\n').find((l) => new RegExp(`^\\S+\\s+${check}\\s{2}`).test(l)) ?? '';
}
