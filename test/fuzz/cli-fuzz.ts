import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { detectFormat } from '../../src/input/detect.js';
import { compileLogFormat } from '../../src/input/log-format/index.js';
import { FORMATS } from '../../src/input/registry.js';
import { DEFAULT_MAX_RECORD_BYTES } from '../../src/input/records/limit.js';
import type { LogFormat } from '../../src/input/format.js';
import { runCli, type CliRun } from '../cli/run-cli.js';
import { fixtureFiles, type FixtureFile } from './fixtures.js';
import { applyMutations, mutation, type Mutation } from './mutate.js';
import { expectedRecords } from './oracle.js';

/**
 * The CLI-level fuzz: a fixture, damaged by a few mutations, maybe gzipped (whole, truncated or with a byte
 * changed), read by `main()` in-process from a file, a folder or standard input, with a report format; twice.
 */
export interface FuzzCase {
  fixture: string;
  mutations: Mutation[];
  gzip: 'none' | 'whole' | 'truncated' | 'flipped';
  gzipAt: number;
  via: 'file' | 'folder' | 'stdin';
  /** Force the fixture's own format (`--input-format`), so that no detection decides the file is no log. */
  force: boolean;
  report: (typeof REPORT_FORMATS)[number];
  maxRecordSize?: '1KB' | '4KB' | '64KB';
  maxErrors?: number;
  /**
   * A second copy of the fixture, damaged otherwise, read with it: sessions then span two files, and the findings
   * must not depend on the order the files are named in.
   */
  second?: Mutation[];
}

export const REPORT_FORMATS = ['table', 'json', 'jsonl', 'sarif', 'csv', 'markdown', 'html', 'ocsf-findings'] as const;
const RECORD_SIZES = { '1KB': 1024, '4KB': 4096, '64KB': 65536 } as const;

export function fuzzCase(files: readonly FixtureFile[], options: { maxMutations: number; maxHuge: number }): fc.Arbitrary<FuzzCase> {
  return fc.record(
    {
      fixture: fc.constantFrom(...files.map((f) => f.name)),
      mutations: fc.array(mutation(options.maxHuge), { minLength: 1, maxLength: options.maxMutations }),
      gzip: fc.oneof(
        { weight: 6, arbitrary: fc.constant('none' as const) },
        { weight: 2, arbitrary: fc.constant('whole' as const) },
        { weight: 1, arbitrary: fc.constantFrom('truncated' as const, 'flipped' as const) },
      ),
      gzipAt: fc.nat(),
      via: fc.constantFrom('file' as const, 'file' as const, 'folder' as const, 'stdin' as const),
      force: fc.boolean(),
      report: fc.constantFrom(...REPORT_FORMATS),
      maxRecordSize: fc.option(fc.constantFrom('1KB' as const, '4KB' as const, '64KB' as const), { nil: undefined, freq: 4 }),
      maxErrors: fc.option(fc.nat({ max: 5 }), { nil: undefined, freq: 6 }),
      second: fc.option(fc.array(mutation(options.maxHuge), { maxLength: options.maxMutations }), { nil: undefined, freq: 3 }),
    },
    { requiredKeys: ['fixture', 'mutations', 'gzip', 'gzipAt', 'via', 'force', 'report'] },
  );
}

/** The bytes a case reads: the fixture mutated, then compressed (and damaged) if the case says so. */
export function caseBytes(c: FuzzCase, files: readonly FixtureFile[], mutations = c.mutations): { plain: Buffer; input: Buffer } {
  const file = files.find((f) => f.name === c.fixture)!;
  const plain = applyMutations(readFileSync(file.path), mutations);
  if (c.gzip === 'none') return { plain, input: plain };
  const gz = gzipSync(plain);
  if (c.gzip === 'whole') return { plain, input: gz };
  // Past the 10-byte header, so that the magic bytes still say gzip.
  const at = 10 + (c.gzipAt % Math.max(1, gz.length - 10));
  if (c.gzip === 'truncated') return { plain, input: gz.subarray(0, at) };
  const flipped = Buffer.from(gz);
  flipped[at] = flipped[at]! ^ (1 + (c.gzipAt % 255));
  return { plain, input: flipped };
}

