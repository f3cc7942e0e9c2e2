import { createM4Client, M4TransportError } from '@m4/client';
import { runDoctor } from '@m4/doctor';
import { parseCliArgs } from './args';
import { EXIT, renderResult, renderTransportError } from './format';
import { PromptCancelled, readHiddenLine, type TerminalInput, type TextOutput } from './prompt';

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdin: TerminalInput;
  stdout: TextOutput;
  stderr: TextOutput;
  /** default: the global fetch */
  fetch?: typeof fetch;
}

/** Runs `m4api` with `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(parsed.text);
    return EXIT.user;
  }
  if (parsed.kind === 'usage') {
    io.stderr.write(`m4api: ${parsed.message}\n`);
    return EXIT.usage;
  }
  if (parsed.kind === 'doctor') return runDoctor(parsed.argv, io);
  const { command } = parsed;

  let secret = io.env.M4_API_SECRET;
  if (secret === undefined || secret === '') {
    if (!io.stdin.isTTY) {
      io.stderr.write(
        'm4api: M4_API_SECRET is not set and stdin is not a terminal to ask for it\n',
      );
      return EXIT.usage;
    }
    try {
      secret = await readHiddenLine('M4 API secret: ', io.stdin, io.stderr);
    } catch (error) {
      if (!(error instanceof PromptCancelled)) throw error;
      io.stderr.write('m4api: cancelled\n');
      return EXIT.usage;
    }
  }

  const client = createM4Client({
    baseUrl: command.url,
    secret,
    method: command.method,
    ...(command.path !== undefined && { path: command.path }),
    ...(command.timeoutMs !== undefined && { timeoutMs: command.timeoutMs }),
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  try {
    const result = await client.userDetailsRawGet({ u: command.user, userId: command.userId });
    const rendered = renderResult(result, command.format);
    io.stdout.write(rendered.stdout);
    io.stderr.write(rendered.stderr);
    return rendered.exitCode;
  } catch (error) {
    if (!(error instanceof M4TransportError)) throw error;
    const rendered = renderTransportError(error);
    io.stderr.write(rendered.stderr);
    return rendered.exitCode;
  }
}
