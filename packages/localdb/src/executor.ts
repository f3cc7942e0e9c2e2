import { randomUUID } from 'node:crypto';
import type { Pool, PoolConnection } from 'mysql2/promise';
import {
  encodeCounts,
  encodeResultSetJson,
  FieldsJsonCache,
  type MysqlField,
  type RawValue,
} from './result-encoding';
import { type StatementKind, statementKind } from './statement-kind';

/** The opaque session object handed to the driver; `transaction` names a pinned connection. */
export interface GatewaySession {
  gateway: 'm4-localdb';
  transaction?: string;
}

export interface RpcError {
  code: string;
  message: string;
}

/** Execute's answer; `executeBodyJson` writes it as the JSON the driver reads. */
export interface ExecuteBody {
  session: GatewaySession;
  /** The result, already proto3 JSON text; left out when empty. */
  resultJson?: string;
  error?: RpcError;
  timing?: number;
}

/**
 * The body as JSON text: what `JSON.stringify` gives for `{ session, result, error, timing }`
 * (in that order, absent ones left out), with the result's text spliced in as it is.
 */
export function executeBodyJson(body: ExecuteBody): string {
  let text = `{"session":${JSON.stringify(body.session)}`;
  if (body.resultJson !== undefined) text += `,"result":${body.resultJson}`;
  if (body.error !== undefined) text += `,"error":${JSON.stringify(body.error)}`;
  if (body.timing !== undefined) text += `,"timing":${JSON.stringify(body.timing)}`;
  return `${text}}`;
}

export type ExecuteOutcome =
  | { status: 200; body: ExecuteBody }
  | { status: 503; body: { error: RpcError } };

export interface ExecutorOptions {
  /** A pinned transaction with no statement for this long is rolled back and released. */
  sessionIdleMs: number;
}

interface PinnedSession {
  id: string;
  conn: PoolConnection;
  timer: NodeJS.Timeout | undefined;
  tail: Promise<unknown>;
  /** ran a session-state statement: close the connection instead of pooling it again */
  dirty: boolean;
}

interface MysqlError {
  errno?: unknown;
  sqlState?: unknown;
  sqlMessage?: unknown;
  message?: unknown;
  code?: unknown;
  fatal?: unknown;
}

/** Each connection runs in UTC and accepts zero dates, like the M4 database and PlanetScale. */
const SESSION_SETUP = "SET time_zone = '+00:00', sql_mode = 'NO_ENGINE_SUBSTITUTION'";
const UNPINNED: GatewaySession = { gateway: 'm4-localdb' };

function pinnedSession(id: string): GatewaySession {
  return { gateway: 'm4-localdb', transaction: id };
}