interface InputEntry {
  path: string;
  format: string | null;
  events: number;
  skipped: number;
  errors: { line: number; reason: string }[];
  errorsNotListed: number;
  notRead?: string;
}

/** What went wrong with a case, as sentences; empty when the run keeps every promise. */
/** How many cases had their records counted against the oracle: a fuzz that counts none proves little. */
export const stats = { cases: 0, counted: 0 };

export async function checkCase(c: FuzzCase, files: readonly FixtureFile[], workDir: string): Promise<string[]> {
  stats.cases++;
  const file = files.find((f) => f.name === c.fixture)!;
  const { plain, input } = caseBytes(c, files);
  const dir = mkdtempSync(join(workDir, 'case-'));
  try {
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    const name = basename(file.path) + (c.gzip === 'none' ? '' : '.gz');
    const path = join(logs, name);
    writeFileSync(path, input);
    // The second copy is read from the folder or named after the first; never with standard input.
    const second = c.second && c.via !== 'stdin' ? { ...caseBytes(c, files, c.second), path: join(logs, `b-${name}`) } : undefined;
    if (second) writeFileSync(second.path, second.input);
    const targets = c.via === 'folder' ? [logs] : c.via === 'stdin' ? ['-'] : second ? [path, second.path] : [path];
    const flags = ['--format', c.report, '--quiet'];
    if (file.logFormat !== undefined) flags.push('--log-format', file.logFormat);
    if (c.force && file.logFormat === undefined) flags.push('--input-format', formatOf(file));
    if (c.maxRecordSize) flags.push('--max-record-size', c.maxRecordSize);
    if (c.maxErrors !== undefined) flags.push('--max-errors', String(c.maxErrors));
    const run = async (n: number, paths: string[]) => {
      const jsonFile = join(dir, `report-${n}.json`);
      const result = await runCli(['scan', ...paths, ...flags, '--json', jsonFile], { stdin: c.via === 'stdin' ? input : undefined });
      let json: string | undefined;
      try {
        json = readFileSync(jsonFile, 'utf8');
      } catch {
        json = undefined;
      }
      return { run: result, json };
    };
    const runs = [await run(1, targets), await run(2, targets)];
    const problems: string[] = [];
    const [first, again] = runs as [(typeof runs)[0], (typeof runs)[0]];
    // A --log-format file cannot be forced: detection by its layout decides.
    problems.push(...checkRun(first.run, { ...c, force: c.force && file.logFormat === undefined }));
    if (first.run.code !== again.run.code) problems.push(`exit codes differ between two runs: ${first.run.code}, ${again.run.code}`);
    if (first.run.stdout !== again.run.stdout) problems.push(`the ${c.report} report differs between two runs of the same input`);
    if (first.json !== again.json) problems.push('the JSON report file differs between two runs of the same input');
    if (first.json === undefined) {
      if (first.run.code !== 2) problems.push(`no JSON report was written, and the exit code is ${first.run.code}, not 2`);
      return problems;
    }
    let report: { inputs: InputEntry[] };
    try {
      report = JSON.parse(first.json) as typeof report;
    } catch (err) {
      return [...problems, `the JSON report file does not parse: ${(err as Error).message}`];
    }
    problems.push(...checkInputs(report.inputs, c, plain, file, path));
    if (second) problems.push(...checkInputs(report.inputs, { ...c, mutations: c.second! }, second.plain, file, second.path));
    if (second && c.via === 'file') {
      const reversed = await run(3, [second.path, path]);
      if (reversed.run.code !== first.run.code)
        problems.push(`the exit code depends on the order the files are named in: ${first.run.code}, ${reversed.run.code}`);
      if (reversed.json !== undefined) problems.push(...sameFindings(first.json, reversed.json));
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DETECTED = new Map<string, string>();

/** The format a fixture is read as, undamaged (the folders agents/ and demo/ mix formats); '' for no log. */
export function formatOf(file: FixtureFile): string {
  let id = DETECTED.get(file.name);
  if (id === undefined) {
    const d = detectFormat(
      readFileSync(file.path, 'utf8')
        .replace(/^\uFEFF/, '')
        .slice(0, 64 * 1024),
      FORMATS,
    );
    id = 'reason' in d ? '' : d.format.id;
    DETECTED.set(file.name, id);
  }
  return id;
}

/** The files the fuzz damages: logs (not baselines or other files that fixtures/ keeps beside them). */
export function logFiles(files: readonly FixtureFile[]): FixtureFile[] {
  return files.filter((f) => f.logFormat !== undefined || formatOf(f) !== '');
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

function checkRun(run: CliRun, c: FuzzCase): string[] {
  const problems: string[] = [];
  if (![0, 1, 2, 3].includes(run.code)) problems.push(`exit code ${run.code} is none of 0, 1, 2, 3`);
  if (run.code === 3 && c.maxErrors === undefined) problems.push('exit code 3 without --max-errors');
  if (/internal error/i.test(run.stderr)) problems.push(`internal error: ${run.stderr.slice(0, 600)}`);
  if (STACK_LINE.test(run.stderr) || STACK_LINE.test(run.stdout)) problems.push(`a stack trace was printed: ${run.stderr.slice(0, 600)}`);
  if (run.code === 2) {
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('borrowscan: error:'));
    if (errors.length === 0) problems.push(`exit 2 without an error line: ${run.stderr.slice(0, 300)}`);
    // A file named on the command line that is no log, or whose gzip breaks before its head is read, is an error.
    const unreadable = (l: string) => c.gzip !== 'none' && c.gzip !== 'whole' && /file could not be read: gzip/.test(l);
    const allowed = c.via !== 'folder' && errors.every((l) => /is not a log borrowscan can read/.test(l) && (!c.force || unreadable(l)));
    if (!allowed) problems.push(`exit 2 on input that must be read: ${run.stderr.slice(0, 400)}`);
  }
  if (run.code !== 2) problems.push(...checkOutput(run.stdout, c.report));
  return problems;
}

/** Each report format's text parses as what it says it is. */
function checkOutput(out: string, format: FuzzCase['report']): string[] {
  try {
    switch (format) {
      case 'json':
        JSON.parse(out);
        break;
      case 'jsonl':
      case 'ocsf-findings':
        for (const line of out.split('\n')) if (line.length > 0) JSON.parse(line);
        break;
      case 'html':
        if (!/^<!DOCTYPE html>/i.test(out) || !/<\/html>\s*$/.test(out)) return ['an HTML report that is no whole document'];
        break;
      case 'sarif': {
        const sarif = JSON.parse(out) as { version?: string; runs?: { results?: { locations?: unknown[] }[] }[] };
        if (sarif.version !== '2.1.0' || !Array.isArray(sarif.runs)) return ['SARIF without version 2.1.0 and runs'];
        for (const r of sarif.runs[0]?.results ?? [])
          if (!r.locations || r.locations.length === 0) return ['a SARIF result without a location'];
        break;
      }
      case 'csv': {
        const rows = parseCsv(out, { relax_column_count: false }) as string[][];
        if (rows.length === 0) return ['an empty CSV report (not even a header)'];
        break;
      }
      case 'table':
      case 'markdown':
        if (out.trim().length === 0) return [`an empty ${format} report`];
        break;
    }
  } catch (err) {
    return [`the ${format} report does not parse: ${(err as Error).message}`];
  }
  // No log field reaches a terminal raw: colour is off here, so no escape character may be written at all.
  if ((format === 'table' || format === 'markdown' || format === 'csv') && /[\u001b\u009b]/.test(out))
    return [`a raw terminal escape in the ${format} report`];
  return [];
}

const FORMAT_BY_ID = new Map<string, LogFormat>(FORMATS.map((f) => [f.id, f]));

function checkInputs(inputs: InputEntry[], c: FuzzCase, plain: Buffer, file: FixtureFile, path: string): string[] {
  const problems: string[] = [];
  const shown = c.via === 'stdin' ? '-' : path;
  const entry = inputs.find((i) => i.path === shown);
  if (!entry) return [`the report has no entry for the input (${inputs.map((i) => i.path).join(', ')})`];
  if (entry.errors.length + entry.errorsNotListed !== entry.skipped)
    problems.push(`skipped ${entry.skipped}, but ${entry.errors.length} listed and ${entry.errorsNotListed} not listed`);
  for (const e of entry.errors) {
    if (/could not map record|Maximum call stack|internal/i.test(e.reason))
      problems.push(`line ${e.line}: a reader or mapper threw: ${e.reason.slice(0, 300)}`);
    if (e.reason.trim().length === 0) problems.push(`line ${e.line}: a skip without a reason`);
  }
  const damagedGzip = c.gzip === 'truncated' || c.gzip === 'flipped';
  if (!damagedGzip) {
    for (const e of entry.errors)
      if (/reading stopped early|could not be read/.test(e.reason)) problems.push(`an intact file stopped early: ${e.reason}`);
  }
  if (entry.notRead !== undefined || entry.format === null || damagedGzip) return problems;
  const format = entry.format === 'log-format' && file.logFormat ? compileLogFormat(file.logFormat) : FORMAT_BY_ID.get(entry.format);
  if (!format) return [...problems, `unknown format ${entry.format} in the report`];
  const maxBytes = c.maxRecordSize ? RECORD_SIZES[c.maxRecordSize] : DEFAULT_MAX_RECORD_BYTES;
  const expected = expectedRecords(plain, format, maxBytes);
  if (expected !== undefined) stats.counted++;
  if (expected !== undefined && entry.events + entry.skipped !== expected) {
    problems.push(`read as ${entry.format}: ${entry.events} events + ${entry.skipped} skipped, but the file holds ${expected} records`);
  }
  return problems;
}

/** Two reports of the same files named in two orders hold the same findings and the same totals. */
function sameFindings(a: string, b: string): string[] {
  type Report = { findings: { id: string }[]; summary: Record<string, unknown> };
  const [x, y] = [JSON.parse(a) as Report, JSON.parse(b) as Report];
  const byId = (r: Report) => JSON.stringify([...r.findings].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0)));
  const problems: string[] = [];
  if (JSON.stringify(x.summary) !== JSON.stringify(y.summary))
    problems.push(`the summary depends on the order the files are named in: ${JSON.stringify(x.summary)} / ${JSON.stringify(y.summary)}`);
  if (byId(x) !== byId(y)) {
    const ids = (r: Report) =>
      r.findings
        .map((f) => f.id)
        .sort()
        .join(',');
    problems.push(
      `the findings depend on the order the files are named in${ids(x) === ids(y) ? ' (the same ids, other contents)' : `: ${ids(x)} / ${ids(y)}`}`,
    );
  }
  return problems;
}

/** Writes a failing case where it can be run again: the input, the case, and the command. */
export function saveFailure(c: FuzzCase, files: readonly FixtureFile[], problems: readonly string[], outDir: string, seed: number): string {
  const dir = join(outDir, `seed-${seed}-${Date.now()}`);
  const inputDir = join(dir, 'input');
  mkdirSync(inputDir, { recursive: true });
  const file = files.find((f) => f.name === c.fixture)!;
  const { input } = caseBytes(c, files);
  const path = join(inputDir, basename(file.path) + (c.gzip === 'none' ? '' : '.gz'));
  writeFileSync(path, input);
  const second = c.second && c.via !== 'stdin' ? join(inputDir, `b-${basename(path)}`) : undefined;
  if (second) writeFileSync(second, caseBytes(c, files, c.second).input);
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify({ seed, case: c, problems }, null, 2)}\n`);
  const flags = [`--format ${c.report}`];
  if (c.force && file.logFormat === undefined) flags.push(`--input-format ${formatOf(file)}`);
  if (c.maxRecordSize) flags.push(`--max-record-size ${c.maxRecordSize}`);
  if (c.maxErrors !== undefined) flags.push(`--max-errors ${c.maxErrors}`);
  if (file.logFormat !== undefined) flags.push(`--log-format "$(cat fixtures/${file.name.replace(/[^/]+$/, 'log_format.conf')})"`);
  const target =
    c.via === 'stdin'
      ? `- < "${path}"`
      : c.via === 'folder'
        ? `"${inputDir}"`
        : [path, second]
            .filter(Boolean)
            .map((p) => `"${p}"`)
            .join(' ');
  writeFileSync(
    join(dir, 'repro.sh'),
    `#!/bin/sh\n# ${problems.join('\n# ')}\n# from the repository root:\nnode bin/borrowscan.js scan ${target} ${flags.join(' ')}\n`,
  );
  return dir;
}

export function workRoot(): string {
  return mkdtempSync(join(tmpdir(), 'borrowscan-fuzz-'));
}

export { fixtureFiles };
