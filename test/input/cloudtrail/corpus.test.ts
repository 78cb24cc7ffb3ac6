import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, corpusFilesOutside, haveCorpus, jsonRecordCount, readDetected } from './read-file.js';

if (!haveCorpus) console.warn(`corpus not found at ${CORPUS}: skipping cloudtrail corpus tests`);

/** Events per file outside invictus-aws_dataset/; none of the corpus files has a record that must be skipped. */
const EXPECTED: Record<string, number> = {
  'crowdsec-hub_aws-bf.log': 6,
  'crowdsec-hub_aws-cloudtrail-postexploit.log': 4,
  'crowdsec-hub_aws-cloudtrail.log': 2,
  'crowdsec-hub_aws-nwo-login.log': 1,
  'opensearch-catalog_aws_cloudtrail_raw-sample.json': 1,
};

describe.skipIf(!haveCorpus)('cloudtrail corpus', () => {
  const files = haveCorpus ? corpusFiles('cloudtrail') : [];
  const invictus = files.filter((f) => f.includes('/invictus-aws_dataset/'));

  it('knows every file', () => {
    expect(files.filter((f) => !invictus.includes(f)).map((f) => basename(f))).toEqual(Object.keys(EXPECTED).sort());
    expect(invictus).toHaveLength(55);
  });

  it.each(files.filter((f) => !f.includes('/invictus-aws_dataset/')).map((f) => [basename(f), f]))('%s: every record is an event', async (name, file) => {
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('cloudtrail');
    expect(report.errors).toEqual([]);
    expect(events.length).toBe(EXPECTED[name]);
    expect(events.length + report.skipped).toBe(jsonRecordCount(file));
  });

  it('reads all 2,900 events of the invictus S3 delivery files, none skipped', async () => {
    const kinds: Record<string, number> = {};
    let total = 0;
    for (const file of invictus) {
      const { report, events } = await readDetected(file);
      expect(report.format, file).toBe('cloudtrail');
      expect(report.errors, file).toEqual([]);
      expect(events.length, file).toBe(jsonRecordCount(file));
      total += events.length;
      for (const e of events) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    }
    expect(total).toBe(2900);
    // signin: 2 ConsoleLogin + 5 console-session browser calls; other: 42 AwsServiceEvent + 1 CheckMfa.
    expect(kinds).toEqual({ request: 2801, token: 49, other: 43, signin: 7 });
  });

  it('reads console sessions: browser calls start them, AWS-internal calls are not a person\'s program', async () => {
    const events = (await Promise.all(invictus.map(readDetected))).flatMap((r) => r.events);
    const consoleStarts = events.filter((e) => e.action.endsWith('(console session)'));
    expect(consoleStarts).toHaveLength(5);
    expect(consoleStarts.every((e) => e.interactive === true && e.userAgent?.includes('Firefox/102.0') && e.sessionId?.startsWith('ASIA'))).toBe(true);
    const internal = events.filter((e) => e.clientHint?.app === 'AWS Internal');
    expect(internal).toHaveLength(418);
    expect(internal.every((e) => e.userAgent === undefined)).toBe(true);
  });

  it('hands AssumeRole sessions off to the new key', async () => {
    const events = (await Promise.all(invictus.map(readDetected))).flatMap((r) => r.events);
    const handOffs = events.filter((e) => e.kind === 'token' && e.outcome === 'success');
    expect(handOffs.length).toBeGreaterThan(30);
    expect(handOffs.every((e) => e.grantType === 'AssumeRole' && e.sessionId?.startsWith('ASIA'))).toBe(true);
    const byUser = handOffs.filter((e) => e.rootSessionId !== undefined);
    expect(byUser.every((e) => e.rootSessionId === 'AKIATFQR7NSC8Q4X20BJ' && e.user === 'bert-jan')).toBe(true);
    const reused = new Set(byUser.map((e) => e.sessionId));
    expect(events.some((e) => e.kind === 'request' && reused.has(e.sessionId))).toBe(true);
  });

  it('claims no corpus file of another format', async () => {
    const claimed: string[] = [];
    for (const file of corpusFilesOutside('cloudtrail')) {
      if ((await readDetected(file)).report.format === 'cloudtrail') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
