import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PromptCancelled, readHiddenLine } from './prompt';

/** A stand-in terminal: a stream with isTTY and a recorded raw mode. */
function terminal() {
  const stream = new PassThrough();
  const modes: boolean[] = [];
  const tty = Object.assign(stream, {
    isTTY: true,
    setRawMode(mode: boolean) {
      modes.push(mode);
      return tty;
    },
  });
  const written: string[] = [];
  return { tty, modes, output: { write: (s: string) => written.push(s) }, written };
}

describe('readHiddenLine', () => {
  it('reads up to Enter without echo, honours Backspace, and restores the terminal', async () => {
    const t = terminal();
    const line = readHiddenLine('Secret: ', t.tty, t.output);
    t.tty.write('s3x');
    t.tty.write('\u007fcret-ą\r');
    expect(await line).toBe('s3cret-ą');
    expect(t.modes).toEqual([true, false]);
    expect(t.written.join('')).toBe('Secret: \n');
  });

  it('cancels on Ctrl-C, and on Ctrl-D at an empty line', async () => {
    for (const key of ['ab\u0003', '\u0004']) {
      const t = terminal();
      const line = readHiddenLine('Secret: ', t.tty, t.output);
      t.tty.write(key);
      await expect(line).rejects.toBeInstanceOf(PromptCancelled);
      expect(t.modes).toEqual([true, false]);
    }
  });

  it('needs a terminal', async () => {
    const notTty = new PassThrough();
    await expect(readHiddenLine('Secret: ', notTty, { write: () => true })).rejects.toThrow(
      /needs a terminal/,
    );
  });
});
