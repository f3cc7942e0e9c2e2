import { describe, expect, it } from 'vitest';
import { describeFault } from './fault';

describe('describeFault', () => {
  it('names the error, its status and message', () => {
    const error = Object.assign(new Error('boom'), { name: 'DatabaseError', status: 500 });
    expect(describeFault(error)).toBe('DatabaseError 500: boom');
  });

  it('removes URL credentials and listed secrets', () => {
    const error = new Error('fetch https://admin:hunter22@db.example.com/x failed for hunter22');
    const text = describeFault(error, ['hunter22']);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('admin:');
    expect(text).toContain('//***@db.example.com');
  });

  it('folds whitespace and bounds the length', () => {
    const text = describeFault(new Error(`a\nb\t${'x'.repeat(1000)}`));
    expect(text.startsWith('Error: a b ')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(301);
  });

  it('describes a thrown non-error without its value', () => {
    expect(describeFault('secret-string')).toBe('non-error thrown: string');
  });
});

describe('describeFault with a wrapped query error', () => {
  it('describes the cause, never the SQL or its parameters', () => {
    const cause = Object.assign(new Error('HTTP 500'), { name: 'DatabaseError', status: 500 });
    const wrapped = Object.assign(
      new Error('Failed query: select … where username = ?\nparams: jonas'),
      {
        query: 'select …',
        params: ['jonas'],
        cause,
      },
    );
    expect(describeFault(wrapped)).toBe('DatabaseError 500: HTTP 500');
  });
});
