import { describe, expect, it } from 'vitest';
import { CORPUS, corpusExists } from '../helpers/corpus.js';
import { runCli } from './run-cli.js';

if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping the scan of the whole corpus`);

describe.skipIf(!corpusExists)('a scan of the whole shared corpus of real exports', () => {
  it('finds the one cookie carried to another machine (Firefox on macOS, then Safari on iOS) and nothing else', async () => {
    const run = await runCli(['scan', CORPUS, '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { rule: string; session: string }) => `${f.rule} ${f.session}`)).toEqual([
      'session-context-change 102nZHzd6OHSfGG51vsoc22gw',
    ]);
    expect(run.stderr).not.toMatch(/internal error/);
  });
});
