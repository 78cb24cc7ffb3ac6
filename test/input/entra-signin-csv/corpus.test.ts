import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, haveCorpus, readDetected } from '../cloudtrail/read-file.js';

if (!haveCorpus) console.warn(`corpus not found at ${CORPUS}: skipping entra-signin-csv corpus tests`);

/** The corpus holds no portal CSV download (FORMATS.md: "no sample found"): the test is that no other file is claimed. */
describe.skipIf(!haveCorpus)('entra-signin-csv corpus', () => {
  it('claims no corpus file', async () => {
    const claimed: string[] = [];
    for (const file of corpusFiles('.')) {
      if ((await readDetected(file)).report.format === 'entra-signin-csv') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
