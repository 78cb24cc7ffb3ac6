import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_IGNORE_FILE } from '../config/files.js';
import { parseFieldMap, ruleIds, scan, type ScanOptions, type WorkerMode } from '../engine/index.js';
import type { ScanResult } from '../model/report.js';
import { atLeast, type Severity } from '../model/severity.js';
import { escapeTerminal } from '../report/escape.js';
import { type FILE_REPORTS, loadReporter } from '../report/formats.js';
import type { ReportOptions } from '../report/reporter.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';
import { holdHeap } from '../shared/heap-hold.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { ProgressBar } from './progress.js';
import { writeReports, type ReportJob } from './write-report.js';

export interface ScanFlags {
  format: string;
  output?: string;
  /** Extra reports written to files: format name → path. */
  reports: Partial<Record<(typeof FILE_REPORTS)[number], string>>;
  inputFormat?: string;
  logFormat?: string;
  sessionCookies?: string[];
  /** `--map field=path` values, unparsed. */
  map: string[];
  failOn: Severity | 'none';
  minSeverity: Severity;
  since?: string;
  until?: string;
  baseline?: string;
  /** `--agents FILE`: the agent registry. */
  agents?: string;
  showKnown: boolean;
  ignoreFile?: string;
  showSuppressed: boolean;
  failOnStale: boolean;
  maxErrors?: number;
  /** `--table-limit N`: findings listed per rule and severity in the table (0: all). */
  tableLimit?: number;
  /** `--markdown-limit N`: the same for the Markdown report. */
  markdownLimit?: number;
  /** `--html-timelines N`: findings drawn with a timeline in the HTML report (0: all). */
  htmlTimelines?: number;
  /** `--sarif-root DIR`: SARIF URIs are relative to it (default: the working directory). */
  sarifRoot?: string;
  /** `--sarif-category NAME`: SARIF automationDetails.id. */
  sarifCategory?: string;
  /** `--max-record-size`, in bytes. */
  maxRecordSize?: number;
  /** undefined: decide from the terminal and the environment. */
  color?: boolean;
  progress?: boolean;
  /** `--worker`: parse in a worker thread. */
  worker?: WorkerMode;
  /** Ceilings on the state a scan keeps. */
  maxSessions?: number;
  maxClients?: number;
  /** `--sample-memory`, in bytes. */
  sampleMemory?: number;
  /** `--engine`: the streaming engine, or the same detections as SQL in embedded DuckDB. */
  engine?: 'streaming' | 'duckdb';
  quiet: boolean;
}

/**
 * Turns flags into the engine's options: times resolved, config files loaded (before any log, so that a bad config
 * fails fast). Shared by `scan`, `baseline` and `agents`.
 */
export async function scanOptions(paths: string[], flags: ScanFlags, io: CliIO): Promise<ScanOptions> {
  const now = io.now();
  const since = await timeBound('--since', flags.since, now);
  const until = await timeBound('--until', flags.until, now);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError('--since is after --until');
  if (paths.length === 0) {
    if (io.stdin.isTTY) throw new UsageError('no input: give files or directories to scan, or - to read standard input');
    paths = ['-'];
  }
  const baseline = flags.baseline !== undefined ? await (await import('../config/baseline.js')).loadBaseline(flags.baseline) : undefined;
  const ignoreFile = flags.ignoreFile ?? (existsSync(DEFAULT_IGNORE_FILE) ? DEFAULT_IGNORE_FILE : undefined);
  // The config loaders (and their schema library) load only when a config is given: most scans have none.
  const suppressions =
    ignoreFile !== undefined ? await (await import('../config/suppressions.js')).loadSuppressions(ignoreFile, ruleIds()) : undefined;
  const registry = flags.agents !== undefined ? await (await import('../config/agents.js')).loadAgentRegistry(flags.agents) : undefined;
  return {
    paths,
    inputFormat: flags.inputFormat,
    fieldMap: parseFieldMap(flags.map),
    logFormat: flags.logFormat,
    sessionCookies: flags.sessionCookies,
    since,
    until,
    registry,
    baseline,
    suppressions,
    now: now.getTime(),
    stdin: io.stdin,
    worker: flags.worker,
    maxRecordBytes: flags.maxRecordSize,
    maxSessions: flags.maxSessions,
    maxClients: flags.maxClients,
    sampleMemoryBytes: flags.sampleMemory,
  };
}