function transactionIdOf(session: unknown): string | undefined {
  if (typeof session !== 'object' || session === null) return undefined;
  const id = (session as { transaction?: unknown }).transaction;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function asMysqlError(err: unknown): MysqlError {
  return typeof err === 'object' && err !== null ? (err as MysqlError) : {};
}

/** An error the server reported for the statement (not a broken connection). */
function sqlError(err: unknown): RpcError | null {
  const e = asMysqlError(err);
  if (typeof e.errno !== 'number' || e.errno <= 0 || typeof e.sqlState !== 'string') return null;
  const text = typeof e.sqlMessage === 'string' ? e.sqlMessage : String(e.message);
  return { code: 'UNKNOWN', message: `${text} (errno ${e.errno}) (sqlstate ${e.sqlState})` };
}

function unavailable(err: unknown): ExecuteOutcome {
  const code = asMysqlError(err).code;
  const reason = typeof code === 'string' ? code : 'connection failed';
  return {
    status: 503,
    body: { error: { code: 'unavailable', message: `database unreachable (${reason})` } },
  };
}

function isFatal(err: unknown): boolean {
  return asMysqlError(err).fatal === true || sqlError(err) === null;
}

/** Runs statements on a mysql2 pool, pinning one connection per open transaction. */
export class Executor {
  readonly #pool: Pool;
  readonly #options: ExecutorOptions;
  readonly #sessions = new Map<string, PinnedSession>();
  readonly #prepared = new WeakSet<object>();
  readonly #fields = new FieldsJsonCache();

  constructor(pool: Pool, options: ExecutorOptions) {
    this.#pool = pool;
    this.#options = options;
  }

  get openSessions(): number {
    return this.#sessions.size;
  }

  async execute(query: string, session: unknown): Promise<ExecuteOutcome> {
    const kind = statementKind(query);
    const id = transactionIdOf(session);
    if (id !== undefined) {
      const pinned = this.#sessions.get(id);
      if (pinned !== undefined) return this.#onPinned(pinned, query, kind);
      if (kind === 'rollback') return { status: 200, body: { session: UNPINNED } };
      return {
        status: 200,
        body: {
          session: UNPINNED,
          error: {
            code: 'ABORTED',
            message: 'transaction session is unknown or expired; it was rolled back',
          },
        },
      };
    }

    let conn: PoolConnection;
    try {
      conn = await this.#acquire();
    } catch (err) {
      const error = sqlError(err);
      return error === null
        ? unavailable(err)
        : { status: 200, body: { session: UNPINNED, error } };
    }

    if (kind === 'begin') {
      const outcome = await this.#run(conn, query, UNPINNED);
      if (outcome.status !== 200 || outcome.body.error !== undefined) {
        this.#finish(conn, outcome.status !== 200);
        return outcome;
      }
      const pinned: PinnedSession = {
        id: randomUUID(),
        conn,
        timer: undefined,
        tail: Promise.resolve(),
        dirty: false,
      };
      this.#sessions.set(pinned.id, pinned);
      this.#arm(pinned);
      outcome.body.session = pinnedSession(pinned.id);
      return outcome;
    }

    const outcome = await this.#run(conn, query, UNPINNED);
    // session state (SET, USE, LOCK ...) must not leak to the next user of the pooled connection
    this.#finish(conn, outcome.status !== 200 || kind === 'session-state');
    return outcome;
  }

  /** Rolls back every open transaction (by closing its connection). */
  closeSessions(): void {
    for (const pinned of this.#sessions.values()) {
      clearTimeout(pinned.timer);
      pinned.conn.destroy();
    }
    this.#sessions.clear();
  }

  #onPinned(pinned: PinnedSession, query: string, kind: StatementKind): Promise<ExecuteOutcome> {
    const run = async (): Promise<ExecuteOutcome> => {
      if (this.#sessions.get(pinned.id) !== pinned) {
        return {
          status: 200,
          body: {
            session: UNPINNED,
            error: { code: 'ABORTED', message: 'transaction session expired; it was rolled back' },
          },
        };
      }
      clearTimeout(pinned.timer);
      const outcome = await this.#run(pinned.conn, query, pinnedSession(pinned.id));
      if (kind === 'session-state') pinned.dirty = true;
      if (outcome.status !== 200 || kind === 'commit' || kind === 'rollback') {
        this.#sessions.delete(pinned.id);
        this.#finish(pinned.conn, outcome.status !== 200 || pinned.dirty);
        if (outcome.status === 200) outcome.body.session = UNPINNED;
      } else {
        this.#arm(pinned);
      }
      return outcome;
    };
    const next = pinned.tail.then(run, run);
    pinned.tail = next.catch(() => undefined);
    return next;
  }

  #arm(pinned: PinnedSession): void {
    clearTimeout(pinned.timer);
    pinned.timer = setTimeout(() => {
      if (this.#sessions.get(pinned.id) !== pinned) return;
      this.#sessions.delete(pinned.id);
      pinned.conn.query('ROLLBACK').then(
        () => this.#finish(pinned.conn, pinned.dirty),
        () => pinned.conn.destroy(),
      );
    }, this.#options.sessionIdleMs);
    pinned.timer.unref();
  }

  async #acquire(): Promise<PoolConnection> {
    const conn = await this.#pool.getConnection();
    const core = conn.connection;
    if (!this.#prepared.has(core)) {
      // an idle connection that dies would otherwise raise an unhandled 'error' event
      core.on('error', () => undefined);
      try {
        await conn.query(SESSION_SETUP);
      } catch (err) {
        conn.destroy();
        throw err;
      }
      this.#prepared.add(core);
    }
    return conn;
  }

  #finish(conn: PoolConnection, destroy: boolean): void {
    if (destroy) conn.destroy();
    else conn.release();
  }

  async #run(
    conn: PoolConnection,
    query: string,
    session: GatewaySession,
  ): Promise<ExecuteOutcome> {
    const started = process.hrtime.bigint();
    try {
      const [rows, fields] = await conn.query({ sql: query, rowsAsArray: true, typeCast: false });
      const timing = Number(process.hrtime.bigint() - started) / 1e9;
      // proto3 JSON: an empty result (DDL, BEGIN, an UPDATE that matched nothing) is left out
      const resultJson = toResultJson(rows, fields, this.#fields);
      const body: ExecuteBody = resultJson === undefined ? { session } : { session, resultJson };
      body.timing = timing;
      return { status: 200, body };
    } catch (err) {
      if (isFatal(err)) return unavailable(err);
      const error = sqlError(err) ?? { code: 'UNKNOWN', message: 'statement failed' };
      return { status: 200, body: { session, error } };
    }
  }
}

interface OkPacket {
  affectedRows?: number | string;
  insertId?: number | string;
}

function isFieldList(value: unknown): value is MysqlField[] {
  return (
    Array.isArray(value) && value.every((f) => typeof f === 'object' && f !== null && 'name' in f)
  );
}

/**
 * mysql2's answer (rows + fields, or an OK packet; CALL adds one set per SELECT) as proto3 JSON
 * text, `undefined` when empty.
 */
function toResultJson(rows: unknown, fields: unknown, cache: FieldsJsonCache): string | undefined {
  if (isFieldList(fields) && Array.isArray(rows)) {
    return encodeResultSetJson(fields, rows as RawValue[][], cache);
  }
  if (Array.isArray(fields) && Array.isArray(rows) && isFieldList(fields[0])) {
    return encodeResultSetJson(fields[0], rows[0] as RawValue[][], cache);
  }
  const ok = (Array.isArray(rows) ? rows[rows.length - 1] : rows) as OkPacket | undefined;
  const counts = encodeCounts(ok?.affectedRows, ok?.insertId);
  return Object.keys(counts).length === 0 ? undefined : JSON.stringify(counts);
}
