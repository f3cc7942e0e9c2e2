import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { Client } from '@planetscale/database';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Gateway, startGateway } from '../src/index';
import { boundedFetch, type TestDatabase, testDatabase } from './support';

let db: TestDatabase;
let gateway: Gateway;

beforeAll(async () => {
  db = await testDatabase('security');
  gateway = await startGateway({ mysqlUrl: db.url, port: 0 });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await gateway?.close();
  await db?.drop();
});

const rpc = (path: string, init?: RequestInit) =>
  fetch(`http://127.0.0.1:${gateway.port}/psdb.v1alpha1.Database/${path}`, {
    method: 'POST',
    body: '{}',
    ...init,
  });

describe('refuses a non-loopback MYSQL_URL', () => {
  it('throws a clear error', async () => {
    await expect(
      startGateway({ mysqlUrl: 'mysql://root@db.example.invalid:3306/m4', port: 0 }),
    ).rejects.toThrow(/not loopback.*GATEWAY_ALLOW_REMOTE_MYSQL=1/);
  });

  it('starts when allowed by option or by GATEWAY_ALLOW_REMOTE_MYSQL=1 (pool is lazy)', async () => {
    const byOption = await startGateway({
      mysqlUrl: 'mysql://root@db.example.invalid:3306/m4',
      port: 0,
      allowRemoteMysql: true,
    });
    await byOption.close();
    vi.stubEnv('GATEWAY_ALLOW_REMOTE_MYSQL', '1');
    const byEnv = await startGateway({ mysqlUrl: 'mysql://root@db.example.invalid/m4', port: 0 });
    await byEnv.close();
  });
});

describe('network surface', () => {
  it('binds 127.0.0.1 only', async () => {
    expect(new URL(gateway.url).hostname).toBe('127.0.0.1');
    expect(gateway.adminUrl).toBe(`http://127.0.0.1:${gateway.port}/_admin`);
    const viaOtherLoopback = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: gateway.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(viaOtherLoopback).toBe('ECONNREFUSED');
  });

  it('401 with a JSON error for missing or bad credentials', async () => {
    const missing = await rpc('Execute', { body: '{"query":"SELECT 1","session":null}' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { code: 'unauthenticated', message: 'invalid or missing credentials' },
    });
    const bad = await rpc('CreateSession', {
      headers: { authorization: `Basic ${btoa('dev:wrong')}` },
    });
    expect(bad.status).toBe(401);
  });

  it('CreateSession answers a session', async () => {
    const res = await rpc('CreateSession', {
      headers: { authorization: `Basic ${btoa('dev:dev')}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ session: { gateway: 'm4-localdb' } });
  });

  it('400 for a body without a query, 404 for other paths', async () => {
    const auth = { authorization: `Basic ${btoa('dev:dev')}` };
    expect((await rpc('Execute', { headers: auth, body: '{"sql":1}' })).status).toBe(400);
    expect((await rpc('Execute', { headers: auth, body: 'nope' })).status).toBe(400);
    expect((await rpc('Nothing', { headers: auth })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${gateway.port}/`)).status).toBe(404);
  });

  it('answers proto3 JSON with int64 counters as strings and zero fields left out', async () => {
    const auth = { authorization: `Basic ${btoa('dev:dev')}` };
    const res = await rpc('Execute', {
      headers: auth,
      body: JSON.stringify({ query: "SELECT 1 AS a, NULL AS b, 'žž' AS c", session: null }),
    });
    const body = (await res.json()) as {
      session: unknown;
      timing: unknown;
      result: { rows: unknown; fields: unknown[] };
    };
    expect(body.session).toEqual({ gateway: 'm4-localdb' });
    expect(typeof body.timing).toBe('number');
    expect(body.result.rows).toEqual([
      { lengths: ['1', '-1', '4'], values: Buffer.from('1žž').toString('base64') },
    ]);
    expect(body.result.fields[1]).not.toHaveProperty('type');
    expect(body.result).not.toHaveProperty('rowsAffected');
    expect(body.result).not.toHaveProperty('insertId');
  });
  it('answers a statement without a result set with just the session (and timing)', async () => {
    const auth = { authorization: `Basic ${btoa('dev:dev')}` };
    const res = await rpc('Execute', {
      headers: auth,
      body: JSON.stringify({ query: 'DO 1', session: null }),
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['session', 'timing']);
  });
});

describe('quiet', () => {
  it('logs nothing per request, even for errors and faults', async () => {
    const spies = [
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'debug'),
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
    ];
    try {
      const client = new Client({ url: gateway.url, fetch: boundedFetch(500) });
      await client.execute("SELECT 'secret-value' AS v");
      await expect(client.execute("SELECT * FROM missing WHERE p = 'secret'")).rejects.toThrow();
      gateway.setFault({ mode: 'http500', remaining: 1 });
      await expect(client.execute('SELECT 1')).rejects.toThrow();
      await expect(
        new Client({ url: gateway.url.replace('dev@', 'x@'), fetch: boundedFetch(500) }).execute(
          'SELECT 1',
        ),
      ).rejects.toThrow();
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('the gateway CLI', () => {
  it('prints where it listens (no password), serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn('node_modules/.bin/tsx', ['src/cli.ts'], {
      env: { ...process.env, MYSQL_URL: db.url, GATEWAY_PORT: '0', GATEWAY_PASSWORD: 's3cret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        child.once('exit', (code) => reject(new Error(`cli exited ${code}`)));
      });
      const match =
        /^gateway listening on http:\/\/127\.0\.0\.1:(\d+) -> 127\.0\.0\.1:3306\/(\w+)$/.exec(line);
      expect(match?.[2]).toBe(db.name);
      expect(line).not.toContain('s3cret');
      const client = new Client({
        url: `http://dev:s3cret@127.0.0.1:${match?.[1]}`,
        fetch: boundedFetch(2000),
      });
      expect((await client.execute('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
