/**
 * A loopback TCP proxy in front of MariaDB that reads the MySQL packet framing of what clients
 * send, counts their statements, and can inject the faults of the conformance suite: `latency`
 * (server bytes delayed), `hang` (nothing forwarded until cleared), `drop` (connections cut),
 * `http500` (the server answers a statement with an error packet) and `garbage` (bytes that
 * are no MySQL response).
 *
 * Apart from the faults, `setRoundTrip(ms)` simulates a far database the way Hyperdrive meets
 * one: the client (the Worker) talks to a near pooler that holds warm connections to the far
 * server, so its handshake stays near and only a statement crosses the long leg. The server's
 * answer to each statement command is held until `ms` after the command passed the proxy; the
 * handshake and other commands (ping, quit, change of database) are not delayed.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyFaultMode = 'latency' | 'http500' | 'garbage' | 'drop' | 'hang';
export interface ProxyFault {
  mode: ProxyFaultMode;
  latencyMs?: number;
}

export interface MysqlProxy {
  port: number;
  /** `mysqlUrl` with its host and port replaced by the proxy's. */
  urlFor(mysqlUrl: string): string;
  /** Statements (COM_QUERY, COM_STMT_PREPARE, COM_STMT_EXECUTE) clients have sent. */
  readonly statements: number;
  /** Client connections accepted so far. */
  readonly connections: number;
  /** Client connections open now. */
  readonly open: number;
  setFault(fault: ProxyFault | null): void;
  /**
   * The simulated round trip to the database, in ms (0 = none): the answer to a statement
   * command sent from now on comes no earlier than `ms` after the command. Integer, 0–60000.
   */
  setRoundTrip(ms: number): void;
  readonly roundTripMs: number;
  close(): Promise<void>;
}

const COM_QUIT = 0x01;
const STATEMENT_COMMANDS = new Set([0x03, 0x16, 0x17]);
const MAX_ROUND_TRIP_MS = 60_000;

/** ER_SERVER_SHUTDOWN, as a server answers while it goes down. */
export function errorPacket(sequence: number): Buffer {
  const message = Buffer.from('Server shutdown in progress', 'utf8');
  const payload = Buffer.concat([Buffer.from([0xff, 0x1d, 0x04]), Buffer.from('#08S01'), message]);
  return frame(payload, sequence);
}

/** A well-framed packet that claims to be an error and holds nothing a client can read. */
export function garbagePacket(sequence: number): Buffer {
  return frame(Buffer.from([0xff]), sequence);
}

function frame(payload: Buffer, sequence: number): Buffer {
  const header = Buffer.from([
    payload.length & 0xff,
    (payload.length >> 8) & 0xff,
    (payload.length >> 16) & 0xff,
    sequence,
  ]);
  return Buffer.concat([header, payload]);
}

/** Writes chunks in order, each no earlier than its due time and only while the gate is open. */
class OrderedWriter {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly socket: Socket) {}

  write(chunk: Buffer, delayMs: number, gate: Promise<void>): void {
    const due = Date.now() + delayMs;
    this.tail = this.tail
      .then(() => gate)
      .then(() => sleep(due - Date.now()))
      .then(() => {
        if (!this.socket.destroyed) this.socket.write(chunk);
      });
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export async function startMysqlProxy(target: { host: string; port: number }): Promise<MysqlProxy> {
  let fault: ProxyFault | null = null;
  let releaseHang: () => void = () => {};
  let hangGate: Promise<void> = Promise.resolve();
  let statements = 0;
  let connections = 0;
  let roundTripMs = 0;
  const sockets = new Set<Socket>();
  const clients = new Set<Socket>();

  const gate = () => (fault?.mode === 'hang' ? hangGate : Promise.resolve());

  function handle(client: Socket): void {
    connections++;
    client.setNoDelay(true);
    sockets.add(client);
    clients.add(client);
    client.on('close', () => {
      sockets.delete(client);
      clients.delete(client);
    });
    client.on('error', () => {});
    if (fault?.mode === 'drop') {
      client.destroy();
      return;
    }
    const server = connect(target);
    server.setNoDelay(true);
    sockets.add(server);
    server.on('close', () => {
      sockets.delete(server);
      client.destroy();
    });
    server.on('error', () => client.destroy());
    client.on('close', () => server.destroy());

    const toClient = new OrderedWriter(client);
    const toServer = new OrderedWriter(server);
    // When the answer to the command in flight may reach the client: the statement's send time
    // plus the round trip; 0 (due at once) for the handshake and for commands that are no
    // statement. A client sends one command at a time and waits for its answer.
    let answerDueAt = 0;
    server.on('data', (chunk: Buffer) => {
      const faultDelay = fault?.mode === 'latency' ? (fault.latencyMs ?? 0) : 0;
      const roundTripDelay = Math.max(0, answerDueAt - Date.now());
      toClient.write(chunk, faultDelay + roundTripDelay, gate());
    });

    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const length = pending.readUIntLE(0, 3);
        if (pending.length < length + 4) break;
        const packet = pending.subarray(0, length + 4);
        pending = pending.subarray(length + 4);
        if (!forward(packet)) return;
      }
    });

    /** Handles one client packet; false when the connection is gone. */
    function forward(packet: Buffer): boolean {
      const sequence = packet[3];
      const command = packet[4];
      // Commands start a sequence at 0; the handshake's replies never do.
      const isCommand = sequence === 0 && command !== undefined && command !== COM_QUIT;
      const isStatement = isCommand && STATEMENT_COMMANDS.has(command);
      if (isStatement) statements++;
      if (isCommand) answerDueAt = isStatement && roundTripMs > 0 ? Date.now() + roundTripMs : 0;
      if (isCommand && fault?.mode === 'drop') {
        client.destroy();
        server.destroy();
        return false;
      }
      if (isCommand && fault?.mode === 'http500') {
        toClient.write(errorPacket(1), 0, Promise.resolve());
        return true;
      }
      if (isCommand && fault?.mode === 'garbage') {
        toClient.write(garbagePacket(1), 0, Promise.resolve());
        return true;
      }
      toServer.write(Buffer.from(packet), 0, gate());
      return true;
    }
  }

  const proxy: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve());
  });
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');

  return {
    port: address.port,
    urlFor(mysqlUrl) {
      const url = new URL(mysqlUrl);
      url.hostname = '127.0.0.1';
      url.port = String(address.port);
      return url.toString();
    },
    get statements() {
      return statements;
    },
    get connections() {
      return connections;
    },
    get open() {
      return clients.size;
    },
    setFault(next) {
      if (next?.mode === 'hang' && fault?.mode !== 'hang') {
        hangGate = new Promise((resolve) => {
          releaseHang = resolve;
        });
      }
      if (next?.mode !== 'hang') releaseHang();
      fault = next;
    },
    setRoundTrip(ms) {
      if (!Number.isInteger(ms) || ms < 0 || ms > MAX_ROUND_TRIP_MS) {
        throw new RangeError(`round trip must be an integer 0–${MAX_ROUND_TRIP_MS} ms (got ${ms})`);
      }
      roundTripMs = ms;
    },
    get roundTripMs() {
      return roundTripMs;
    },
    async close() {
      releaseHang();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
