import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadBaseline } from '../config/baseline.js';
import { compareFindings } from '../engine/findings.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';
import type { Finding } from '../model/finding.js';
import { escapeTerminal } from '../report/escape.js';
import { jsonReporter } from '../report/json.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { scanAndTriage, type ScanFlags } from './scan-command.js';

export interface BaselineFlags {
  output: string;
  prune: boolean;
}

/**
 * Writes (or updates) a baseline: a JSON report of every finding now. An existing baseline's
 * findings are kept, so that known findings do not come back when old exports rotate out,
 * unless --prune drops those this run did not see.
 */
export async function runBaselineCommand(paths: string[], scanFlags: ScanFlags, flags: BaselineFlags, io: CliIO): Promise<number> {
  const previous = existsSync(flags.output) ? await loadBaseline(flags.output) : undefined;
  const result = await scanAndTriage(paths, { ...scanFlags, baseline: undefined, ignoreFile: undefined }, io);
  const current: Finding[] = result.findings.map(({ suppression: _s, ...f }) => ({ ...f, status: 'known' as const }));
  const seen = new Set(current.map((f) => f.id));
  const kept = flags.prune || !previous ? [] : previous.findings.filter((f) => !seen.has(f.id));
  const findings = [...current, ...kept].sort(compareFindings);
  const text = jsonReporter({ ...result, findings, staleSuppressions: [] }, { color: false });
  try {
    await writeFile(flags.output, text);
  } catch (err) {
    throw new UsageError(`cannot write ${flags.output}: ${describeFsError(err)}`);
  }
  const added = previous ? current.filter((f) => !previous.ids.has(f.id)).length : current.length;
  if (!scanFlags.quiet) {
    io.stderr.write(
      `borrowscan: baseline ${escapeTerminal(flags.output)}: ${findings.length} finding(s), ${added} added` +
        `${kept.length > 0 ? `, ${kept.length} kept from before` : ''}\n`,
    );
  }
  return EXIT.ok;
}
