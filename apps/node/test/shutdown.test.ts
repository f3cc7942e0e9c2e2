import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStack, startDemoStack } from '../src/testing';
import { post, signedForm, until } from './support';

describe('node: graceful shutdown', () => {
  let stack: DemoStack;
  beforeAll(async () => {
    stack = await startDemoStack({ prefix: 'node_stop', timeoutMs: 5000 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lets an in-flight request finish, refuses new ones, then closes the pool', async () => {
    const form = await signedForm('admin', '6');
    expect((await post(stack.url, form)).status).toBe(200);
    stack.proxy.setFault({ mode: 'latency', latencyMs: 400 });
    const sent = stack.proxy.statements;
    const inFlight = post(stack.url, form, { 'x-request-id': 'in-flight' });
    await until(() => stack.proxy.statements > sent);

    let closed = false;
    const closing = stack.server.close().then(() => {
      closed = true;
    });
    await expect(post(stack.url, form)).rejects.toThrow();
    expect(closed).toBe(false);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.text).toContain('<id>6</id>');
    await closing;
    expect(closed).toBe(true);
    await expect(stack.pool.query('SELECT 1')).rejects.toThrow(/closed/i);
    stack.proxy.setFault(null);
  });
});
