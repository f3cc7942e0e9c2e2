/**
 * Profile of one Execute of the service's statement (160 fields, one row) through the gateway:
 * where the gateway's time goes (HTTP + auth, mysql2 + MariaDB, encoding the answer, the rest:
 * writing it, glue) and what a caller in Node sees (`Client.execute`, a bare fetch). On a
 * database of its own (the demo set), dropped at the end; bounded by BENCH_GATEWAY_ITERATIONS
 * (default 400: ≈ 15 s). Checks that the answer is byte for byte what the object form of the
 * encoding gives, and exits non-zero if not.
 *
 * `pnpm --filter @m4/localdb bench` writes bench/results/execute-profile.json (elsewhere with
 * BENCH_GATEWAY_RESULTS=<file>, nowhere with BENCH_GATEWAY_RESULTS=0).
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { mkdir, writeFile } from 'node:fs/promises';
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
// @m4/schema depends on this package (for its database helpers): it is reached through
// tsconfig paths, not declared, which would make the workspace graph cyclic.
import { requestContextStatement } from '@m4/schema';
import {
  createTestDatabase,
  DEFAULT_MYSQL_URL,
  DEMO,
  generateDemoDataset,
  writeDataset,
} from '@m4/schema/dev';
import { Client, format } from '@planetscale/database';
import { createPool, type PoolConnection } from 'mysql2/promise';
import * as executor from '../src/executor';
import { ensureMariadb, startGateway } from '../src/index';
import * as encoding from '../src/result-encoding';
import { type Summary, summarize } from './stats';

const ITERATIONS = Number(process.env.BENCH_GATEWAY_ITERATIONS ?? 400);
const WARMUP = 50;
const RESULTS = new URL('./results/execute-profile.json', import.meta.url);
const EXECUTE = '/psdb.v1alpha1.Database/Execute';
const CREATE_SESSION = '/psdb.v1alpha1.Database/CreateSession';
const SESSION = { gateway: 'm4-localdb' } as const;
const TIMING = /"timing":[^}]*\}$/;

/**
 * The statement the worker sends for admin reading DEMO.user: the prebuilt text with its values
 * quoted as @planetscale/database quotes them (@m4/database sends exactly this text).
 */
function workerStatement(): string {
  const statement = requestContextStatement();
  return format(
    statement.sql,
    statement.params({ username: DEMO.admin.username, userId: String(DEMO.user.id) }),
  );
}

/** A span on the performance.now() clock. */
interface Span {
  start: number;
  end: number;
}

