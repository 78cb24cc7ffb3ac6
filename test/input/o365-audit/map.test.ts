import { describe, expect, it } from 'vitest';
import { o365Audit } from '../../../src/input/o365-audit/index.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const logon = {
  CreationTime: '2026-11-02T08:02:11',
  Id: 'c0a80001-0000-4000-8000-000000000001',
  Operation: 'UserLoggedIn',
  OrganizationId: 'org-1',
  RecordType: 15,
  ResultStatus: 'Success',
  UserKey: '1003200012AB34CD',
  UserType: 0,
  Workload: 'AzureActiveDirectory',
  ClientIP: '198.51.100.91',
  UserId: 'lena@example.com',
  ApplicationId: 'app-1',
  ExtendedProperties: [
    { Name: 'UserAgent', Value: 'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0' },
    { Name: 'RequestType', Value: 'Login:login' },
  ],
};
const map = (record: unknown) => o365Audit.map(record, CTX);
const withRequestType = (value: string) => ({ ...logon, ExtendedProperties: [{ Name: 'RequestType', Value: value }] });

describe('o365-audit map', () => {
  it('reads a UserLoggedIn as an interactive sign-in, its time as UTC', () => {
    expect(expectEvent(map(logon))).toEqual({
      time: Date.parse('2026-11-02T08:02:11Z'),
      source: CTX,
      format: 'o365-audit',
      kind: 'signin',
      action: 'UserLoggedIn',
      outcome: 'success',
      user: 'lena@example.com',
      sessionId: undefined,
      clientId: 'app-1',
      ip: '198.51.100.91',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
      clientHint: undefined,
      interactive: true,
    });
  });

  it('takes the outcome of a logon from its operation, not ResultStatus (which reports the HTTP request)', () => {
    expect(expectEvent(map({ ...logon, Operation: 'UserLoginFailed', ResultStatus: 'Success' }))).toMatchObject({
      kind: 'signin',
      outcome: 'failure',
    });
    expect(expectEvent(map({ ...logon, ResultStatus: 'Failed' })).outcome).toBe('success');
  });

  it.each([
    ['OAuth2:Token', false],
    ['Login:login', true],
    ['OAuth2:Authorize', true],
    ['Kmsi:kmsi', true],
  ])('a sign-in of request type %s is interactive: %s', (requestType, interactive) => {
    expect(expectEvent(map(withRequestType(requestType))).interactive).toBe(interactive);
  });

  it('says nothing of interactivity without a request type, nor for operations that are no sign-in', () => {
    expect(expectEvent(map({ ...logon, ExtendedProperties: [] })).interactive).toBeUndefined();
    expect(expectEvent(map({ ...logon, Operation: 'FileDownloaded' }))).toMatchObject({ kind: 'other', interactive: undefined });
  });

  it.each([
    ['Succeeded', 'success'],
    ['True', 'success'],
    ['Failed', 'failure'],
    ['False', 'failure'],
    ['PartiallySucceeded', 'unknown'],
    [undefined, 'unknown'],
  ])('ResultStatus %s of another operation is outcome %s', (ResultStatus, outcome) => {
    expect(expectEvent(map({ ...logon, Operation: 'Update user.', ResultStatus })).outcome).toBe(outcome);
  });

  it('reads the session id and, without a user agent, the browser and OS from DeviceProperties', () => {
    const device = [
      { Name: 'OS', Value: 'Windows10' },
      { Name: 'BrowserType', Value: 'Edge' },
      { Name: 'SessionId', Value: 'sess-9' },
    ];
    expect(expectEvent(map({ ...logon, DeviceProperties: device, ExtendedProperties: [] }))).toMatchObject({
      sessionId: 'sess-9',
      userAgent: undefined,
      clientHint: { browser: 'Edge', os: 'Windows10' },
    });
    expect(expectEvent(map({ ...logon, DeviceProperties: device })).clientHint).toBeUndefined();
  });

  it('takes the address from ClientIP, else ActorIpAddress, without a port; a name is no address', () => {
    expect(expectEvent(map({ ...logon, ClientIP: '[2001:db8::5]:51234' })).ip).toBe('2001:db8::5');
    expect(expectEvent(map({ ...logon, ClientIP: '203.0.113.7:443' })).ip).toBe('203.0.113.7');
    expect(expectEvent(map({ ...logon, ClientIP: null, ActorIpAddress: '192.0.2.8' })).ip).toBe('192.0.2.8');
    expect(expectEvent(map({ ...logon, ClientIP: 'exchange-frontend', ActorIpAddress: undefined })).ip).toBeUndefined();
  });

  it('skips what it cannot read, saying why', () => {
    expect(expectSkip(map({ ...logon, CreationTime: undefined }))).toBe('no readable time (CreationTime missing)');
    expect(expectSkip(map({ ...logon, CreationTime: 'soon' }))).toBe('no readable time (CreationTime: "soon")');
    expect(expectSkip(map({ ...logon, Operation: '' }))).toBe('not an Office 365 audit record (no Operation)');
    expect(expectSkip(map('x'))).toBe('record is not a JSON object (string)');
  });
});

describe('o365-audit detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims records of the common schema, from any workload', () => {
    expect(o365Audit.detect(probe([logon, { ...logon, Workload: 'Exchange', RecordType: 50, Operation: 'MailItemsAccessed' }]))).toBe(true);
    const { Workload: _w, ...noWorkload } = logon;
    expect(o365Audit.detect(probe([noWorkload]))).toBe(true);
  });

  it('leaves other JSON alone', () => {
    expect(o365Audit.detect(probe([{ CreationTime: 'x', Operation: 'y' }]))).toBe(false);
    expect(o365Audit.detect(probe([{ ...logon, RecordType: 'fifteen' }]))).toBe(false);
    expect(o365Audit.detect(probe([{ eventType: 'user.session.start', published: 'x' }]))).toBe(false);
    expect(o365Audit.detect({ container: 'csv', records: [logon] })).toBe(false);
  });
});
