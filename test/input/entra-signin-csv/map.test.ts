import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entraSigninCsv } from '../../../src/input/entra-signin-csv/index.js';
import { parsePortalDate } from '../../../src/input/entra-signin-csv/date.js';
import { CTX, expectEvent, fixture } from '../map-helpers.js';

const row: Record<string, string> = {
  'Date (UTC)': '2026-11-02T09:15:51Z',
  'Request ID': 'req-1',
  'User agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/142.0.0.0 Safari/537.36',
  User: 'Frank Example',
  Username: 'frank@contoso.example',
  'Incoming token type': 'None',
  'Authentication Protocol': 'None',
  'Unique token identifier': 'uti-1',
  Application: 'Azure Portal',
  'Application ID': 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
  'IP address': '198.51.100.40',
  Status: 'Success',
  'Sign-in error code': '0',
  Browser: 'Chrome 142.0.0',
  'Operating System': 'Windows10',
  'Session ID': 'sess-1',
};

describe('entra-signin-csv map', () => {
  it('maps a user sign-in row', () => {
    expect(expectEvent(entraSigninCsv.map(row, CTX))).toEqual({
      time: Date.parse('2026-11-02T09:15:51Z'),
      source: CTX,
      format: 'entra-signin-csv',
      kind: 'signin',
      action: 'signIn',
      outcome: 'success',
      user: 'frank@contoso.example',
      sessionId: 'sess-1',
      tokenId: 'uti-1',
      clientId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      grantType: undefined,
      ip: '198.51.100.40',
      userAgent: row['User agent'],
      clientHint: { browser: 'Chrome 142.0.0', os: 'Windows10', app: 'Azure Portal' },
      interactive: true,
    });
  });

  it.each([
    [{ Status: 'Success' }, 'success'],
    [{ Status: 'Failure' }, 'failure'],
    [{ Status: 'Interrupted' }, 'failure'],
    [{ Status: '', 'Sign-in error code': '0' }, 'success'],
    [{ Status: '', 'Sign-in error code': '50126' }, 'failure'],
    [{ Status: '', 'Sign-in error code': '' }, 'unknown'],
  ])('%j gives outcome %s', (cells, outcome) => {
    expect(expectEvent(entraSigninCsv.map({ ...row, ...cells }, CTX)).outcome).toBe(outcome);
  });

  it.each([
    ['None', true],
    ['', true],
    ['Refresh token', false],
    ['refreshToken', false],
    ['Primary Refresh Token', false],
    ['primaryRefreshToken', false],
    ['saml20', true],
  ])('incoming token type %j: interactive %s', (type, interactive) => {
    expect(expectEvent(entraSigninCsv.map({ ...row, 'Incoming token type': type }, CTX)).interactive).toBe(interactive);
  });

  it('falls back from Username to User and User ID', () => {
    expect(expectEvent(entraSigninCsv.map({ ...row, Username: '' }, CTX)).user).toBe('Frank Example');
    expect(expectEvent(entraSigninCsv.map({ ...row, Username: '', User: '', 'User ID': 'oid-1' }, CTX)).user).toBe('oid-1');
  });

  it('reads columns whatever their case', () => {
    const lower = Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
    expect(expectEvent(entraSigninCsv.map(lower, CTX))).toMatchObject({
      user: 'frank@contoso.example',
      sessionId: 'sess-1',
      clientId: row['Application ID'],
    });
  });

  it('maps a service-principal row: the principal is the user, never interactive', () => {
    const sp = {
      'Date (UTC)': '2026-11-02T08:00:04Z',
      'Request ID': 'r',
      'Service principal ID': 'sp-id',
      'Service principal name': 'ci-deployer',
      Status: 'Success',
    };
    expect(expectEvent(entraSigninCsv.map(sp, CTX))).toMatchObject({
      user: 'ci-deployer',
      interactive: false,
      action: 'servicePrincipalSignIn',
    });
    expect(expectEvent(entraSigninCsv.map({ ...sp, 'Service principal name': '' }, CTX)).user).toBe('sp-id');
  });

  it('skips rows without a readable date', () => {
    expect(entraSigninCsv.map({ ...row, 'Date (UTC)': '' }, CTX)).toEqual({ skip: 'no readable time (Date (UTC) empty)' });
    expect(entraSigninCsv.map({ ...row, 'Date (UTC)': '31/31/2026 9:00' }, CTX)).toEqual({
      skip: 'no readable time (Date (UTC): "31/31/2026 9:00")',
    });
    expect(entraSigninCsv.map(null, CTX)).toEqual({ skip: 'record is not a CSV row (null)' });
  });
});

describe('entra-signin-csv portal dates', () => {
  it.each([
    ['2026-11-02T09:15:32Z', '2026-11-02T09:15:32.000Z'],
    ['2026-11-02T09:15:32.1234567Z', '2026-11-02T09:15:32.123Z'],
    ['2026-11-02 09:15:32', '2026-11-02T09:15:32.000Z'],
    ['11/2/2026, 9:15:32 AM', '2026-11-02T09:15:32.000Z'],
    ['11/2/2026, 12:05:00 AM', '2026-11-02T00:05:00.000Z'],
    ['11/2/2026 9:15 PM', '2026-11-02T21:15:00.000Z'],
    ['25/11/2026 21:15:32', '2026-11-25T21:15:32.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(new Date(parsePortalDate(text)!).toISOString()).toBe(iso);
  });

  it.each(['2/30/2026 10:00', '13/13/2026 10:00', '11/2/2026 13:00 PM', '11/2/2026 24:00', '11/2/1969 10:00', 'yesterday'])(
    '%s is not a date',
    (text) => {
      expect(parsePortalDate(text)).toBeUndefined();
    },
  );
});

describe('entra-signin-csv detect', () => {
  const probe = (header: string[]) => ({ container: 'csv' as const, header, records: [] });

  it('claims sign-in downloads by their header', () => {
    expect(entraSigninCsv.detect(probe(['Date (UTC)', 'Request ID', 'User agent', 'Correlation ID']))).toBe(true);
    expect(entraSigninCsv.detect(probe(['date (utc)', 'request id', 'Service principal ID']))).toBe(true);
  });

  it('leaves other CSV alone', () => {
    expect(entraSigninCsv.detect(probe(['Date (UTC)', 'Request ID', 'Activity']))).toBe(false);
    expect(entraSigninCsv.detect(probe(['timestamp', 'method', 'path', 'status', 'user_agent']))).toBe(false);
    expect(entraSigninCsv.detect({ container: 'csv', records: [] })).toBe(false);
    expect(entraSigninCsv.detect({ container: 'json', records: [row] })).toBe(false);
  });
});

describe('entra-signin-csv portal dates on any text', () => {
  it('parsePortalDate gives a finite time or nothing, never throwing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = parsePortalDate(s);
        expect(t === undefined || Number.isFinite(t)).toBe(true);
      }),
    );
  });
});

describe('entra-signin-csv user-signins fixture', () => {
  it('keeps the odd header cells of the portal download', () => {
    const header = readFileSync(fixture('entra-signin-csv/user-signins/InteractiveSignIns_2026-11-02_2026-11-03.csv'), 'utf8').split(
      '\r\n',
    )[0]!;
    expect(header).toContain(',Application ID ,');
    expect(header).toContain(',Autonomous system  number,');
    expect(header.split(',').filter((c) => c === 'Incoming token type')).toHaveLength(2);
  });
});
