import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CASES, CASES_WITH_FLAGS, COMMAND_CASES, DEMO_CASES, DEMO_FORMATS, FIXTURE_CASES, type GoldenCase } from './cases.js';
import { checkNoOrphans, matchGolden } from './golden-file.js';
import { runInProcess, transcript } from './transcript.js';

async function expectGolden({ golden, args }: GoldenCase): Promise<void> {
  matchGolden(golden, transcript(args, await runInProcess(args)));
}

describe('golden: the demo scan', () => {
  for (const c of DEMO_CASES)
    it(`borrowscan ${c.args.join(' ')}: stdout, stderr and exit code match __golden__/${c.golden}`, () => expectGolden(c));

  it('prints the same reports whatever the clock says (no golden output depends on the time of the run)', async () => {
    for (const { args } of DEMO_CASES) {
      const atGoldenTime = await runInProcess(args);
      const years = await runInProcess(args, new Date('2031-06-15T12:34:56Z'));
      expect(years, args.join(' ')).toEqual(atGoldenTime);
    }
  });

  it('writes every report given as a file flag (--json FILE ...) exactly as it prints it with --format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-golden-'));
    const fileFormats = DEMO_FORMATS.filter((f) => f.fileFlag !== undefined);
    const flags = fileFormats.flatMap((f) => [f.fileFlag!, join(dir, f.format)]);
    const all = await runInProcess(['scan', 'fixtures/demo', ...flags]);
    const tableOnly = await runInProcess(['scan', 'fixtures/demo']);
    expect(all).toEqual(tableOnly);
    for (const { format } of fileFormats) {
      const printed = await runInProcess(['scan', 'fixtures/demo', '--format', format]);
      expect(readFileSync(join(dir, format), 'utf8'), format).toBe(printed.stdout);
    }
  });
});

describe('golden: one JSON report per format fixture case', () => {
  for (const c of FIXTURE_CASES) {
    it(`the JSON report of ${c.golden.replace(/\.json\.txt$/, '')}, its stderr and exit code match __golden__/${c.golden}`, () =>
      expectGolden(c));
  }

  it('finds every fixture case that needs flags', () => {
    const found = new Set(FIXTURE_CASES.map((c) => c.golden));
    for (const id of CASES_WITH_FLAGS) expect(found, id).toContain(`fixtures/${id}.json.txt`);
  });
});

describe('golden: listings, the agent inventory and help', () => {
  for (const c of COMMAND_CASES)
    it(`borrowscan ${c.args.join(' ')}: output and exit code match __golden__/${c.golden}`, () => expectGolden(c));
});

describe('golden files', () => {
  it('has no golden file that no case produces', () => checkNoOrphans(ALL_CASES.map((c) => c.golden)));
});
