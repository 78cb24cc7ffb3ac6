import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, readDetected } from '../cloudtrail/read-file.js';

const USERS = fixture('entra-signin-csv/user-signins/InteractiveSignIns_2026-11-02_2026-11-03.csv');
const PRINCIPALS = fixture('entra-signin-csv/service-principal-signins/ServicePrincipalSignIns_2026-11-02_2026-11-03.csv');
const SESSION = '3f9a2c71-0000-4000-8000-00000000aa01';

describe('entra-signin-csv fixtures: user sign-ins', () => {
  it('keeps the odd header cells of the portal download', () => {
    const header = readFileSync(USERS, 'utf8').split('\r\n')[0]!;
    expect(header).toContain(',Application ID ,');
    expect(header).toContain(',Autonomous system  number,');
    expect(header.split(',').filter((c) => c === 'Incoming token type')).toHaveLength(2);
  });

  it('reads every sign-in row and skips the rows without a date, by line', async () => {
    const { report, events } = await readDetected(USERS);
    expect(report.format).toBe('entra-signin-csv');
    expect(events.map((e) => [e.source.line, e.outcome, e.interactive, e.sessionId ?? null])).toEqual([
      [2, 'failure', true, null],
      [3, 'failure', true, SESSION],
      [4, 'success', true, SESSION],
      [5, 'success', false, SESSION],
      [6, 'success', false, SESSION],
    ]);
    expect(report.errors).toEqual([
      { line: 7, reason: 'no readable time (Date (UTC) empty)' },
      { line: 8, reason: 'no readable time (Date (UTC): "Monday morning")' },
    ]);
  });

  it('maps the columns: time, user, token, client, address, user agent and hints', async () => {
    const [failed, , success, cli] = (await readDetected(USERS)).events;
    expect(failed!.time).toBe(Date.parse('2026-11-02T09:14:02Z'));
    expect(success).toMatchObject({
      time: Date.parse('2026-11-02T09:15:51Z'),
      kind: 'signin',
      action: 'signIn',
      user: 'frank@contoso.example',
      tokenId: 'UTIexamplePortal0000002',
      clientId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      ip: '198.51.100.40',
      clientHint: { browser: 'Chrome 142.0.0', os: 'Windows10', app: 'Azure Portal' },
    });
    expect(success!.userAgent).toMatch(/Chrome\/142/);
    expect(cli).toMatchObject({
      clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      ip: '203.0.113.77',
      clientHint: { browser: 'Python Requests 2.32', os: 'Linux', app: 'Microsoft Azure CLI' },
    });
    expect(cli!.userAgent).toBeUndefined();
  });
});

describe('entra-signin-csv fixtures: service-principal sign-ins', () => {
  it('reads the principal as the user, never interactive', async () => {
    const { report, events } = await readDetected(PRINCIPALS);
    expect(report.format).toBe('entra-signin-csv');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => [e.source.line, e.action, e.user, e.interactive, e.outcome])).toEqual([
      [2, 'servicePrincipalSignIn', 'ci-deployer', false, 'success'],
      [3, 'servicePrincipalSignIn', '5e1b9c2d-0000-4000-8000-0000000000d1', false, 'failure'],
    ]);
    expect(events[0]).toMatchObject({ tokenId: 'UTIexampleSp0000000001', clientId: '6d2e4f80-0000-4000-8000-0000000000a1', ip: '203.0.113.90' });
  });
});
