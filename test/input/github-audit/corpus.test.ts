import { describe, expect, it } from 'vitest';
import { CORPUS, corpusExists, fileName, filesIn, filesOfOtherFormats, recordCount } from './corpus.js';
import { readDetected } from './read-file.js';

if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping github-audit corpus tests`);

/** Vendor-shaped exports (one event per line, epoch-ms times): every record is read. */
const VENDOR_EXPECTED: Record<string, number> = {
  'azure-sentinel_Github_sample_logs.json': 63,
  'elastic-integrations_github_audit_test-api-request-events.log': 2,
};

describe.skipIf(!corpusExists)('github-audit corpus: vendor exports', () => {
  const files = corpusExists ? filesIn('github-audit') : [];
  const file = (suffix: string) => files.find((f) => f.endsWith(suffix))!;

  it('knows what to expect of every file in github-audit/', () => {
    expect(files.map(fileName).sort()).toEqual(Object.keys(VENDOR_EXPECTED).sort());
  });

  it.each(files.map((f) => [fileName(f), f]))('%s: every event is read', async (name, path) => {
    const { report, events } = await readDetected(path);
    expect(report.format).toBe('github-audit');
    expect(report.errors).toEqual([]);
    expect(events.length).toBe(VENDOR_EXPECTED[name]);
    expect(events.length).toBe(recordCount(path));
  });

  it('reads the personal security log: sign-ins, sign-outs and token creations', async () => {
    const { events } = await readDetected(file('Github_sample_logs.json'));
    const count = (kind: string) => events.filter((e) => e.kind === kind).length;
    expect([count('signin'), count('signout'), count('token'), count('request')]).toEqual([11, 3, 11, 0]);
    expect(events.filter((e) => e.kind === 'signin' && e.outcome === 'failure').map((e) => e.source.line)).toEqual([23, 55, 56, 57, 63]);
    expect(events.filter((e) => e.kind === 'signin').every((e) => e.interactive === true)).toBe(true);
    expect(events.find((e) => e.source.line === 1)).toMatchObject({ action: 'user.login', time: 1711431195806, user: 'siteshjha11' });
    const forgot = events.find((e) => e.action === 'user.forgot_password')!;
    expect(forgot.user).toBeUndefined();
    const oauth = events.filter((e) => e.tokenId === 'oO87EZ2kLq0AcTXOS4TTjqABuMcOK66xV+5/H7/S7bg=');
    expect(oauth.map((e) => e.action)).toEqual(['oauth_access.regenerate', 'oauth_access.create']);
  });

  it('reads the api.request event of the Elastic sample', async () => {
    const [request, repo] = (await readDetected(file('test-api-request-events.log'))).events;
    expect(request).toMatchObject({
      kind: 'request',
      action: 'GET /repos/{owner}/{repo}/pulls',
      status: 200,
      user: 'user_actor',
      userAgent: 'curl/7.79.1',
      tokenId: 'E8Fzcgs3TQXqhrKKC/qNR+2XZnaK3ykQBSAt1kPMiJs=',
      time: 1741611465102,
    });
    expect(repo).toMatchObject({ kind: 'other', action: 'repo.create' });
  });
});

/** Panther's test events: 26 carry no time at all and 4 a malformed `created_at`. */
const NO_TIME = 'no readable time (@timestamp, created_at, at_sign_timestamp missing)';
const MALFORMED = 'no readable time (created_at: "2024-12-17 00:00:00000000")';
const NO_TIME_LINES = [42, 43, 44, 51, 56, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 86, 87, 88, 90];
const SIEM_EXPECTED: Record<string, { events: number; skipped: Record<number, string> }> = {
  'github-audit__panther-analysis_github-test-events.ndjson': {
    events: 62,
    skipped: {
      ...Object.fromEntries(NO_TIME_LINES.map((line) => [line, NO_TIME])),
      ...Object.fromEntries([49, 50, 52, 53].map((line) => [line, MALFORMED])),
    },
  },
};

describe.skipIf(!corpusExists)('github-audit corpus: SIEM re-exports', () => {
  const files = corpusExists ? filesIn('siem-normalized', 'github-audit__') : [];

  it('knows what to expect of every github-audit__ file', () => {
    expect(files.map(fileName).sort()).toEqual(Object.keys(SIEM_EXPECTED).sort());
  });

  it.each(files.map((f) => [fileName(f), f]))('%s: reads what can be read, skips the rest with a reason', async (name, file) => {
    const expected = SIEM_EXPECTED[name]!;
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('github-audit');
    expect(events.length + report.skipped).toBe(recordCount(file));
    expect(events.length).toBe(expected.events);
    expect(Object.fromEntries(report.errors.map((e) => [e.line, e.reason]))).toEqual(expected.skipped);
  });

  it('reads Panther time forms, the float epoch and the git events', async () => {
    const { events } = await readDetected(files[0]!);
    const byLine = (line: number) => events.find((e) => e.source.line === line)!;
    expect(byLine(2).time).toBe(Date.parse('2023-01-31T18:58:27.638Z'));
    expect(byLine(34).time).toBe(1621305118553);
    expect(byLine(45).time).toBe(1623971719091);
    expect(byLine(62)).toMatchObject({
      action: 'git.clone',
      kind: 'other',
      ip: '5.6.7.8',
      userAgent: 'git/2.30.2',
      tokenId: '0771cae4d170dc02a6ff393d9946cd684d6145c1=',
    });
    expect(byLine(62).time).toBe(Date.parse('2023-11-20T21:20:09.423Z'));
    expect(byLine(47).user).toBeUndefined();
    expect(events.every((e) => e.kind === 'other')).toBe(true);
  });
});

describe.skipIf(!corpusExists)('github-audit detection on the rest of the corpus', () => {
  it('claims no file of another format', async () => {
    const others = filesOfOtherFormats('github-audit');
    expect(others.length).toBeGreaterThan(20);
    const claimed: string[] = [];
    for (const file of others) {
      if ((await readDetected(file)).report.format === 'github-audit') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
