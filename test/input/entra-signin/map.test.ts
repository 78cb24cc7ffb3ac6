import { describe, expect, it } from 'vitest';
import { entraSignin } from '../../../src/input/entra-signin/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const properties = {
  createdDateTime: '2026-03-05T11:04:09.3315720+00:00',
  userPrincipalName: 'frank@example.com',
  servicePrincipalId: '',
  appId: 'app-1',
  ipAddress: '198.51.100.52',
  status: { errorCode: 0 },
};
const diagnostic = (category: string, props: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) => ({
  time: '2026-03-05T11:04:10.0000000Z',
  category,
  resultType: '0',
  callerIpAddress: '198.51.100.99',
  properties: { ...properties, ...props },
  ...envelope,
});

describe('entra-signin map', () => {
  it.each([
    ['SignInLogs', true],
    ['NonInteractiveUserSignInLogs', false],
    ['ServicePrincipalSignInLogs', false],
    ['ManagedIdentitySignInLogs', false],
    ['MicrosoftServicePrincipalSignInLogs', false],
  ])('%s sign-ins have interactive %s', (category, interactive) => {
    const e = expectEvent(entraSignin.map(diagnostic(category), CTX));
    expect(e).toMatchObject({ kind: 'signin', action: category, interactive, source: CTX });
  });

  it('names service principals by name, then id, and people by UPN', () => {
    const sp = { servicePrincipalName: 'inventory-sync', servicePrincipalId: 'sp-1', userPrincipalName: undefined };
    expect(expectEvent(entraSignin.map(diagnostic('ServicePrincipalSignInLogs', sp), CTX)).user).toBe('inventory-sync');
    const idOnly = { servicePrincipalId: 'sp-1', userPrincipalName: undefined };
    expect(expectEvent(entraSignin.map(diagnostic('ManagedIdentitySignInLogs', idOnly), CTX)).user).toBe('sp-1');
    expect(expectEvent(entraSignin.map(diagnostic('ServicePrincipalSignInLogs'), CTX)).user).toBe('frank@example.com');
    expect(expectEvent(entraSignin.map(diagnostic('SignInLogs', { servicePrincipalName: 'x' }), CTX)).user).toBe('frank@example.com');
  });

  it.each([
    [{ status: { errorCode: 0 } }, {}, 'success'],
    [{ status: { errorCode: '50126' } }, { resultType: '0' }, 'failure'],
    [{ status: undefined }, { resultType: '0' }, 'success'],
    [{ status: undefined }, { resultType: 0 }, 'success'],
    [{ status: undefined }, { resultType: 'Success' }, 'success'],
    [{ status: undefined }, { resultType: '50140' }, 'failure'],
    [{ status: undefined }, { resultType: 'Failure' }, 'failure'],
    [{ status: {} }, { resultType: undefined }, 'unknown'],
  ])('outcome of %j with envelope %j is %s', (props, envelope, outcome) => {
    expect(expectEvent(entraSignin.map(diagnostic('SignInLogs', props, envelope), CTX)).outcome).toBe(outcome);
  });

  it('reads envelope keys a SIEM lowercased, properties as written', () => {
    const record = {
      time: '2023-07-26 23:00:20.889',
      category: 'ServicePrincipalSignInLogs',
      resulttype: 7000215,
      calleripaddress: '12.12.12.12',
      properties: { createdDateTime: '2023-07-26 22:58:30.983201900', servicePrincipalName: 'sp', uniqueTokenIdentifier: 'tok' },
    };
    expect(expectEvent(entraSignin.map(record, CTX))).toMatchObject({
      time: Date.parse('2023-07-26T22:58:30.983Z') + 0.2019,
      outcome: 'failure',
      ip: '12.12.12.12',
      user: 'sp',
      tokenId: 'tok',
    });
  });

  it('takes the time from createdDateTime, then the envelope time', () => {
    expect(expectEvent(entraSignin.map(diagnostic('SignInLogs'), CTX)).time).toBeCloseTo(Date.parse('2026-03-05T11:04:09.331Z') + 0.572, 2);
    const fallback = expectEvent(entraSignin.map(diagnostic('SignInLogs', { createdDateTime: 'soon' }), CTX));
    expect(fallback.time).toBe(Date.parse('2026-03-05T11:04:10Z'));
  });

  it('skips sign-ins without a readable time, quoting what was there', () => {
    expect(entraSignin.map(diagnostic('SignInLogs', { createdDateTime: undefined }, { time: 'redacted' }), CTX)).toEqual({
      skip: 'no readable time (createdDateTime missing, time: "redacted")',
    });
    expect(entraSignin.map({ createdDateTime: true, userPrincipalName: 'a', status: {} }, CTX)).toEqual({
      skip: 'no readable time (createdDateTime: true)',
    });
  });

  it('skips records that are not sign-ins', () => {
    expect(entraSignin.map(diagnostic('AuditLogs'), CTX)).toEqual({ skip: 'not a sign-in record (category AuditLogs)' });
    expect(entraSignin.map(diagnostic('Policy'), CTX)).toEqual({ skip: 'not a sign-in record (category Policy)' });
    expect(entraSignin.map({ ...diagnostic('SignInLogs'), properties: 'x' }, CTX)).toEqual({
      skip: 'sign-in record without a properties object (string)',
    });
    expect(entraSignin.map({ id: 1 }, CTX)).toEqual({ skip: 'not a sign-in record (no category and no createdDateTime)' });
    expect(entraSignin.map('x', CTX)).toEqual({ skip: 'record is not a JSON object (string)' });
  });

  it('reads the Graph layout, where interactivity comes from the record', () => {
    const graph = {
      createdDateTime: '2026-03-05T08:30:12Z',
      userPrincipalName: 'dana@example.com',
      appId: 'app-2',
      appDisplayName: 'OfficeHome',
      ipAddress: '198.51.100.40',
      isInteractive: false,
      sessionId: 's-1',
      userAgent: '',
      deviceDetail: { browser: 'Python Requests 2.32', operatingSystem: 'Linux' },
      status: { errorCode: 0 },
    };
    expect(expectEvent(entraSignin.map(graph, CTX))).toMatchObject({
      action: 'signIn',
      interactive: false,
      sessionId: 's-1',
      clientId: 'app-2',
      userAgent: undefined,
      clientHint: { browser: 'Python Requests 2.32', os: 'Linux', app: 'OfficeHome' },
    });
    const typed = { ...graph, isInteractive: undefined, signInEventTypes: ['interactiveUser'] };
    expect(expectEvent(entraSignin.map(typed, CTX)).interactive).toBe(true);
    expect(expectEvent(entraSignin.map({ ...graph, isInteractive: undefined }, CTX)).interactive).toBeUndefined();
  });
});

