import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { corpusFiles } from './fixtures.js';
import { REPORTERS } from '../../src/report/index.js';
import { checkCase, fixtureFiles, fuzzCase, logFiles, REPORT_FORMATS, saveFailure, stats, workRoot, type FuzzCase } from './cli-fuzz.js';
import { FUZZ_SEED } from '../helpers/seed.js';

/**
 * `npm test` runs a few cases with a fixed seed; `npm run fuzz -- --seed N --runs N` (scripts/fuzz.mjs) runs many
 * more through the same property, with bigger values, and writes each failing input to a folder (FUZZ_OUT).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const LONG = process.env.FUZZ_RUNS !== undefined;
const MAX_HUGE = Number(process.env.FUZZ_MAX_HUGE ?? 70 * 1024);
const OUT = process.env.FUZZ_OUT;
const PROGRESS = process.env.FUZZ_PROGRESS;
// The long run also damages the shared corpus's real samples.
const FILES = logFiles([...fixtureFiles(), ...(process.env.FUZZ_CORPUS === '1' ? corpusFiles() : [])]);
const WORK = workRoot();

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('the CLI on damaged fixtures (fuzz)', () => {
  it('tries every report format', () => {
    expect([...REPORT_FORMATS].sort()).toEqual(Object.keys(REPORTERS).sort());
  });

  it(
    `keeps every promise on ${RUNS} mutated inputs (seed ${FUZZ_SEED})`,
    async () => {
      let tried = 0;
      const started = Date.now();
      const property = fc.asyncProperty(fuzzCase(FILES, { maxMutations: LONG ? 5 : 3, maxHuge: MAX_HUGE }), async (c: FuzzCase) => {
        tried++;
        // The long run says where it is, and leaves the case it is on where a watchdog finds it if the run hangs.
        if (PROGRESS) writeFileSync(PROGRESS, `${JSON.stringify({ seed: FUZZ_SEED, tried, case: c })}\n`);
        if (LONG && tried % 50 === 0) process.stderr.write(`fuzz: ${tried} cases in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
        const problems = await checkCase(c, FILES, WORK);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      });
      const details = await fc.check(property, { seed: FUZZ_SEED, numRuns: RUNS });
      if (LONG)
        process.stderr.write(
          `fuzz: ${stats.cases} cases run, ${stats.counted} counted record by record, in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
        );
      if (details.failed) {
        const c = details.counterexample![0];
        const problems = (details.errorInstance as Error | undefined)?.message ?? String(details.errorInstance);
        const saved = OUT ? saveFailure(c, FILES, problems.split('\n'), OUT, FUZZ_SEED) : undefined;
        const where = saved ? `\nthe input and a command that reads it again: ${saved}` : '';
        expect.fail(
          `${fc.defaultReportMessage(details)}\n\nwhat went wrong (shrunk case):\n${problems}${where}\n` +
            `run it again: FUZZ_SEED=${FUZZ_SEED} npm run fuzz -- --runs ${RUNS}`,
        );
      }
    },
    LONG ? 24 * 3600_000 : 60_000,
  );
});
