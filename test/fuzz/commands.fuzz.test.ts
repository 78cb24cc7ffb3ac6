import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../cli/run-cli.js';
import { FUZZ_SEED } from '../helpers/seed.js';
import { caseBytes, type FuzzCase, fixtureFiles, formatOf, fuzzCase, logFiles, workRoot } from './cli-fuzz.js';

/**
 * The commands beside `scan` on the same damaged inputs: `agents`, `baseline` and `export` read what scan reads, so
 * they keep its promises (no crash, no stack trace, an error line for exit 2, the same output twice), and `export`
 * writes one row per event that scan counts.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const FILES = logFiles(fixtureFiles());
const WORK = workRoot();
/** Cases whose export rows were counted against scan's events: a fuzz that compares none proves little. */
const compared = { cases: 0 };
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

interface Outcome {
  run: CliRun;
  written?: string;
}

function keepsPromises(command: string, outcome: Outcome, allowed: readonly number[]): string[] {
  const { run } = outcome;
  const problems: string[] = [];
  if (!allowed.includes(run.code)) problems.push(`${command}: exit code ${run.code} is none of ${allowed.join(', ')}`);
  if (/internal error/i.test(run.stderr)) problems.push(`${command}: internal error: ${run.stderr.slice(0, 400)}`);
  if (STACK_LINE.test(run.stderr) || STACK_LINE.test(run.stdout)) problems.push(`${command}: a stack trace was printed`);
  if (run.code === 2 && !run.stderr.split('\n').some((l) => l.startsWith('borrowscan: error:'))) {
    problems.push(`${command}: exit 2 without an error line: ${run.stderr.slice(0, 300)}`);
  }
  return problems;
}

async function runWritten(args: string[], out: string): Promise<Outcome> {
  const run = await runCli([...args, '-o', out]);
  let written: string | undefined;
  try {
    written = readFileSync(out, 'utf8');
  } catch {
    written = undefined;
  }
  return { run, written };
}

async function checkCommands(c: FuzzCase): Promise<string[]> {
  const file = FILES.find((f) => f.name === c.fixture)!;
  const dir = mkdtempSync(join(WORK, 'case-'));
  try {
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    const path = join(logs, basename(file.path) + (c.gzip === 'none' ? '' : '.gz'));
    writeFileSync(path, caseBytes(c, FILES).input);
    const input = [path];
    if (file.logFormat !== undefined) input.push('--log-format', file.logFormat);
    else if (c.force) input.push('--input-format', formatOf(file));
    if (c.maxRecordSize) input.push('--max-record-size', c.maxRecordSize);

    const problems: string[] = [];
    const twice = async (name: string, once: (n: number) => Promise<Outcome>, allowed: readonly number[]) => {
      const [a, b] = [await once(1), await once(2)];
      problems.push(...keepsPromises(name, a, allowed));
      if (a.run.code !== b.run.code || a.run.stdout !== b.run.stdout || a.written !== b.written)
        problems.push(`${name}: two runs of the same input differ`);
      return a;
    };

    const agents = await twice('agents', async () => ({ run: await runCli(['agents', ...input, '--format', 'json']) }), [0, 2]);
    if (agents.run.code === 0) {
      try {
        JSON.parse(agents.run.stdout);
      } catch (err) {
        problems.push(`agents: the JSON does not parse: ${(err as Error).message}`);
      }
    }

    const baseline = await twice('baseline', (n) => runWritten(['baseline', ...input], join(dir, `baseline-${n}.json`)), [0, 2]);
    if (baseline.run.code === 0 && baseline.written === undefined) problems.push('baseline: exit 0 and no baseline written');

    const exported = await twice(
      'export',
      (n) => runWritten(['export', ...input, '--to', 'ocsf-ndjson'], join(dir, `export-${n}.ndjson`)),
      [0, 2],
    );
    const scan = await runCli(['scan', ...input, '--format', 'json', '--quiet']);
    if (exported.run.code === 0 && scan.code !== 2) {
      const rows = (exported.written ?? '').split('\n').filter((l) => l.length > 0);
      for (const row of rows) {
        try {
          JSON.parse(row);
        } catch {
          problems.push(`export: a row that is no JSON: ${row.slice(0, 200)}`);
          break;
        }
      }
      const events = (JSON.parse(scan.stdout) as { inputs: { events: number }[] }).inputs.reduce((sum, i) => sum + i.events, 0);
      compared.cases++;
      if (rows.length !== events) problems.push(`export wrote ${rows.length} rows, scan read ${events} events`);
    }
    if ((exported.run.code === 2) !== (scan.code === 2)) problems.push(`export exits ${exported.run.code} where scan exits ${scan.code}`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('agents, baseline and export on damaged fixtures (fuzz)', () => {
  it(`keep scan's promises on ${RUNS} mutated inputs, and export writes a row per event scan reads (seed ${FUZZ_SEED})`, async () => {
    const property = fc.asyncProperty(fuzzCase(FILES, { maxMutations: 3, maxHuge: 70 * 1024 }), async (c) => {
      const problems = await checkCommands(c);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    const details = await fc.check(property, { seed: FUZZ_SEED, numRuns: RUNS });
    if (details.failed) {
      const problems = (details.errorInstance as Error | undefined)?.message ?? String(details.errorInstance);
      expect.fail(`${fc.defaultReportMessage(details)}\n\nwhat went wrong (shrunk case):\n${problems}`);
    }
    expect(compared.cases).toBeGreaterThan(RUNS / 3);
  }, 120_000);
});
