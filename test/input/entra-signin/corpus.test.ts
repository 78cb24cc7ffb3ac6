import { describe, expect, it } from 'vitest';
import { CORPUS, corpusExists, filesIn, filesOfOtherFormats, recordCount } from './corpus.js';
import { readDetected } from './read-file.js';

if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping entra-signin corpus tests`);

const name = (path: string) => path.split('/').pop()!;

describe.skipIf(!corpusExists)('entra-signin corpus: diagnostic-settings exports', () => {
  it('reads every record of every file in entra-signin/', async () => {
    const files = filesIn('entra-signin');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { report, events } = await readDetected(file);
      expect(report.format, file).toBe('entra-signin');
      expect(report.errors, file).toEqual([]);
      expect(events.length, file).toBe(recordCount(file));
      expect(events.every((e) => e.user !== undefined && e.ip !== undefined), file).toBe(true);
    }
  });

  it('reads each sign-in category of the template file; an explicit isInteractive: false overrides the category', async () => {
    const file = filesIn('entra-signin').find((f) => f.endsWith('signinlogs-raw.log'))!;
    const { events } = await readDetected(file);
    expect(events.map((e) => [e.action, e.interactive, e.outcome])).toEqual([
      ['SignInLogs', false, 'failure'],
      ['NonInteractiveUserSignInLogs', false, 'failure'],
      ['ServicePrincipalSignInLogs', false, 'failure'],
      ['MicrosoftServicePrincipalSignInLogs', false, 'failure'],
      ['ManagedIdentitySignInLogs', false, 'failure'],
    ]);
    expect(events[0]!.time).toBeCloseTo(Date.parse('2019-10-18T09:45:48.072Z') + 0.9893, 2);
  });

  it('gives non-interactive sign-ins without a user agent the deviceDetail hint', async () => {
    const file = filesIn('entra-signin').find((f) => f.includes('non-interactive'))!;
    const { events } = await readDetected(file);
    expect(events.every((e) => e.userAgent === undefined && e.clientHint?.browser?.startsWith('Rich Client'))).toBe(true);
    expect(events.every((e) => e.tokenId !== undefined)).toBe(true);
  });
});

/** The SIEM re-exports of sign-ins: every record has a readable time, so none is skipped. */
const SIEM_EXPECTED: Record<string, { events: number; skipped: Record<number, string> }> = {
  'entra-signin__panther-analysis_azure-signin-test-events.ndjson': { events: 16, skipped: {} },
  'entra-signin__panther-analysis_azure-signin-test-events_variant-lowercase-keys.ndjson': { events: 9, skipped: {} },
};

describe.skipIf(!corpusExists)('entra-signin corpus: SIEM re-exports', () => {
  const files = corpusExists ? filesIn('siem-normalized', 'entra-signin__') : [];

  it('knows what to expect of every entra-signin__ file', () => {
    expect(files.map(name).sort()).toEqual(Object.keys(SIEM_EXPECTED).sort());
  });

  it.each(files.map((f) => [name(f), f]))('%s: reads what can be read, skips the rest with a reason', async (file, path) => {
    const expected = SIEM_EXPECTED[file]!;
    const { report, events } = await readDetected(path);
    expect(report.format).toBe('entra-signin');
    expect(events.length + report.skipped).toBe(recordCount(path));
    expect(events.length).toBe(expected.events);
    expect(Object.fromEntries(report.errors.map((e) => [e.line, e.reason]))).toEqual(expected.skipped);
  });

  it('reads the session ids, the SIEM time form and the Success/Failure result types', async () => {
    const file = files.find((f) => !f.includes('variant'))!;
    const { events } = await readDetected(file);
    expect(events.filter((e) => e.sessionId !== undefined).map((e) => e.sessionId)).toEqual([
      'session-abc-123',
      '00baf379-e510-523f-1c0e-346163d4a768',
      'session-office-456',
    ]);
    const byLine = (line: number) => events.find((e) => e.source.line === line)!;
    expect(byLine(1).time).toBe(Date.parse('2025-01-15T09:30:45.123Z'));
    expect(byLine(2).outcome).toBe('success');
    expect(byLine(3).outcome).toBe('failure');
    expect(byLine(1).grantType).toBe('deviceCode');
  });

  it('reads lowercased envelope keys and service principals in the variant file', async () => {
    const file = files.find((f) => f.includes('variant'))!;
    const { events } = await readDetected(file);
    const sp = events.filter((e) => e.action === 'ServicePrincipalSignInLogs');
    expect(sp).toHaveLength(7);
    expect(new Set(sp.map((e) => e.user))).toEqual(new Set(['some-service-principal', 'very-normal-service-principal']));
    expect(sp.every((e) => e.ip === '12.12.12.12' && e.interactive === false)).toBe(true);
    expect(sp.filter((e) => e.outcome === 'failure')).toHaveLength(6);
    expect(events[0]!.time).toBeCloseTo(Date.parse('2023-07-26T22:58:30.983Z') + 0.2019, 2);
  });
});

describe.skipIf(!corpusExists)('entra-signin detection on the rest of the corpus', () => {
  it('takes no audit-log file for sign-ins', async () => {
    const audit = [...filesIn('entra-audit'), ...filesIn('siem-normalized', 'entra-audit__')];
    expect(audit.length).toBeGreaterThan(0);
    for (const file of audit) {
      const { report } = await readDetected(file);
      expect(report.format, file).toBeNull();
      expect(report.notRead, file).toMatch(/not a known log format/);
    }
  });

  it('claims no file of another format', async () => {
    const others = filesOfOtherFormats('entra-signin');
    expect(others.length).toBeGreaterThan(20);
    const claimed: string[] = [];
    for (const file of others) {
      if ((await readDetected(file)).report.format === 'entra-signin') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
