import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, corpusFilesOutside, haveCorpus, jsonRecordCount, readDetected } from '../cloudtrail/read-file.js';

if (!haveCorpus) console.warn(`corpus not found at ${CORPUS}: skipping ocsf corpus tests`);

/** Elastic License 2.0 files: read in place, never copied into fixtures/. */
const EXPECTED: Record<string, { events: number; skipped: number }> = {
  'elastic-integrations_amazon_security_lake_test-api-activity.log': { events: 1, skipped: 0 },
  'elastic-integrations_amazon_security_lake_test-authentication.log': { events: 1, skipped: 0 },
};

describe.skipIf(!haveCorpus)('ocsf corpus', () => {
  const files = haveCorpus ? corpusFiles('ocsf') : [];

  it('knows every file', () => {
    expect(files.map((f) => basename(f))).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files.map((f) => [basename(f), f]))('%s: every record accounted for', async (name, file) => {
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('ocsf');
    expect([events.length, report.skipped]).toEqual([EXPECTED[name]!.events, EXPECTED[name]!.skipped]);
    expect(events.length + report.skipped).toBe(jsonRecordCount(file));
  });

  it('reads the API activity on the access key and the console logon as an interactive sign-in', async () => {
    const [api, auth] = await Promise.all(files.map(readDetected));
    expect(api!.events[0]).toMatchObject({
      kind: 'request',
      action: 'DescribeDirectConnectGateways',
      user: 'Level6',
      sessionId: 'AKIA3Z2XBVUDFQ9TU4MD',
      ip: '1.128.0.0',
      outcome: 'success',
      time: 1600726972000,
    });
    expect(api!.events[0]!.userAgent).toMatch(/^Boto3\/1\.15\.2/);
    expect(auth!.events[0]).toMatchObject({
      kind: 'signin',
      action: 'ConsoleLogin',
      interactive: true,
      user: 'anaya',
      outcome: 'success',
      time: 1668097474000,
    });
    expect(auth!.events[0]!.sessionId).toBeUndefined();
  });

  it('claims no corpus file of another format', async () => {
    const claimed: string[] = [];
    for (const file of corpusFilesOutside('ocsf')) {
      if ((await readDetected(file)).report.format === 'ocsf') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
