import { expect, it } from 'vitest';
import { type ExecuteBody, executeBodyJson } from './executor';

it('writes every body shape as JSON.stringify writes it', () => {
  const unpinned = { gateway: 'm4-localdb' } as const;
  const pinned = { gateway: 'm4-localdb', transaction: 'a"b' } as const;
  const error = { code: 'UNKNOWN', message: 'bad "x" ü\n (errno 1) (sqlstate 42000)' };
  const result = {
    fields: [{ name: 'one', type: 'INT32' }],
    rows: [{ lengths: ['1'], values: 'MQ==' }],
  };
  const shapes: [ExecuteBody, object][] = [
    [{ session: unpinned }, { session: unpinned }],
    [
      { session: pinned, timing: 0.000123 },
      { session: pinned, timing: 0.000123 },
    ],
    [
      { session: unpinned, timing: 1.5e-7 },
      { session: unpinned, timing: 1.5e-7 },
    ],
    [
      { session: unpinned, resultJson: JSON.stringify(result), timing: 0.002 },
      { session: unpinned, result, timing: 0.002 },
    ],
    [
      { session: pinned, error },
      { session: pinned, error },
    ],
  ];
  for (const [body, plain] of shapes) expect(executeBodyJson(body)).toBe(JSON.stringify(plain));
});
