import { DOCTOR_HELP, parseDoctorArgs } from './args';
import { DEFAULT_DB_TIMEOUT_MS, runChecks } from './checks';
import { errorText, redact } from './failure';
import { inspect } from './inspect';
import { type Env, openRoad } from './open-road';
import { buildReport, DOCTOR_EXIT, renderReport, reportJson } from './report';
import { type Road, RoadError } from './road';

export interface DoctorIo {
  env: Env;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `m4api doctor` / `pnpm doctor`: checks the database of DATABASE_URL or MYSQL_URL and prints
 * the report. Answers the exit code (0 ready, 1 a failure, 2 no usable database or usage); never
 * throws, never prints a stack.
 */
export async function runDoctor(argv: readonly string[], io: DoctorIo): Promise<number> {
  const args = parseDoctorArgs(argv);
  if (args.kind === 'help') {
    io.stdout.write(DOCTOR_HELP);
    return DOCTOR_EXIT.ready;
  }
  if (args.kind === 'usage') {
    io.stderr.write(`m4api doctor: ${args.message}\n`);
    return DOCTOR_EXIT.unusable;
  }
  const unusable = (line: string) => {
    if (args.json)
      io.stdout.write(`${JSON.stringify({ error: line, exitCode: DOCTOR_EXIT.unusable })}\n`);
    io.stderr.write(`m4api doctor: ${line}\n`);
    return DOCTOR_EXIT.unusable;
  };

  const timeoutMs = io.env.DB_TIMEOUT_MS ? Number(io.env.DB_TIMEOUT_MS) : DEFAULT_DB_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    return unusable('DB_TIMEOUT_MS must be a positive number of milliseconds');
  }
  let road: Road | undefined;
  try {
    road = await openRoad(io.env, args.from);
    const facts = await inspect(road);
    const report = buildReport(road, runChecks(facts, timeoutMs));
    io.stdout.write(args.json ? reportJson(report) : renderReport(report));
    return report.exitCode;
  } catch (error) {
    if (error instanceof RoadError) return unusable(error.message);
    const where = road === undefined ? '' : `${road.where}: `;
    return unusable(`${where}${redact(errorText(error), road?.secrets ?? [])}`);
  } finally {
    await road?.close().catch(() => undefined);
  }
}
