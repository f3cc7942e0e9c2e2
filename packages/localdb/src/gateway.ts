import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool } from 'mysql2/promise';
import { basicAuthChecker } from './basic-auth';
import { Executor, executeBodyJson } from './executor';
import { type Fault, FaultSwitch, parseFault, parseRoundTrip } from './fault';
import {
  BodyTooLarge,
  parseJson,
  readBody,
  sendError,
  sendJson,
  sendJsonText,
  sendText,
} from './http-io';
import { assertLoopbackMysql } from './loopback';
import { StatementCounter } from './statement-counter';

export interface GatewayOptions {
  mysqlUrl: string;
  /** 0 = an ephemeral port; default 3900 */
  port?: number;
  /** default 'dev' */
  username?: string;
  /** default 'dev' */
  password?: string;
  /** default: env GATEWAY_ALLOW_REMOTE_MYSQL=1 */
  allowRemoteMysql?: boolean;
  /** an open transaction idle this long is rolled back; default 30 000 */
  sessionIdleMs?: number;
  /** mysql2 pool size; default 20 */
  connectionLimit?: number;
  /** how many request ids the statement counter remembers; default 10 000 */
  requestIdCapacity?: number;
}

export interface Gateway {
  /** 'http://dev:dev@127.0.0.1:<port>': hand it to `new Client({ url })` */
  url: string;
  port: number;
  /** 'http://127.0.0.1:<port>/_admin' */
  adminUrl: string;
  /** Execute calls seen for this X-Request-Id, or in total without one. */
  statements(requestId?: string): number;
  setFault(f: Fault | null): void;
  /** Adds this many ms to every Execute call (a simulated network round trip). */
  setRoundTrip(ms: number): void;
  /** Counters to zero, fault cleared, round trip 0. */
  reset(): void;
  /** Closes the server and the pool, ends hung requests, rolls back open transactions. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const RPC = '/psdb.v1alpha1.Database/';
const BODY_LIMIT = 16 * 1024 * 1024;

interface Pending {
  cancel(): void;
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const allowRemote = opts.allowRemoteMysql ?? process.env.GATEWAY_ALLOW_REMOTE_MYSQL === '1';
  assertLoopbackMysql(opts.mysqlUrl, allowRemote);
  const username = opts.username ?? 'dev';
  const password = opts.password ?? 'dev';
  const authorized = basicAuthChecker(username, password);

  const pool = createPool({
    uri: opts.mysqlUrl,
    connectionLimit: opts.connectionLimit ?? 20,
    multipleStatements: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: 'utf8mb4',
    // no stack capture per query: a SQL error is answered by errno, state and message only
    trace: false,
    // statements arrive complete (the driver inlines its parameters) and the gateway binds no
    // values, so mysql2's placeholder scan of every statement text finds nothing to do
    queryFormat: (sql: string) => sql,
  });
  const executor = new Executor(pool, { sessionIdleMs: opts.sessionIdleMs ?? 30_000 });
  const counter = new StatementCounter(opts.requestIdCapacity);
  const faults = new FaultSwitch();
  const pending = new Set<Pending>();
  let roundTripMs = 0;
  let closing = false;

  /** Resolves true after `ms`, false when the client went away or the gateway is closing. */
  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      if (ms <= 0) return resolve(!closing);
      const entry: Pending = {
        cancel: () => {
          clearTimeout(timer);
          pending.delete(entry);
          res.off('close', entry.cancel);
          resolve(false);
        },
      };
      const timer = setTimeout(() => {
        pending.delete(entry);
        res.off('close', entry.cancel);
        resolve(!closing);
      }, ms);
      pending.add(entry);
      res.on('close', entry.cancel);
    });

  /** Never answers: the socket stays open until the client aborts or the gateway closes. */
  const hang = (res: ServerResponse): void => {
    const entry: Pending = { cancel: () => res.socket?.destroy() };
    pending.add(entry);
    res.on('close', () => pending.delete(entry));
  };

  const execute = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const requestId = req.headers['x-request-id'];
    counter.count(Array.isArray(requestId) ? requestId[0] : requestId);
    if (roundTripMs > 0 && !(await wait(roundTripMs, res))) return;
    const fault = faults.take();
    switch (fault?.mode) {
      case 'latency':
        if (!(await wait(fault.latencyMs ?? 0, res))) return;
        break;
      case 'http500':
        return sendText(res, 500, 'internal server error (injected fault)');
      case 'garbage':
        return sendText(res, 200, '<html><body>this is not JSON (injected fault)</body></html>');
      case 'drop':
        req.socket.destroy();
        return;
      case 'hang':
        return hang(res);
      default:
        break;
    }
    if (!authorized(req.headers.authorization)) return unauthenticated(res);
    const parsed = parseJson(body);
    const request = parsed.ok ? parsed.value : undefined;
    const query = (request as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') {
      return sendError(res, 400, 'invalid_argument', 'body must be {"query": string, "session"}');
    }
    const outcome = await executor.execute(query, (request as { session?: unknown }).session);
    if (closing || res.destroyed) return;
    if (outcome.status === 200) sendJsonText(res, 200, executeBodyJson(outcome.body));
    else sendJson(res, outcome.status, outcome.body);
  };

  const admin = (req: IncomingMessage, res: ServerResponse, path: string, body: Buffer) => {
    const route = `${req.method} ${path}`;
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (route === 'GET /_admin/statements') {
      const requestId = url.searchParams.get('request_id');
      if (requestId === null) return sendJson(res, 200, { total: counter.total });
      return sendJson(res, 200, { requestId, statements: counter.forRequest(requestId) });
    }
    if (route === 'GET /_admin/fault') {
      return sendJson(res, 200, { fault: faults.current, roundTripMs });
    }
    if (route === 'DELETE /_admin/fault') {
      faults.set(null);
      return sendJson(res, 200, { fault: null });
    }
    if (route === 'POST /_admin/reset') {
      reset();
      return sendJson(res, 200, { total: 0, fault: null, roundTripMs: 0 });
    }
    if (route === 'PUT /_admin/fault' || route === 'PUT /_admin/round-trip') {
      const json = parseJson(body);
      if (!json.ok) return sendError(res, 400, 'invalid_argument', 'body must be JSON');
      if (route === 'PUT /_admin/fault') {
        const fault = parseFault(json.value);
        if (!fault.ok) return sendError(res, 400, 'invalid_argument', fault.error);
        faults.set(fault.value);
        return sendJson(res, 200, { fault: faults.current });
      }
      const ms = parseRoundTrip(json.value);
      if (!ms.ok) return sendError(res, 400, 'invalid_argument', ms.error);
      roundTripMs = ms.value;
      return sendJson(res, 200, { ms: roundTripMs });
    }
    return sendError(res, 404, 'not_found', `no admin route ${route}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    let body: Buffer;
    try {
      body = await readBody(req, BODY_LIMIT);
    } catch (err) {
      if (err instanceof BodyTooLarge)
        return sendError(res, 413, 'resource_exhausted', err.message);
      res.destroy();
      return;
    }
    if (path.startsWith('/_admin/')) return admin(req, res, path, body);
    if (req.method === 'POST' && path === `${RPC}Execute`) return execute(req, res, body);
    if (req.method === 'POST' && path === `${RPC}CreateSession`) {
      if (!authorized(req.headers.authorization)) return unauthenticated(res);
      return sendJson(res, 200, { session: { gateway: 'm4-localdb' } });
    }
    return sendError(res, 404, 'not_found', 'no such endpoint');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendError(res, 500, 'internal', 'gateway fault');
    });
  });
  // Node closes an idle keep-alive socket after 5 s; a client (workerd's fetch) that picks the
  // same socket at that moment loses its request ("Network connection lost"). Outlive the
  // client's idle pool instead, as load balancers do; close() still ends every connection.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3900, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    await pool.end().catch(() => undefined);
    const code = (err as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new Error(`gateway port ${opts.port} on ${HOST} is in use`);
    throw err;
  });

  const port = (server.address() as AddressInfo).port;
  const reset = () => {
    counter.reset();
    faults.set(null);
    roundTripMs = 0;
  };
  let closed: Promise<void> | undefined;

  return {
    url: `http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${HOST}:${port}`,
    port,
    adminUrl: `http://${HOST}:${port}/_admin`,
    statements: (requestId) =>
      requestId === undefined ? counter.total : counter.forRequest(requestId),
    setFault: (f) => {
      const fault = parseFault(f);
      if (!fault.ok) throw new TypeError(`invalid fault: ${fault.error}`);
      faults.set(fault.value);
    },
    setRoundTrip: (ms) => {
      const parsed = parseRoundTrip({ ms });
      if (!parsed.ok) throw new TypeError(parsed.error);
      roundTripMs = parsed.value;
    },
    reset,
    close: () => {
      closed ??= (async () => {
        closing = true;
        for (const entry of [...pending]) entry.cancel();
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await serverClosed;
        executor.closeSessions();
        await pool.end();
      })();
      return closed;
    },
  };
}

function unauthenticated(res: ServerResponse): void {
  res.setHeader('www-authenticate', 'Basic realm="m4-localdb"');
  sendError(res, 401, 'unauthenticated', 'invalid or missing credentials');
}
