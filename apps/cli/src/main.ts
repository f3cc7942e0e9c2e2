/** The `m4api` command (bin/m4api.mjs loads this through tsx). */
import { runCli } from './cli';

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  // A bug, not an answer: say so on one line without a stack full of request details.
  process.stderr.write(
    `m4api: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 70;
}
