import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture, readDetected } from './read-file.js';

const ARRAY = fixture('okta/array-pretty/system-log-2026-03-03.json');
const CRLF = fixture('okta/ndjson-crlf-bom/system-log-stream.ndjson');
const MALFORMED = fixture('okta/malformed/system-log-damaged.ndjson');

const ALICE_SESSION = '102Xk3Lq8vTnR2mWcYb7pJfHgA';
const AGENT_SESSION = '102Tq9Zr4NcWd1EyUo6sLbKmVx';

/** 1-based lines on which a pretty-printed array's elements open. */
function elementLines(path: string): number[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line === '  {' ? [i + 1] : []));
}

describe('okta fixtures: pretty-printed JSON array', () => {
  it('is detected as okta and every event is read, citing the line each record opens on', async () => {
    const { report, events } = await readDetected(ARRAY);
    expect(report.format).toBe('okta');
    expect(report.skipped).toBe(0);
    expect(events.map((e) => e.action)).toEqual([
      'policy.evaluate_sign_on',
      'user.session.start',
      'user.authentication.sso',
      'app.oauth2.as.token.grant.access_token',
      'user.session.end',
    ]);
    expect(events.map((e) => e.source.line)).toEqual(elementLines(ARRAY));
    expect(events.map((e) => e.kind)).toEqual(['other', 'signin', 'other', 'token', 'signout']);
    expect(events[0]!.outcome).toBe('success');
  });

  it('maps the interactive session start', async () => {
    const start = (await readDetected(ARRAY)).events[1]!;
    expect(start).toMatchObject({
      time: Date.parse('2026-03-03T09:00:05.112Z'),
      format: 'okta',
      kind: 'signin',
      interactive: true,
      outcome: 'success',
      user: 'alice@example.com',
      sessionId: ALICE_SESSION,
      ip: '198.51.100.23',
      // Okta's parsed browser/os are hints only for events without a raw user agent.
      clientHint: undefined,
    });
    expect(start.userAgent).toMatch(/Chrome\/141/);
    expect(start.rootSessionId).toBeUndefined();
    expect(start.clientId).toBeUndefined();
  });

  it('ties the token exchange to the session it derives from', async () => {
    const exchange = (await readDetected(ARRAY)).events[3]!;
    expect(exchange).toMatchObject({
      kind: 'token',
      user: 'alice@example.com',
      sessionId: AGENT_SESSION,
      rootSessionId: ALICE_SESSION,
      grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
      clientId: '0oa8AgentClient3xY7z',
      ip: '203.0.113.50',
      userAgent: 'python-httpx/0.27.2',
    });
    expect(exchange.clientHint).toBeUndefined();
    expect(exchange.interactive).toBeUndefined();
  });
});

describe('okta fixtures: NDJSON with BOM, CRLF and no final newline', () => {
  it('reads every line', async () => {
    const { report, events } = await readDetected(CRLF);
    expect(report.format).toBe('okta');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => e.source.line)).toEqual([1, 2, 3, 4]);
  });

  it('maps a failed sign-in without a session, an app actor and an API token', async () => {
    const [failed, start, refresh, apiCall] = (await readDetected(CRLF)).events;
    expect(failed).toMatchObject({ kind: 'signin', outcome: 'failure', user: 'bob@example.com', interactive: true });
    expect(failed!.sessionId).toBeUndefined();
    expect(failed!.grantType).toBeUndefined();
    expect(start).toMatchObject({ outcome: 'success', sessionId: '102Fh5Jk7Lm9Np1Qr3St5Uv7Wx' });
    expect(refresh).toMatchObject({
      kind: 'token',
      action: 'app.oauth2.token.grant.refresh_token',
      clientId: '0oaCliTool9pQr2sT4u',
      grantType: 'refresh_token',
      clientHint: undefined,
    });
    expect(refresh!.user).toBeUndefined();
    expect(apiCall).toMatchObject({ kind: 'other', tokenId: '00Tr4nd0mApiT0k3nId', ip: '203.0.113.90' });
  });

  it('reads the same events from a gzip copy, whatever its name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-okta-'));
    const gz = join(dir, 'okta-export.log');
    writeFileSync(gz, gzipSync(readFileSync(CRLF)));
    const plain = await readDetected(CRLF);
    const zipped = await readDetected(gz).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(zipped.report.format).toBe('okta');
    expect(zipped.report.skipped).toBe(0);
    const withoutFile = (r: typeof plain) => r.events.map(({ source, ...rest }) => ({ ...rest, line: source.line }));
    expect(withoutFile(zipped)).toEqual(withoutFile(plain));
  });
});

describe('okta fixtures: damaged NDJSON', () => {
  it('reads the good lines and skips each bad one with its line and reason', async () => {
    const { report, events } = await readDetected(MALFORMED);
    expect(report.format).toBe('okta');
    expect(events.map((e) => [e.source.line, e.action])).toEqual([
      [1, 'user.session.start'],
      [6, 'user.session.end'],
    ]);
    expect(events[1]!.time).toBe(Date.parse('2026-03-04T10:15:00.250Z'));
    expect(report.skipped).toBe(5);
    expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4, 7, 8]);
    expect(report.errors[0]!.reason).toMatch(/^invalid JSON/);
    expect(report.errors.slice(1).map((e) => e.reason)).toEqual([
      'record is not a JSON object (string)',
      'no readable time (published: "redacted")',
      'no readable time (published missing)',
      'record is not a JSON object (null)',
    ]);
  });
});

describe('okta detection', () => {
  it('does not claim the Entra sign-in fixtures', async () => {
    for (const file of [
      'entra-signin/graph-value/signins-page-1.json',
      'entra-signin/eventhub-records/eventhub-batch.json',
      'entra-signin/diagnostic-ndjson/PT1H.json',
    ]) {
      expect((await readDetected(fixture(file))).report.format).not.toBe('okta');
    }
  });
});
