import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entraSigninCsv } from '../../../src/input/entra-signin-csv/index.js';
import { parsePortalDate } from '../../../src/input/entra-signin-csv/date.js';
import { isSkip, type MapResult } from '../../../src/input/format.js';
import type { NormalizedEvent } from '../../../src/model/event.js';

const ctx = { file: 'signins.csv', line: 2 };

function event(result: MapResult): NormalizedEvent {
  if (isSkip(result)) throw new Error(`expected an event, got skip: ${result.skip}`);
  return result;
}

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
    expect(event(entraSigninCsv.map(row, ctx))).toEqual({
      time: Date.parse('2026-11-02T09:15:51Z'),
      source: ctx,
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
    expect(event(entraSigninCsv.map({ ...row, ...cells }, ctx)).outcome).toBe(outcome);
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
    expect(event(entraSigninCsv.map({ ...row, 'Incoming token type': type }, ctx)).interactive).toBe(interactive);
  });

  it('falls back from Username to User and User ID', () => {
    expect(event(entraSigninCsv.map({ ...row, Username: '' }, ctx)).user).toBe('Frank Example');
    expect(event(entraSigninCsv.map({ ...row, Username: '', User: '', 'User ID': 'oid-1' }, ctx)).user).toBe('oid-1');
  });

  it('reads columns whatever their case', () => {
    const lower = Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
    expect(event(entraSigninCsv.map(lower, ctx))).toMatchObject({ user: 'frank@contoso.example', sessionId: 'sess-1', clientId: row['Application ID'] });
  });

  it('maps a service-principal row: the principal is the user, never interactive', () => {
    const sp = { 'Date (UTC)': '2026-11-02T08:00:04Z', 'Request ID': 'r', 'Service principal ID': 'sp-id', 'Service principal name': 'ci-deployer', Status: 'Success' };
    expect(event(entraSigninCsv.map(sp, ctx))).toMatchObject({ user: 'ci-deployer', interactive: false, action: 'servicePrincipalSignIn' });
    expect(event(entraSigninCsv.map({ ...sp, 'Service principal name': '' }, ctx)).user).toBe('sp-id');
  });

  it('skips rows without a readable date', () => {
    expect(entraSigninCsv.map({ ...row, 'Date (UTC)': '' }, ctx)).toEqual({ skip: 'no readable time (Date (UTC) empty)' });
    expect(entraSigninCsv.map({ ...row, 'Date (UTC)': '31/31/2026 9:00' }, ctx)).toEqual({ skip: 'no readable time (Date (UTC): "31/31/2026 9:00")' });
    expect(entraSigninCsv.map(null, ctx)).toEqual({ skip: 'record is not a CSV row (null)' });
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

  it.each(['2/30/2026 10:00', '13/13/2026 10:00', '11/2/2026 13:00 PM', '11/2/2026 24:00', '11/2/1969 10:00', 'yesterday'])('%s is not a date', (text) => {
    expect(parsePortalDate(text)).toBeUndefined();
  });
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

describe('entra-signin-csv map on arbitrary input', () => {
  const cellValue = fc.oneof(fc.string(), fc.constantFrom('', 'None', 'Refresh token', 'Success', 'Interrupted', '0', '11/2/2026, 9:15:32 AM', '2026-11-02T09:15:32Z'));
  const rowLike = fc.dictionary(
    fc.oneof(fc.string(), fc.constantFrom(...Object.keys(row), 'Service principal ID', 'Service principal name')),
    cellValue,
  );

  it('never throws, and returns an event with a valid time or a skip with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), rowLike), (record) => {
        const result = entraSigninCsv.map(record, ctx);
        if (isSkip(result)) {
          expect(result.skip.length).toBeGreaterThan(0);
        } else {
          expect(Number.isFinite(result.time)).toBe(true);
          expect(result.format).toBe('entra-signin-csv');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parsePortalDate never throws on strings', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const t = parsePortalDate(s);
      expect(t === undefined || Number.isFinite(t)).toBe(true);
    }));
  });
});