/** Each request the gateway answered, by path: from its headers read to its answer written. */
function serverSpans(): { take(path: string): Span[]; stop(): void } {
  const seen = new Map<string, Span[]>();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: unknown })[]) {
      const url = (entry.detail as { req?: { url?: string } } | undefined)?.req?.url ?? '';
      const span = { start: entry.startTime, end: entry.startTime + entry.duration };
      const spans = seen.get(url);
      if (spans === undefined) seen.set(url, [span]);
      else spans.push(span);
    }
  });
  observer.observe({ entryTypes: ['http'] });
  return {
    take: (path) => {
      const samples = seen.get(path) ?? [];
      seen.set(path, []);
      return samples;
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * Each run of `statement` on mysql2 inside the gateway, from the call to its callback (MariaDB's
 * work, the wire, mysql2 parsing the answer), by mysql2's tracing channel. Runs on the bench's
 * own connection are left out while `paused`.
 */
function mysqlSpans(statement: string) {
  const channel = tracingChannel<object, { query?: unknown }>('mysql2:query');
  const started = new WeakMap<object, number>();
  let samples: Span[] = [];
  const state = { paused: false };
  const handlers = {
    start: (context: { query?: unknown }) => {
      if (!state.paused && context.query === statement) started.set(context, performance.now());
    },
    end: () => undefined,
    asyncStart: (context: { query?: unknown }) => {
      const start = started.get(context);
      if (start !== undefined) samples.push({ start, end: performance.now() });
    },
    asyncEnd: () => undefined,
    error: () => undefined,
  };
  channel.subscribe(handlers);
  return {
    state,
    take: () => {
      const taken = samples;
      samples = [];
      return taken;
    },
    stop: () => channel.unsubscribe(handlers),
  };
}

type Raw = { fields: encoding.MysqlField[]; rows: encoding.RawValue[][] };

/** The statement straight on mysql2, as the gateway runs it; fresh column definitions each time. */
async function directQuery(conn: PoolConnection, query: string): Promise<Raw> {
  const [rows, fields] = await conn.query({ sql: query, rowsAsArray: true, typeCast: false });
  return {
    fields: fields as unknown as encoding.MysqlField[],
    rows: rows as encoding.RawValue[][],
  };
}

/** The encoding before the JSON-text rework: objects, then JSON.stringify of the whole body. */
function encodeAsObjects(raw: Raw): string {
  const result = encoding.encodeResultSet(raw.fields, raw.rows);
  return JSON.stringify({ session: SESSION, result, timing: 0.001 });
}

/** The gateway's own encoding, where this checkout has it (undefined on older commits). */
function textEncoder(): ((raw: Raw) => string) | undefined {
  const cache = 'FieldsJsonCache' in encoding ? new encoding.FieldsJsonCache() : undefined;
  if (cache === undefined || !('executeBodyJson' in executor)) return undefined;
  return (raw) => {
    const resultJson = encoding.encodeResultSetJson(raw.fields, raw.rows, cache);
    return executor.executeBodyJson({ session: SESSION, resultJson, timing: 0.001 });
  };
}

const ms = (value: number) => Math.round(value * 1000) / 1000;
const rounded = (s: Summary): Summary => ({
  n: s.n,
  p50: ms(s.p50),
  p90: ms(s.p90),
  p99: ms(s.p99),
  min: ms(s.min),
});

async function main(): Promise<void> {
  const mariadb = await ensureMariadb({ mysqlUrl: process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL });
  const database = await createTestDatabase('localdb_bench', mariadb.mysqlUrl);
  const pool = createPool({
    uri: database.mysqlUrl,
    connectionLimit: 1,
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: 'utf8mb4',
  });
  const gateway = await startGateway({ mysqlUrl: database.mysqlUrl, port: 0 });
  const observed = serverSpans();
  let inGateway = mysqlSpans('');
  let failed = false;
  try {
    await writeDataset(database.mysqlUrl, generateDemoDataset());
    const query = workerStatement();
    inGateway.stop();
    inGateway = mysqlSpans(query);
    const base = new URL(gateway.url);
    const credentials = `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`;
    const post = async (path: string, body: string): Promise<string> => {
      const res = await fetch(`http://${base.host}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(credentials)}`,
          'content-type': 'application/json',
        },
        body,
      });
      return res.text();
    };
    const executeBody = JSON.stringify({ query, session: null });
    const client = new Client({ url: gateway.url });
    const conn = await pool.getConnection();
    await conn.query("SET time_zone = '+00:00', sql_mode = 'NO_ENGINE_SUBSTITUTION'");

    // the answer on the wire must be the object form's JSON, byte for byte (timing aside)
    const answer = await post(EXECUTE, executeBody);
    const first = await directQuery(conn, query);
    const columns = first.fields.length;
    const reference = encodeAsObjects(first);
    if (answer.replace(TIMING, '') !== reference.replace(TIMING, '')) {
      failed = true;
      console.error('MISMATCH: the gateway answered other bytes than the reference encoding');
    }

    const asText = textEncoder();
    const samples = {
      fetch: [] as number[],
      client: [] as number[],
      encodeObjects: [] as number[],
      encodeText: [] as number[],
    };
    const time = async <T>(into: number[] | undefined, fn: () => T | Promise<T>): Promise<T> => {
      const start = performance.now();
      const value = await fn();
      into?.push(performance.now() - start);
      return value;
    };
    const direct = async () => {
      inGateway.state.paused = true;
      try {
        return await directQuery(conn, query);
      } finally {
        inGateway.state.paused = false;
      }
    };
    // every path once per round, so that load on the shared machine hits them alike
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const keep = i >= WARMUP;
      const into = (list: number[]) => (keep ? list : undefined);
      await time(into(samples.fetch), () => post(EXECUTE, executeBody));
      await time(into(samples.client), () => client.execute(query));
      await post(CREATE_SESSION, '{}');
      const raw = await direct();
      await time(into(samples.encodeObjects), () => encodeAsObjects(raw));
      if (asText !== undefined) {
        const fresh = await direct();
        await time(into(samples.encodeText), () => asText(fresh));
      }
      if (i === WARMUP - 1) {
        observed.take(EXECUTE);
        observed.take(CREATE_SESSION);
        inGateway.take();
      }
    }
    conn.release();
    // each Execute split at its query: before it (body, JSON, auth, a pooled connection), the
    // query itself, after it (encoding, writing the answer)
    const executes = observed.take(EXECUTE);
    const queries = inGateway.take();
    const split = { before: [] as number[], query: [] as number[], after: [] as number[] };
    for (const request of executes) {
      const query = queries.find((q) => q.start >= request.start && q.end <= request.end);
      if (query === undefined) continue;
      split.before.push(query.start - request.start);
      split.query.push(query.end - query.start);
      split.after.push(request.end - query.end);
    }
    const serverExecute = summarize(executes.map((r) => r.end - r.start));
    const phases = {
      beforeQuery: summarize(split.before),
      mysql2AndMariadb: summarize(split.query),
      afterQuery: summarize(split.after),
      encode: summarize(asText === undefined ? samples.encodeObjects : samples.encodeText),
    };
    const createSession = summarize(observed.take(CREATE_SESSION).map((r) => r.end - r.start));
    const write = phases.afterQuery.p50 - phases.encode.p50;
    const share = (value: number) => `${((100 * value) / serverExecute.p50).toFixed(0)} %`;
    const report = {
      format: 'm4-localdb-execute-profile/1',
      at: new Date().toISOString(),
      node: process.version,
      iterations: ITERATIONS,
      encoder: asText === undefined ? 'objects + JSON.stringify' : 'JSON text, cached fields',
      statement: {
        chars: query.length,
        fields: columns,
        answerBytes: Buffer.byteLength(answer),
      },
      clientObserved: {
        clientExecute: rounded(summarize(samples.client)),
        fetchExecute: rounded(summarize(samples.fetch)),
      },
      gatewayExecute: rounded(serverExecute),
      phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, rounded(v)])),
      writeAndGlueP50: ms(write),
      createSessionCall: rounded(createSession),
      encodeInProcess: {
        objectsAndStringify: rounded(summarize(samples.encodeObjects)),
        ...(asText === undefined ? {} : { jsonText: rounded(summarize(samples.encodeText)) }),
      },
    };
    const line = (label: string, value: number, withShare = true) =>
      console.log(
        `  ${label.padEnd(34)} ${value.toFixed(3).padStart(7)} ms${withShare ? `  ${share(value).padStart(5)}` : ''}`,
      );
    console.log(
      `Execute of the ${report.statement.fields}-field statement (${report.statement.answerBytes} B answer), ${ITERATIONS} calls, p50; encoder: ${report.encoder}`,
    );
    line('gateway, server side', serverExecute.p50);
    line('before the query: body, auth, pool', phases.beforeQuery.p50);
    line('mysql2 query incl. MariaDB', phases.mysql2AndMariadb.p50);
    line('after the query', phases.afterQuery.p50);
    line('  encode fields + rows (in process)', phases.encode.p50);
    line('  the rest: write the answer, glue', write);
    line('(a CreateSession call: HTTP + auth)', createSession.p50);
    line('client: Client.execute', report.clientObserved.clientExecute.p50, false);
    line('client: bare fetch', report.clientObserved.fetchExecute.p50, false);
    line('in process: objects + stringify', report.encodeInProcess.objectsAndStringify.p50, false);
    if (report.encodeInProcess.jsonText !== undefined) {
      line('in process: JSON text, cached fields', report.encodeInProcess.jsonText.p50, false);
    }
    const target = process.env.BENCH_GATEWAY_RESULTS ?? RESULTS;
    if (target !== '0') {
      await mkdir(new URL('.', RESULTS), { recursive: true });
      await writeFile(target, `${JSON.stringify(report, null, 2)}\n`);
    }
  } finally {
    observed.stop();
    inGateway.stop();
    await gateway.close();
    await pool.end();
    await database.drop();
    await mariadb.stop();
  }
  if (failed) process.exitCode = 1;
}

await main();
