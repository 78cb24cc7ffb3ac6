import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, readDetected } from './read-file.js';

const GRAPH = fixture('entra-signin/graph-value/signins-page-1.json');
const EVENTHUB = fixture('entra-signin/eventhub-records/eventhub-batch.json');
const DIAGNOSTIC = fixture('entra-signin/diagnostic-ndjson/PT1H.json');

describe('entra-signin fixtures: Graph signIns page', () => {
  it('is detected and every sign-in in value[] is read', async () => {
    const { report, events } = await readDetected(GRAPH);
    expect(report.format).toBe('entra-signin');
    expect(report.skipped).toBe(0);
    expect(events.map((e) => e.user)).toEqual(['dana@example.com', 'dana@example.com', 'erin@example.com']);
    expect(events.every((e) => e.kind === 'signin' && e.action === 'signIn' && e.format === 'entra-signin')).toBe(true);
  });

  it('ties the interactive browser sign-in and the later non-interactive one to one session', async () => {
    const [browser, cli, failed] = (await readDetected(GRAPH)).events;
    expect(browser).toMatchObject({
      time: Date.parse('2026-03-05T08:30:12Z'),
      interactive: true,
      outcome: 'success',
      sessionId: '4b7e1d2a-9c3f-4e58-a6b1-0d2c3e4f5a6b',
      tokenId: 'mV8pQ2rS5tU7vW9xY1zA2b',
      clientId: '4765445b-32c6-49b0-83e6-1d93765276ca',
      ip: '198.51.100.40',
      clientHint: { browser: 'Edge 141.0.0', os: 'Windows10', app: 'OfficeHome' },
    });
    expect(browser!.userAgent).toMatch(/Edg\/141/);
    expect(browser!.grantType).toBeUndefined();
    expect(cli).toMatchObject({
      interactive: false,
      sessionId: browser!.sessionId,
      ip: '203.0.113.77',
      clientHint: { browser: 'Python Requests 2.32', os: 'Linux', app: 'Microsoft Azure CLI' },
    });
    expect(cli!.userAgent).toBeUndefined();
    expect(cli!.time - browser!.time).toBeCloseTo((17 * 60 + 43) * 1000 + 417.1234, 2);
    expect(failed).toMatchObject({ outcome: 'failure', interactive: true });
    expect(failed!.sessionId).toBeUndefined();
  });
});

describe('entra-signin fixtures: Event Hub batch', () => {
  it('reads the sign-ins of the one-line batch and skips the audit record', async () => {
    const { report, events } = await readDetected(EVENTHUB);
    expect(report.format).toBe('entra-signin');
    expect(events.map((e) => [e.action, e.user, e.interactive])).toEqual([
      ['SignInLogs', 'frank@example.com', true],
      ['NonInteractiveUserSignInLogs', 'frank@example.com', false],
      ['ServicePrincipalSignInLogs', 'inventory-sync', false],
    ]);
    expect(events.every((e) => e.source.line === 1)).toBe(true);
    expect(events[0]!.sessionId).toBe(events[1]!.sessionId);
    expect(events[2]!.sessionId).toBeUndefined();
    expect(report.errors).toEqual([{ line: 1, reason: 'not a sign-in record (category AuditLogs)' }]);
  });
});

describe('entra-signin fixtures: diagnostic records, one per line', () => {
  it('reads offsets, 9 fractional digits and envelope fallbacks', async () => {
    const { report, events } = await readDetected(DIAGNOSTIC);
    expect(report.format).toBe('entra-signin');
    expect(report.errors).toEqual([]);
    const [identity, deviceCode, refresh] = events;
    expect(identity).toMatchObject({
      source: { line: 1 },
      action: 'ManagedIdentitySignInLogs',
      user: 'vm-backup-identity',
      interactive: false,
      outcome: 'success',
    });
    expect(identity!.time).toBeCloseTo(Date.parse('2026-03-06T13:59:58.204Z') + 0.6133, 2);
    expect(identity!.ip).toBeUndefined();
    expect(deviceCode).toMatchObject({
      source: { line: 2 },
      user: 'grace@example.com',
      interactive: true,
      grantType: 'deviceCode',
    });
    expect(deviceCode!.time).toBeCloseTo(Date.parse('2026-03-06T14:02:11.123Z') + 0.456789, 2);
    expect(refresh).toMatchObject({
      source: { line: 3 },
      outcome: 'success',
      ip: '203.0.113.120',
      sessionId: deviceCode!.sessionId,
      clientHint: { browser: 'Python Requests 2.32', os: 'Linux', app: 'Microsoft Azure CLI' },
    });
    expect(refresh!.time).toBeCloseTo(Date.parse('2026-03-06T14:20:40.555Z') + 0.1234, 2);
  });
});

describe('entra-signin detection', () => {
  it('does not take a file of audit records for sign-ins', async () => {
    const audit = {
      time: '2026-03-05T11:31:12.8830000Z',
      category: 'AuditLogs',
      operationName: 'Update user',
      properties: { activityDateTime: '2026-03-05T11:31:12.883+00:00', result: 'success' },
    };
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-entra-'));
    const file = join(dir, 'audit.json');
    writeFileSync(file, `${JSON.stringify(audit)}\n${JSON.stringify({ ...audit, operationName: 'Add member to group' })}\n`);
    const { report, events } = await readDetected(file).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(report.format).toBeNull();
    expect(report.notRead).toMatch(/not a known log format/);
    expect(events).toEqual([]);
  });

  it('does not claim the Okta fixtures', async () => {
    for (const file of ['okta/array-pretty/system-log-2026-03-03.json', 'okta/ndjson-crlf-bom/system-log-stream.ndjson']) {
      expect((await readDetected(fixture(file))).report.format).toBe('okta');
    }
  });
});
