import { describe, expect, it } from 'vitest';
import { CORPUS, corpusExists, filesIn, filesOfOtherFormats, recordCount } from './corpus.js';
import { readDetected } from './read-file.js';

if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping okta corpus tests`);

describe.skipIf(!corpusExists)('okta corpus: vendor exports', () => {
  it('reads every record of every file in okta/', async () => {
    const files = filesIn('okta');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { report, events } = await readDetected(file);
      expect(report.format, file).toBe('okta');
      expect(report.errors, file).toEqual([]);
      expect(events.length, file).toBe(recordCount(file));
    }
  });

  it('finds the shared session of the Filebeat sample', async () => {
    const [file] = filesIn('okta');
    const { events } = await readDetected(file!);
    const shared = events.filter((e) => e.sessionId === '102bZDNFfWaQSyEZQuDgWt-uQ');
    expect(shared.map((e) => e.action).sort()).toEqual([
      'policy.evaluate_sign_on',
      'policy.evaluate_sign_on',
      'user.account.report_suspicious_activity_by_enduser',
      'user.session.start',
    ]);
    expect(shared.every((e) => e.user === 'xxxxxx@elastic.co')).toBe(true);
  });
});

/** What the SIEM re-exports hold that cannot be read: records with `published` redacted or missing. */
const SIEM_EXPECTED: Record<string, { events: number; skipped: Record<number, string> }> = {
  'okta__panther-analysis_okta-test-events.ndjson': {
    events: 16,
    skipped: {
      16: 'no readable time (published: "redacted")',
      17: 'no readable time (published: "redacted")',
      18: 'no readable time (published: "redacted")',
      19: 'no readable time (published missing)',
      20: 'no readable time (published missing)',
      22: 'no readable time (published missing)',
    },
  },
  'okta__panther-analysis_okta-test-events_variant-lowercase-keys.ndjson': {
    events: 30,
    skipped: { 30: 'no readable time (published missing)' },
  },
};

describe.skipIf(!corpusExists)('okta corpus: SIEM re-exports', () => {
  const files = corpusExists ? filesIn('siem-normalized', 'okta__') : [];

  it('knows what to expect of every okta__ file', () => {
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(Object.keys(SIEM_EXPECTED).sort());
  });

  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s: reads what can be read, skips the rest with a reason', async (name, file) => {
    const expected = SIEM_EXPECTED[name]!;
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('okta');
    expect(events.length + report.skipped).toBe(recordCount(file));
    expect(events.length).toBe(expected.events);
    expect(Object.fromEntries(report.errors.map((e) => [e.line, e.reason]))).toEqual(expected.skipped);
  });

  it('reads lowercased keys, app actors and OAuth details from the variant file', async () => {
    const file = files.find((f) => f.includes('variant-lowercase-keys'))!;
    const { events } = await readDetected(file);
    const code = events.find((e) => e.action === 'app.oauth2.authorize.code')!;
    expect(code).toMatchObject({ user: undefined, clientId: 'okta.1234', sessionId: '123456789', grantType: 'authorization_code' });
    const starts = events.filter((e) => e.kind === 'signin');
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((e) => e.interactive === true && e.user !== undefined)).toBe(true);
    expect(events.filter((e) => e.action === 'policy.evaluate_sign_on').every((e) => e.outcome === 'unknown')).toBe(true);
  });
});

describe.skipIf(!corpusExists)('okta detection on the rest of the corpus', () => {
  it('claims no file of another format', async () => {
    const others = filesOfOtherFormats('okta');
    expect(others.length).toBeGreaterThan(20);
    const claimed: string[] = [];
    for (const file of others) {
      if ((await readDetected(file)).report.format === 'okta') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
