/** A terminal stdin: readable, and able to stop echoing. */
export interface TerminalInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
}

export interface TextOutput {
  write(text: string): unknown;
}

export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

/**
 * Asks for a line on a terminal without echoing it: Enter ends it, Backspace deletes, Ctrl-C
 * and Ctrl-D (on an empty line) cancel with {@link PromptCancelled}. The terminal's mode is
 * restored whatever happens.
 */
export function readHiddenLine(
  question: string,
  input: TerminalInput,
  output: TextOutput,
): Promise<string> {
  if (!input.isTTY || typeof input.setRawMode !== 'function') {
    return Promise.reject(new Error('a hidden prompt needs a terminal'));
  }
  const setRawMode = input.setRawMode.bind(input);
  output.write(question);
  setRawMode(true);
  input.setEncoding?.('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new PromptCancelled('cancelled'));
        if (char === '\u0004') {
          if (line === '') return finish(new PromptCancelled('cancelled'));
          continue;
        }
        if (char === '\u007f' || char === '\b') {
          line = [...line].slice(0, -1).join('');
          continue;
        }
        if (char >= ' ') line += char;
      }
    };
    input.on('data', onData);
  });
}
