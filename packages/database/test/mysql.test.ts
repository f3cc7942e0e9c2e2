import type { Connection } from 'mysql2/promise';
import { describe, expect, it, vi } from 'vitest';
import { readThroughMysql } from '../src/mysql';

/** A stand-in connection whose one query answers as `answer` says (or never). */
function fakeConnection(answer: () => Promise<unknown>) {
  const connection = {
    query: vi.fn(answer),
    destroy: vi.fn(),
  };
  return connection as typeof connection & Connection;
}

const query = { username: 'admin', userId: '6' };

describe('readThroughMysql', () => {
  it('destroys the connection when the signal fires during the statement', async () => {
    const connection = fakeConnection(() => new Promise(() => {}));
    const release = vi.fn();
    const controller = new AbortController();
    const read = readThroughMysql({ acquire: async () => connection, release });
    const pending = read(query, controller.signal);
    await vi.waitFor(() => expect(connection.query).toHaveBeenCalledOnce());
    controller.abort(new Error('timed out'));
    expect(connection.destroy).toHaveBeenCalled();
    expect(release).not.toHaveBeenCalled();
    void pending.catch(() => {});
  });

  it('gives back, unused, a connection that arrives after the signal', async () => {
    const connection = fakeConnection(async () => [[]]);
    let arrive: (c: typeof connection) => void = () => {};
    const release = vi.fn();
    const controller = new AbortController();
    const read = readThroughMysql({
      acquire: () => new Promise<typeof connection>((resolve) => (arrive = resolve)),
      release,
    });
    const pending = read(query, controller.signal);
    controller.abort(new Error('timed out'));
    await expect(pending).rejects.toThrow('timed out');
    arrive(connection);
    await vi.waitFor(() => expect(release).toHaveBeenCalledWith(connection));
    expect(connection.query).not.toHaveBeenCalled();
  });

  it('destroys the connection of a failed read and never gives it back', async () => {
    const connection = fakeConnection(async () => {
      throw new Error('Server shutdown in progress');
    });
    const release = vi.fn();
    const read = readThroughMysql({ acquire: async () => connection, release });
    await expect(read(query, new AbortController().signal)).rejects.toThrow('shutdown');
    expect(connection.destroy).toHaveBeenCalledOnce();
    expect(release).not.toHaveBeenCalled();
  });

  it('refuses an answer that is not exactly one row', async () => {
    const connection = fakeConnection(async () => [[]]);
    const release = vi.fn();
    const read = readThroughMysql({ acquire: async () => connection, release });
    await expect(read(query, new AbortController().signal)).rejects.toThrow('answered 0 rows');
    expect(connection.destroy).toHaveBeenCalledOnce();
  });

  it('sends the prebuilt statement with the values bound, as arrays, and counts it', async () => {
    const onStatement = vi.fn();
    const connection = fakeConnection(async () => [[]]);
    const read = readThroughMysql(
      { acquire: async () => connection, release: () => {} },
      { onStatement },
    );
    await expect(read(query, new AbortController().signal)).rejects.toThrow();
    expect(onStatement).toHaveBeenCalledOnce();
    const sent = (connection.query.mock.calls as unknown[][])[0]?.[0] as {
      sql: string;
      values: unknown[];
      rowsAsArray: boolean;
    };
    expect(sent.rowsAsArray).toBe(true);
    expect(sent.values.slice(-2)).toEqual(['admin', 6]);
    expect(sent.sql).toContain('`t`.`id` = ?');
  });
});
