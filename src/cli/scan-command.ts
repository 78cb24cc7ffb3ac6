import { writeFile } from 'node:fs/promises';
import { scan, type ScanResult } from '../engine/run.js';
import { UsageError } from '../input/errors.js';
import { describeFsError } from '../input/open.js';
import { atLeast, type Severity } from '../model/severity.js';
import { escapeTerminal } from '../report/escape.js';
import { REPORTERS } from '../report/index.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { ProgressBar } from './progress.js';
import { parseTimeArg } from './time-arg.js';

export interface ScanFlags {
  format: string;
  output?: string;
  inputFormat?: string;
  failOn: Severity | 'none';
  minSeverity: Severity;
  since?: string;
  until?: string;
  color: boolean;
  progress: boolean;
  quiet: boolean;
}

export async function runScanCommand(paths: string[], flags: ScanFlags, io: CliIO): Promise<number> {
  const now = io.now();
  const since = flags.since !== undefined ? parseTimeArg('--since', flags.since, now) : undefined;
  const until = flags.until !== undefined ? parseTimeArg('--until', flags.until, now) : undefined;
  if (since !== undefined && until !== undefined && since > until) throw new UsageError('--since is after --until');
  if (paths.length === 0) {
    if (io.stdin.isTTY) throw new UsageError('no input: give files or directories to scan, or - to read standard input');
    paths = ['-'];
  }

  const showProgress = flags.progress && !flags.quiet && io.stderr.isTTY === true && !io.env.CI;
  const bar = showProgress ? new ProgressBar(io.stderr as NodeJS.WriteStream) : undefined;
  let result: ScanResult;
  try {
    result = await scan({
      paths,
      inputFormat: flags.inputFormat,
      since,
      until,
      stdin: io.stdin,
      onProgress: bar ? (p) => bar.update(p.bytesRead, p.totalBytes) : undefined,
    });
  } finally {
    bar?.clear();
  }

  const shown: ScanResult = { ...result, findings: result.findings.filter((f) => atLeast(f.severity, flags.minSeverity)) };
  const color = flags.color && !flags.output && flags.format === 'table' && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = REPORTERS[flags.format]!(shown, { color });
  if (flags.output) {
    try {
      await writeFile(flags.output, text);
    } catch (err) {
      throw new UsageError(`cannot write ${flags.output}: ${describeFsError(err)}`);
    }
  } else {
    io.stdout.write(text);
  }

  if (!flags.quiet) warnAboutInputs(result, flags.format, io);
  if (flags.failOn === 'none') return EXIT.ok;
  const failOn = flags.failOn;
  return result.findings.some((f) => atLeast(f.severity, failOn)) ? EXIT.findings : EXIT.ok;
}

/** The table lists skipped lines itself; other formats get a reminder on stderr. */
function warnAboutInputs(result: ScanResult, format: string, io: CliIO): void {
  if (format === 'table') return;
  for (const input of result.inputs) {
    const path = escapeTerminal(input.path);
    if (input.notRead !== undefined) io.stderr.write(`borrowscan: warning: ${path} not read: ${escapeTerminal(input.notRead)}\n`);
    else if (input.skipped > 0) io.stderr.write(`borrowscan: warning: ${path}: ${input.skipped} line(s) skipped (listed in the report)\n`);
  }
}
