import { loadSavedReport } from '../config/saved-report.js';
import type { Finding } from '../model/finding.js';
import type { ScanResult } from '../model/report.js';
import { explainText, type ExplainSubject } from '../report/explain.js';
import { UsageError } from '../shared/errors.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { runScan, scanOptions, type ScanFlags } from './scan-command.js';

/** Finds a finding by id, else a session by id, in a result; undefined when neither is there. */
function subjectOf(result: Pick<ScanResult, 'findings' | 'timelines'>, id: string): ExplainSubject | undefined {
  const all = [...result.findings];
  const finding = all.find((f) => f.id === id);
  if (finding) return { finding, findings: [finding], timeline: result.timelines?.forFinding(finding) ?? null };
  const findings: Finding[] = all.filter((f) => f.session === id);
  const timeline = result.timelines?.forSession(id) ?? null;
  if (!timeline && findings.length === 0) return undefined;
  return { findings, timeline };
}

/**
 * `borrowscan explain ID|SESSION (paths… | --report REPORT.json)`: one finding's (or one session's) timeline in the
 * terminal, read again from the logs or from a saved report. Exit 0; one error line and exit 2 when neither a finding
 * nor a session has that id.
 */
export async function runExplainCommand(
  id: string,
  paths: string[],
  report: string | undefined,
  flags: ScanFlags,
  io: CliIO,
): Promise<number> {
  let subject: ExplainSubject | undefined;
  let where: string;
  if (report !== undefined) {
    if (paths.length > 0) throw new UsageError('explain reads either log files or --report REPORT.json, not both');
    const saved = await loadSavedReport(report);
    subject = subjectOf(saved, id);
    where = `${report} (${saved.summary.findings} finding(s); a session without findings is only in the logs)`;
  } else {
    const result = await runScan(await scanOptions(paths, flags, io), flags, io);
    subject = subjectOf(result, id);
    where = `the scanned logs (${result.summary.findings} finding(s), ${result.summary.sessions} session(s))`;
  }
  if (!subject) throw new UsageError(`no finding or session with id ${JSON.stringify(id)} in ${where}`);
  const tty = flags.color ?? (io.stdout.isTTY === true && !io.env.NO_COLOR && !io.env.CI);
  await io.stdout.write(explainText(subject, { tty, columns: io.stdout.columns }));
  return EXIT.ok;
}
