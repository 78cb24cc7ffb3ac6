import { describe, expect, it } from 'vitest';
import { CORPUS, corpusExists, fileName, filesIn, filesOfOtherFormats, recordCount } from './corpus.js';
import { readDetected } from './read-file.js';

if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping auth0 corpus tests`);

describe.skipIf(!corpusExists)('auth0 corpus: Sentinel sample (Management API shape, one flattened record)', () => {
  const files = corpusExists ? filesIn('auth0') : [];

  it('holds the one expected file', () => {
    expect(files.map(fileName)).toEqual(['azure-sentinel_Auth0AM_CL.json']);
  });

  it('reads all 6 records: 5 client-credentials exchanges and 1 flattened Management API call', async () => {
    const { report, events } = await readDetected(files[0]!);
    expect(report.format).toBe('auth0');
    expect(report.errors).toEqual([]);
    expect(events).toHaveLength(6);
    expect(events.length).toBe(recordCount(files[0]!));
    expect(events.map((e) => e.source.line)).toEqual([2, 20, 38, 56, 74, 92]);
    const tokens = events.slice(0, 5);
    expect(tokens.every((e) => e.kind === 'token' && e.grantType === 'client_credentials' && e.user === undefined)).toBe(true);
    expect(tokens.every((e) => e.clientId === 'CLIENT_ID' && e.clientHint?.browser === 'Python Requests 2.27.0')).toBe(true);
    expect(events[5]).toMatchObject({
      kind: 'request',
      action: 'POST /api/v2/client-grants',
      status: 201,
      outcome: 'success',
      user: 'USER_ID',
      tokenId: 'CLIENT_ID',
      ip: '35.160.3.103',
      time: Date.parse('2022-04-13T11:33:18.757Z'),
    });
    expect(events[5]!.userAgent).toMatch(/^Mozilla\/5\.0 \(Macintosh/);
  });
});

/** Panther's Log Streams test events: every one has a readable `data.date`, so none is skipped. */
const SIEM_EXPECTED: Record<string, { events: number; skipped: Record<number, string> }> = {
  'auth0__panther-analysis_auth0-test-events.ndjson': { events: 49, skipped: {} },
};

describe.skipIf(!corpusExists)('auth0 corpus: SIEM re-exports', () => {
  const files = corpusExists ? filesIn('siem-normalized', 'auth0__') : [];

  it('knows what to expect of every auth0__ file', () => {
    expect(files.map(fileName).sort()).toEqual(Object.keys(SIEM_EXPECTED).sort());
  });

  it.each(files.map((f) => [fileName(f), f]))('%s: reads what can be read, skips the rest with a reason', async (name, file) => {
    const expected = SIEM_EXPECTED[name]!;
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('auth0');
    expect(events.length + report.skipped).toBe(recordCount(file));
    expect(events.length).toBe(expected.events);
    expect(Object.fromEntries(report.errors.map((e) => [e.line, e.reason]))).toEqual(expected.skipped);
  });

  it('reads Management API requests, the one session id and the Panther time form', async () => {
    const { events } = await readDetected(files[0]!);
    const requests = events.filter((e) => e.kind === 'request');
    expect(requests).toHaveLength(37);
    expect(requests.every((e) => e.tokenId !== undefined && e.method !== undefined && e.status !== undefined)).toBe(true);
    expect(requests.filter((e) => e.outcome === 'failure').map((e) => e.source.line)).toEqual([2, 4, 6, 8]);
    expect(events.filter((e) => e.sessionId !== undefined).map((e) => [e.source.line, e.action, e.sessionId])).toEqual([
      [11, 'fcoa', 'OJ0d2L-gDTvkmwEctP8d3XwtLD8Yu1qh'],
    ]);
    expect(events[0]!.time).toBe(Date.parse('2025-10-03T14:09:32.149Z'));
    const parsedSummary = events.find((e) => e.source.line === 42)!;
    expect(parsedSummary.userAgent).toMatch(/^Mozilla\/5\.0/);
    expect(parsedSummary.clientHint).toEqual({ browser: 'Chrome 114.0.0', os: 'Mac OS X 10.15.7' });
    expect(events.find((e) => e.source.line === 22)).toMatchObject({ action: 'pwd_leak', user: 'denethor@lotr.com', kind: 'other' });
  });
});

describe.skipIf(!corpusExists)('auth0 detection on the rest of the corpus', () => {
  it('claims no file of another format', async () => {
    const others = filesOfOtherFormats('auth0');
    expect(others.length).toBeGreaterThan(20);
    const claimed: string[] = [];
    for (const file of others) {
      if ((await readDetected(file)).report.format === 'auth0') claimed.push(file);
    }
    expect(claimed).toEqual([]);
  });
});
