import { expect, it } from 'vitest';
import { StatementCounter } from './statement-counter';

it('counts in total and per request id', () => {
  const counter = new StatementCounter();
  counter.count('a');
  counter.count('a');
  counter.count('b');
  counter.count(undefined);
  expect(counter.total).toBe(4);
  expect(counter.forRequest('a')).toBe(2);
  expect(counter.forRequest('b')).toBe(1);
  expect(counter.forRequest('c')).toBe(0);
  counter.reset();
  expect(counter.total).toBe(0);
  expect(counter.forRequest('a')).toBe(0);
});

it('remembers a bounded number of ids, forgetting the least recently counted', () => {
  const counter = new StatementCounter(2);
  counter.count('old');
  counter.count('mid');
  counter.count('old');
  counter.count('new');
  expect(counter.forRequest('mid')).toBe(0);
  expect(counter.forRequest('old')).toBe(2);
  expect(counter.forRequest('new')).toBe(1);
  expect(counter.total).toBe(4);
});
