import type { ScanResult } from '../model/report.js';
import { escapeTerminal } from '../report/escape.js';
import type { ReportOptions, ReportOutcome, Reporter } from '../report/reporter.js';
import { GuardedOutput } from './guarded-output.js';
import type { CliIO } from './io.js';
import { BufferedSink, fileTarget, stdoutTarget, WriteFailed, type ReportTarget } from './report-target.js';
import { describeWriteError } from './write-error.js';

/** A report to write: to standard output (no file, or `-`) or to a file. */
export interface ReportJob {
  reporter: Reporter;
  file?: string;
  options: ReportOptions;
}

/**
 * Writes each report in turn; one that cannot be written does not stop the others. A report file that failed is
 * named in an error line here, and the result says so (exit 2); standard output's failures are judged by main when
 * the command ends, as every command writes there. The reporters' own warnings (what a report left out) go to
 * stderr unless `quiet`. Returns whether every report file was written.
 */
export async function writeReports(result: ScanResult, jobs: ReportJob[], io: CliIO, quiet: boolean): Promise<boolean> {
  let allWritten = true;
  for (const job of jobs) {
    const toStdout = job.file === undefined || job.file === '-';
    const name = toStdout ? 'standard output' : escapeTerminal(job.file!);
    try {
      const target: ReportTarget = toStdout ? stdoutTarget(asGuarded(io.stdout)) : await fileTarget(job.file!);
      const outcome = await writeTo(target, job, result);
      if (!quiet) for (const warning of outcome.warnings) io.stderr.write(`borrowscan: warning: ${name}: ${escapeTerminal(warning)}\n`);
    } catch (err) {
      if (!(err instanceof WriteFailed)) throw err;
      if (toStdout) continue;
      io.stderr.write(`borrowscan: error: cannot write ${name}: ${describeWriteError(err.reason)}\n`);
      allWritten = false;
    }
  }
  return allWritten;
}

async function writeTo(target: ReportTarget, job: ReportJob, result: ScanResult): Promise<ReportOutcome> {
  const sink = new BufferedSink(target);
  let outcome: ReportOutcome;
  try {
    outcome = await job.reporter(result, job.options, sink);
    await sink.flush();
  } catch (err) {
    // The failure while writing is the one to report, not a second one while closing.
    await target.close().catch(() => undefined);
    throw err;
  }
  await target.close();
  return outcome;
}

/** main wraps standard output in a GuardedOutput; a caller that did not (a test) gets one here. */
function asGuarded(stdout: CliIO['stdout']): GuardedOutput {
  return stdout instanceof GuardedOutput ? stdout : new GuardedOutput(stdout);
}