describe('entra-signin detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims sign-in records and Graph signIn objects', () => {
    expect(entraSignin.detect(probe([diagnostic('NonInteractiveUserSignInLogs')]))).toBe(true);
    expect(entraSignin.detect(probe([diagnostic('AuditLogs'), diagnostic('SignInLogs')]))).toBe(true);
    expect(entraSignin.detect(probe([{ createdDateTime: 'x', appId: 'a', status: { errorCode: 0 } }]))).toBe(true);
  });

  it('leaves audit logs and other JSON alone', () => {
    expect(entraSignin.detect(probe([diagnostic('AuditLogs')]))).toBe(false);
    const audit = {
      time: '2026-03-05T11:31:12.8830000Z',
      category: 'AuditLogs',
      operationName: 'Update user',
      properties: { activityDateTime: '2026-03-05T11:31:12.883+00:00', result: 'success' },
    };
    expect(entraSignin.detect(probe([audit, { ...audit, operationName: 'Add member to group' }]))).toBe(false);
    expect(entraSignin.detect(probe([{ category: 'SignInLogs', time: 'x' }]))).toBe(false);
    expect(entraSignin.detect(probe([{ eventType: 'user.session.start', published: 'x' }]))).toBe(false);
    expect(entraSignin.detect({ container: 'csv', records: [diagnostic('SignInLogs')] })).toBe(false);
  });
});