/** Runs the engine's scan with a progress bar on stderr when one is wanted. */
export async function runScan(options: ScanOptions, flags: ScanFlags, io: CliIO): Promise<ScanResult> {
  const showProgress = flags.progress ?? (!flags.quiet && io.stderr.isTTY === true && !io.env.CI);
  const bar = showProgress && !flags.quiet ? new ProgressBar(io.stderr as NodeJS.WriteStream) : undefined;
  try {
    // The DuckDB engine (and the SQL behind it) loads only when asked for.
    const run = flags.engine === 'duckdb' ? (await import('../engine/lake/index.js')).scanWithDuckDB : scan;
    return await run({ ...options, onProgress: bar ? (p) => bar.update(p.bytesRead, p.totalBytes) : undefined });
  } finally {
    bar?.clear();
  }
}

/** A --since or --until value as epoch ms; the parser (and date-fns) loads only when one is given. */
async function timeBound(flag: string, value: string | undefined, now: Date): Promise<number | undefined> {
  if (value === undefined) return undefined;
  const { parseTimeArg } = await import('./time-arg.js');
  return parseTimeArg(flag, value, now);
}

export async function runScanCommand(paths: string[], flags: ScanFlags, io: CliIO): Promise<number> {
  // Past the scan, through its reports: writing them would let the heap grow as V8 likes again (shared/heap-hold.ts).
  const heap = holdHeap();
  try {
    return await scanAndReport(paths, flags, io);
  } finally {
    heap.release();
  }
}

async function scanAndReport(paths: string[], flags: ScanFlags, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const sarifRoot = sarifRootDir(flags.sarifRoot, cwd);
  const result = await runScan(await scanOptions(paths, flags, io), flags, io);
  const options: ReportOptions = {
    color: flags.color ?? (!flags.output && flags.format === 'table' && io.stdout.isTTY === true && !io.env.NO_COLOR && !io.env.CI),
    showKnown: flags.showKnown,
    showSuppressed: flags.showSuppressed,
    minSeverity: flags.minSeverity,
    tableLimit: flags.tableLimit,
    markdownLimit: flags.markdownLimit,
    htmlTimelines: flags.htmlTimelines,
    sarif: { root: sarifRoot, cwd, category: flags.sarifCategory },
  };
  const jobs: ReportJob[] = [
    { reporter: await loadReporter(flags.format), file: flags.output, options },
    ...(await Promise.all(
      Object.entries(flags.reports).map(async ([format, file]) => ({
        reporter: await loadReporter(format),
        file,
        options: { ...options, color: false },
      })),
    )),
  ];
  const allWritten = await writeReports(result, jobs, io, flags.quiet);

  if (!flags.quiet) warn(result, flags.format, io);
  const code = exitCode(result, flags, io);
  // A report that could not be written outranks findings and untrusted input, as bad usage does.
  return allWritten ? code : EXIT.writeFailed;
}

/** `--sarif-root`, resolved; checked before the scan, so that a typo fails fast. */
function sarifRootDir(flag: string | undefined, cwd: string): string {
  if (flag === undefined) return cwd;
  const dir = resolve(cwd, flag);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (err) {
    throw new UsageError(`--sarif-root ${flag}: ${describeFsError(err)}`);
  }
  if (!isDir) throw new UsageError(`--sarif-root ${flag}: not a directory`);
  return dir;
}

/** Untrusted input outranks findings; new findings at or above --fail-on (or stale suppressions, if asked) fail. */
function exitCode(result: ScanResult, flags: ScanFlags, io: CliIO): number {
  if (flags.maxErrors !== undefined && result.summary.skipped > flags.maxErrors) {
    io.stderr.write(
      `borrowscan: error: ${result.summary.skipped} unreadable record(s), more than --max-errors ${flags.maxErrors}: the input cannot be trusted\n`,
    );
    return EXIT.untrustedInput;
  }
  let failing = false;
  if (flags.failOn !== 'none') {
    const threshold = flags.failOn;
    for (const f of result.findings) if (f.status === 'new' && atLeast(f.severity, threshold)) failing = true;
  }
  const stale = flags.failOnStale && result.staleSuppressions.length > 0;
  return failing || stale ? EXIT.findings : EXIT.ok;
}

/** The table lists skipped lines and stale suppressions itself; other formats get a reminder on stderr. */
function warn(result: ScanResult, format: string, io: CliIO): void {
  if (format === 'table') return;
  for (const input of result.inputs) {
    const path = escapeTerminal(input.path);
    if (input.notRead !== undefined) io.stderr.write(`borrowscan: warning: ${path} not read: ${escapeTerminal(input.notRead)}\n`);
    else if (input.warning !== undefined) io.stderr.write(`borrowscan: warning: ${path}: ${escapeTerminal(input.warning)}\n`);
    else if (input.skipped > 0) io.stderr.write(`borrowscan: warning: ${path}: ${input.skipped} line(s) skipped (listed in the report)\n`);
  }
  for (const st of result.staleSuppressions) {
    io.stderr.write(`borrowscan: warning: ${escapeTerminal(st.file)}:${st.line}: suppression ${st.why}\n`);
  }
}
