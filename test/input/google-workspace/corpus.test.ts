import { describe, expect, it } from 'vitest';
import { CORPUS, corpusExists, fileName, filesIn, filesOfOtherFormats, recordCount } from './corpus.js';
import { readDetected } from './read-file.js';

if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping google-workspace corpus tests`);

/** Elastic's test files (one activity per line, `events` as an object): every record is read. */
const VENDOR_EXPECTED: Record<string, number> = {
  'elastic-integrations_google_workspace_test-admin-security.log': 26,
  'elastic-integrations_google_workspace_test-login.log': 17,
};

describe.skipIf(!corpusExists)('google-workspace corpus: Elastic exports', () => {
  const files = corpusExists ? filesIn('google-workspace') : [];

  it('knows what to expect of every file in google-workspace/', () => {
    expect(files.map(fileName).sort()).toEqual(Object.keys(VENDOR_EXPECTED).sort());
  });

  it.each(files.map((f) => [fileName(f), f]))('%s: every activity is read', async (name, file) => {
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('google-workspace');
    expect(report.errors).toEqual([]);
    expect(events.length).toBe(VENDOR_EXPECTED[name]);
    expect(events.length).toBe(recordCount(file));
    expect(events.every((e) => e.user !== undefined && e.ip !== undefined && e.sessionId === undefined)).toBe(true);
  });

  it('reads the login application: sign-ins, their login_type, sign-out and challenge results', async () => {
    const file = files.find((f) => f.endsWith('test-login.log'))!;
    const { events } = await readDetected(file);
    const byLine = (line: number) => events.find((e) => e.source.line === line)!;
    expect(byLine(10)).toMatchObject({ kind: 'signin', outcome: 'failure', interactive: false });
    expect(byLine(11)).toMatchObject({ kind: 'other', action: 'login_challenge', outcome: 'success' });
    expect(byLine(13)).toMatchObject({ kind: 'signout' });
    expect(byLine(14)).toMatchObject({ kind: 'signin', outcome: 'success', interactive: false });
    expect(byLine(15)).toMatchObject({ kind: 'signin', outcome: 'success', interactive: true });
    expect(byLine(17)).toMatchObject({ action: 'login_verification', outcome: 'success', time: Date.parse('2025-02-27T05:59:58.481Z') });
    expect(events.filter((e) => e.kind === 'signin')).toHaveLength(3);
  });
});

/** Panther's flattening: 58 of its 123 test activities have no `id.time` at all (stubs written for rule tests). */
const NO_TIME_LINES = [
  14, 15, 16, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 48, 60, 61, 62, 63,
  64, 65, 66, 67, 72, 73, 74, 75, 76, 87, 88, 89, 90, 91, 92, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120,
  121, 122, 123,
];
const SIEM_EXPECTED: Record<string, { events: number; skipped: Record<number, string> }> = {
  'google-workspace__panther-analysis_gsuite-test-events.ndjson': {
    events: 65,
    skipped: Object.fromEntries(NO_TIME_LINES.map((line) => [line, 'no readable time (id.time missing)'])),
  },
};

describe.skipIf(!corpusExists)('google-workspace corpus: SIEM re-exports', () => {
  const files = corpusExists ? filesIn('siem-normalized', 'google-workspace__') : [];

  it('knows what to expect of every google-workspace__ file', () => {
    expect(files.map(fileName).sort()).toEqual(Object.keys(SIEM_EXPECTED).sort());
  });

  it.each(files.map((f) => [fileName(f), f]))('%s: reads what can be read, skips the rest with a reason', async (name, file) => {
    const expected = SIEM_EXPECTED[name]!;
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('google-workspace');
    expect(events.length + report.skipped).toBe(recordCount(file));
    expect(events.length).toBe(expected.events);
    expect(Object.fromEntries(report.errors.map((e) => [e.line, e.reason]))).toEqual(expected.skipped);
  });

  it('reads the OAuth grants, the SAML sign-in and the calendar user agent', async () => {
    const { events } = await readDetected(files[0]!);
    const grants = events.filter((e) => e.kind === 'token');
    expect(grants.map((e) => [e.source.line, e.clientHint?.app])).toEqual([
      [68, 'SuspiciousThirdPartyApp'],
      [69, 'LegitimateCalendarApp'],
      [71, 'AdminToolApp'],
    ]);
    expect(grants.every((e) => e.clientId === '123456789012-abcdefghijklmnopqrstuvwxyz123456.apps.googleusercontent.com')).toBe(true);
    const saml = events.find((e) => e.source.line === 49)!;
    expect(saml).toMatchObject({ kind: 'other', action: 'login_success', user: 'some.user@somedomain.com' });
    expect(events.find((e) => e.source.line === 20)!.userAgent).toBe('Mozilla/5.0');
    expect(events.find((e) => e.source.line === 1)!.time).toBe(Date.parse('2022-12-11T02:57:48.693Z'));
  });
});

describe.skipIf(!corpusExists)('google-workspace detection on the rest of the corpus', () => {
  it('claims no file of another format', async () => {
    const others = filesOfOtherFormats('google-workspace');
    expect(others.length).toBeGreaterThan(20);
    const claimed: string[] = [];
    for (const file of others) {
      if ((await readDetected(file)).report.format === 'google-workspace') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
