import { type Connection, createConnection } from 'mysql2/promise';
import { afterEach, describe, expect, it } from 'vitest';
import { type MysqlProxy, startMysqlProxy } from '../src/mysql-proxy';
import { MYSQL_SERVER } from './support';

/** A round trip no test waits out: an answer held this long is an answer held. */
const FOREVER_MS = 60_000;

describe('MySQL proxy round trip', () => {
  let proxy: MysqlProxy | undefined;
  const connections: Connection[] = [];

  async function open(): Promise<Connection> {
    if (!proxy) throw new Error('no proxy');
    const connection = await createConnection({ uri: proxy.urlFor(MYSQL_SERVER) });
    connections.push(connection);
    return connection;
  }

  async function start(): Promise<MysqlProxy> {
    const server = new URL(MYSQL_SERVER);
    proxy = await startMysqlProxy({ host: server.hostname, port: Number(server.port || 3306) });
    return proxy;
  }

  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.destroy();
    await proxy?.close();
    proxy = undefined;
  });

  it('holds the answer to a statement but not the handshake nor other commands', async () => {
    const p = await start();
    p.setRoundTrip(FOREVER_MS);
    expect(p.roundTripMs).toBe(FOREVER_MS);

    // Connecting is a handshake (greeting, auth, OK) and must not wait for the round trip.
    const first = await open();
    let answered = false;
    const pending = first.query('SELECT 1 AS one').then(
      () => {
        answered = true;
      },
      () => undefined,
    );
    // Another connection's handshake and a ping (no statement) go through meanwhile.
    const second = await open();
    await second.ping();
    expect(answered).toBe(false);
    expect(p.statements).toBe(1);

    // Closing the proxy cuts the connection: the held query fails rather than answers.
    await p.close();
    proxy = undefined;
    await pending;
    expect(answered).toBe(false);
  });

  it('answers a statement no earlier than the round trip, and at once at 0', async () => {
    const p = await start();
    const connection = await open();
    const roundTripMs = 150;
    p.setRoundTrip(roundTripMs);
    const started = performance.now();
    const [rows] = await connection.query('SELECT 1 AS one');
    const elapsed = performance.now() - started;
    expect(rows).toEqual([{ one: 1 }]);
    // A lower bound only: the proxy guarantees it whatever the machine's load.
    expect(elapsed).toBeGreaterThanOrEqual(roundTripMs - 1);

    p.setRoundTrip(0);
    const [again] = await connection.query('SELECT 2 AS two');
    expect(again).toEqual([{ two: 2 }]);
    expect(p.statements).toBe(2);
  });

  it('leaves the faults as they were: an error packet still answers at once', async () => {
    const p = await start();
    const connection = await open();
    p.setRoundTrip(FOREVER_MS);
    p.setFault({ mode: 'http500' });
    await expect(connection.query('SELECT 1')).rejects.toThrow(/shutdown/i);
  });

  it('refuses a round trip that is not a whole number of ms in range', async () => {
    const p = await start();
    expect(() => p.setRoundTrip(-1)).toThrow(RangeError);
    expect(() => p.setRoundTrip(1.5)).toThrow(RangeError);
    expect(() => p.setRoundTrip(FOREVER_MS + 1)).toThrow(RangeError);
    expect(p.roundTripMs).toBe(0);
  });
});
