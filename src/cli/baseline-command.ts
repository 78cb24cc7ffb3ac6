import { existsSync } from 'node:fs';
import { loadBaseline } from '../config/baseline.js';
import { updateBaseline } from '../engine/index.js';
import { escapeTerminal } from '../report/escape.js';
import { jsonReporter } from '../report/json.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { runScan, scanOptions, type ScanFlags } from './scan-command.js';
import { writeReports } from './write-report.js';

export interface BaselineFlags {
  output: string;
  prune: boolean;
}

/**
 * Writes (or updates) a baseline: a JSON report of every finding now (see the engine's updateBaseline for what is
 * kept). Neither an earlier baseline nor the ignore file takes part in the scan itself.
 */
export async function runBaselineCommand(paths: string[], scanFlags: ScanFlags, flags: BaselineFlags, io: CliIO): Promise<number> {
  const previous = existsSync(flags.output) ? await loadBaseline(flags.output) : undefined;
  const options = await scanOptions(paths, { ...scanFlags, baseline: undefined, ignoreFile: undefined }, io);
  const result = await runScan({ ...options, suppressions: undefined }, scanFlags, io);
  const update = updateBaseline(result.findings, previous, flags.prune);
  // A baseline is read for its ids: the timelines a JSON report carries for drawing would only make it grow.
  const baseline = { ...result, findings: update.findings, staleSuppressions: [], timelines: undefined };
  if (!(await writeReports(baseline, [{ reporter: jsonReporter, file: flags.output, options: { color: false } }], io, scanFlags.quiet))) {
    return EXIT.writeFailed;
  }
  if (!scanFlags.quiet) {
    io.stderr.write(
      `borrowscan: baseline ${escapeTerminal(flags.output)}: ${update.findings.length} finding(s), ${update.added} added` +
        `${update.kept > 0 ? `, ${update.kept} kept from before` : ''}\n`,
    );
  }
  return EXIT.ok;
}
