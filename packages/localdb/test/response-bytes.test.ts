import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Gateway, startGateway } from '../src/index';
import { type TestDatabase, testDatabase } from './support';

/**
 * The exact bytes the gateway answers, compared with a golden recorded before the encoder was
 * reworked (regenerate only on purpose: UPDATE_GOLDEN=1). Three things vary between runs and
 * are masked: the database name, the timing and a transaction's id.
 */
const GOLDEN = new URL('./golden/execute-responses.json', import.meta.url);

/** Named, so that a server with another default collation answers the same charset ids. */
const COLLATION = 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci';

const SETUP = [
  `CREATE TABLE types (
    id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
    i int(11) NULL, ti tinyint(4) NULL, si smallint(6) NULL, bi bigint(20) NULL,
    d30 decimal(30,15) NULL, d10 decimal(10,4) NULL, dt datetime NULL, da date NULL,
    en enum('yes','no','global') NULL, tx text NULL, vc varchar(50) NULL
  ) ${COLLATION}`,
  `INSERT INTO types VALUES
    (1, -2147483648, -128, 32767, 9223372036854775807, -999999999999999.999999999999999,
     -123456.7890, '0000-00-00 00:00:00', '2008-01-01', 'global',
     'ąčęėįšųūž Привет 😀🚀 <&>"\\' \\0 \\Z tab\\tline\\nend', 'ąčęėįšųūž Привет 😀'),
    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (3, 2147483647, 127, -32768, -9223372036854775808, 10.5, 0.0001, '2026-12-07 10:00:00',
     '0000-00-00', 'no', '', '')`,
  `CREATE TABLE others (
    id int unsigned NOT NULL PRIMARY KEY, mi mediumint NULL, umi mediumint unsigned NULL,
    ubi bigint unsigned NULL, uti tinyint unsigned NULL, f float NULL, d double NULL,
    b bit(5) NULL, y year NULL, t time(3) NULL, ts timestamp(6) NULL DEFAULT NULL,
    c char(3) NULL, bn binary(4) NULL, vb varbinary(8) NULL, bl blob NULL, lt longtext NULL,
    j json NULL, s set('a','b','c') NULL, e enum('x','y') NOT NULL DEFAULT 'x',
    cl varchar(10) CHARACTER SET latin1 NULL
  ) ${COLLATION}`,
  `INSERT INTO others VALUES
    (1, -8388608, 16777215, 18446744073709551615, 255, 1.5, -2.25e-300, b'10101', 2026,
     '-838:59:59.000', '2026-12-07 10:00:00.123456', 'ab', x'00ff0001', x'deadbeef',
     x'000102', 'long', '{"a": [1, "ü"]}', 'a,c', 'y', 'äö'),
    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     NULL, NULL, NULL, 'x', NULL)`,
];

/** Statements run in order through Execute; `tx` ones carry the session of the open transaction. */
const CASES: { query: string; tx?: true }[] = [
  { query: 'SELECT * FROM types ORDER BY id' },
  { query: 'SELECT * FROM others ORDER BY id' },
  { query: 'SELECT t.*, o.* FROM types t LEFT JOIN others o ON o.id = t.id ORDER BY t.id' },
  { query: 'SELECT id AS x, id AS x, i AS `ü name` FROM types WHERE id = 1' },
  { query: "SELECT 1, NULL, 'x', 1.5, -0.0, 2e0, CAST('ab' AS BINARY), NOW() IS NOT NULL" },
  { query: 'SELECT id, tx FROM types WHERE id = -1' },
  { query: 'SELECT COUNT(*) AS n, SUM(d10) AS s, MAX(dt) AS m FROM types' },
  { query: '(SELECT id FROM types) UNION ALL (SELECT 7) ORDER BY 1' },
  { query: 'INSERT INTO types (vc) VALUES (NULL), (NULL)' },
  { query: "UPDATE types SET vc = 'z' WHERE id = -1" },
  { query: 'CREATE TABLE scratch (a int)' },
  { query: 'DROP TABLE scratch' },
  { query: 'SELECT * FROM no_such_table' },
  { query: 'SELEC 1' },
  { query: 'BEGIN' },
  { query: "INSERT INTO types (vc) VALUES ('in tx')", tx: true },
  { query: "SELECT vc FROM types WHERE vc = 'in tx'", tx: true },
  { query: 'SET @a = 1', tx: true },
  { query: 'ROLLBACK', tx: true },
  { query: 'SELECT 1', tx: true },
  { query: 'SELECT * FROM types ORDER BY id' },
];

let db: TestDatabase;
let gateway: Gateway;

beforeAll(async () => {
  db = await testDatabase('bytes');
  for (const statement of SETUP) await db.sql(statement);
  gateway = await startGateway({ mysqlUrl: db.url, port: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await db?.drop();
});

interface Recorded {
  query: string;
  status: number;
  body: string;
}

async function execute(query: string, session: unknown): Promise<{ status: number; text: string }> {
  const url = new URL(gateway.url);
  const res = await fetch(`http://${url.host}/psdb.v1alpha1.Database/Execute`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('dev:dev')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, session }),
    signal: AbortSignal.timeout(5000),
  });
  expect(res.headers.get('content-type')).toBe('application/json');
  const text = await res.text();
  expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
  return { status: res.status, text };
}

const TIMING = /,"timing":(-?\d+(?:\.\d+)?(?:e-?\d+)?)\}$/;

function masked(text: string, transaction: string | undefined): string {
  let out = text.split(db.name).join('<database>');
  if (transaction !== undefined) out = out.split(transaction).join('<transaction>');
  const timing = TIMING.exec(out);
  if (timing !== null) {
    expect(Number(timing[1])).toBeGreaterThanOrEqual(0);
    out = out.replace(TIMING, ',"timing":"<timing>"}');
  }
  return out;
}

it('answers every statement byte for byte as recorded', async () => {
  const recorded: Recorded[] = [];
  let session: unknown = null;
  let transaction: string | undefined;
  for (const c of CASES) {
    const { status, text } = await execute(c.query, c.tx ? session : null);
    const parsed = JSON.parse(text) as { session?: { transaction?: string } };
    if (c.query === 'BEGIN') {
      session = parsed.session;
      transaction = parsed.session?.transaction;
    }
    recorded.push({ query: c.query, status, body: masked(text, transaction) });
  }
  if (process.env.UPDATE_GOLDEN === '1') {
    await writeFile(GOLDEN, `${JSON.stringify(recorded, null, 2)}\n`);
  }
  const golden = JSON.parse(await readFile(GOLDEN, 'utf8')) as Recorded[];
  expect(recorded).toEqual(golden);
});

it('answers the fields of the schema as it is now, for the same statement text', async () => {
  const fieldsOf = async () => {
    const { text } = await execute('SELECT * FROM shape', null);
    const body = JSON.parse(text) as { result: { fields: { name: string; type: string }[] } };
    return body.result.fields.map((f) => `${f.name} ${f.type}`);
  };
  await db.sql('CREATE TABLE shape (a int NULL, b varchar(5) NULL)');
  expect(await fieldsOf()).toEqual(['a INT32', 'b VARCHAR']);
  await db.sql('ALTER TABLE shape MODIFY a bigint NULL, ADD c date NULL');
  expect(await fieldsOf()).toEqual(['a INT64', 'b VARCHAR', 'c DATE']);
  await db.sql('ALTER TABLE shape DROP c, MODIFY a int NULL');
  expect(await fieldsOf()).toEqual(['a INT32', 'b VARCHAR']);
});
