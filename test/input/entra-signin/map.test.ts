import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entraSignin } from '../../../src/input/entra-signin/index.js';
import { isSkip, type MapResult } from '../../../src/input/format.js';
import type { NormalizedEvent } from '../../../src/model/event.js';

const ctx = { file: 'signins.json', line: 3 };

function event(result: MapResult): NormalizedEvent {
  if (isSkip(result)) throw new Error(`expected an event, got skip: ${result.skip}`);
  return result;
}

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
    const e = event(entraSignin.map(diagnostic(category), ctx));
    expect(e).toMatchObject({ kind: 'signin', action: category, interactive, source: ctx });
  });

  it('names service principals by name, then id, and people by UPN', () => {
    const sp = { servicePrincipalName: 'inventory-sync', servicePrincipalId: 'sp-1', userPrincipalName: undefined };
    expect(event(entraSignin.map(diagnostic('ServicePrincipalSignInLogs', sp), ctx)).user).toBe('inventory-sync');
    const idOnly = { servicePrincipalId: 'sp-1', userPrincipalName: undefined };
    expect(event(entraSignin.map(diagnostic('ManagedIdentitySignInLogs', idOnly), ctx)).user).toBe('sp-1');
    expect(event(entraSignin.map(diagnostic('ServicePrincipalSignInLogs'), ctx)).user).toBe('frank@example.com');
    expect(event(entraSignin.map(diagnostic('SignInLogs', { servicePrincipalName: 'x' }), ctx)).user).toBe('frank@example.com');
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
    expect(event(entraSignin.map(diagnostic('SignInLogs', props, envelope), ctx)).outcome).toBe(outcome);
  });

  it('reads envelope keys a SIEM lowercased, properties as written', () => {
    const record = {
      time: '2023-07-26 23:00:20.889',
      category: 'ServicePrincipalSignInLogs',
      resulttype: 7000215,
      calleripaddress: '12.12.12.12',
      properties: { createdDateTime: '2023-07-26 22:58:30.983201900', servicePrincipalName: 'sp', uniqueTokenIdentifier: 'tok' },
    };
    expect(event(entraSignin.map(record, ctx))).toMatchObject({
      time: Date.parse('2023-07-26T22:58:30.983Z') + 0.2019,
      outcome: 'failure',
      ip: '12.12.12.12',
      user: 'sp',
      tokenId: 'tok',
    });
  });

  it('takes the time from createdDateTime, then the envelope time', () => {
    expect(event(entraSignin.map(diagnostic('SignInLogs'), ctx)).time).toBeCloseTo(Date.parse('2026-03-05T11:04:09.331Z') + 0.572, 2);
    const fallback = event(entraSignin.map(diagnostic('SignInLogs', { createdDateTime: 'soon' }), ctx));
    expect(fallback.time).toBe(Date.parse('2026-03-05T11:04:10Z'));
  });

  it('skips sign-ins without a readable time, quoting what was there', () => {
    expect(entraSignin.map(diagnostic('SignInLogs', { createdDateTime: undefined }, { time: 'redacted' }), ctx)).toEqual({
      skip: 'no readable time (createdDateTime missing, time: "redacted")',
    });
    expect(entraSignin.map({ createdDateTime: true, userPrincipalName: 'a', status: {} }, ctx)).toEqual({
      skip: 'no readable time (createdDateTime: true)',
    });
  });

  it('skips records that are not sign-ins', () => {
    expect(entraSignin.map(diagnostic('AuditLogs'), ctx)).toEqual({ skip: 'not a sign-in record (category AuditLogs)' });
    expect(entraSignin.map(diagnostic('Policy'), ctx)).toEqual({ skip: 'not a sign-in record (category Policy)' });
    expect(entraSignin.map({ ...diagnostic('SignInLogs'), properties: 'x' }, ctx)).toEqual({
      skip: 'sign-in record without a properties object (string)',
    });
    expect(entraSignin.map({ id: 1 }, ctx)).toEqual({ skip: 'not a sign-in record (no category and no createdDateTime)' });
    expect(entraSignin.map('x', ctx)).toEqual({ skip: 'record is not a JSON object (string)' });
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
    expect(event(entraSignin.map(graph, ctx))).toMatchObject({
      action: 'signIn',
      interactive: false,
      sessionId: 's-1',
      clientId: 'app-2',
      userAgent: undefined,
      clientHint: { browser: 'Python Requests 2.32', os: 'Linux', app: 'OfficeHome' },
    });
    const typed = { ...graph, isInteractive: undefined, signInEventTypes: ['interactiveUser'] };
    expect(event(entraSignin.map(typed, ctx)).interactive).toBe(true);
    expect(event(entraSignin.map({ ...graph, isInteractive: undefined }, ctx)).interactive).toBeUndefined();
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
    expect(entraSignin.detect(probe([{ category: 'SignInLogs', time: 'x' }]))).toBe(false);
    expect(entraSignin.detect(probe([{ eventType: 'user.session.start', published: 'x' }]))).toBe(false);
    expect(entraSignin.detect({ container: 'csv', records: [diagnostic('SignInLogs')] })).toBe(false);
  });
});

describe('entra-signin map on arbitrary input', () => {
  const value = fc.oneof(fc.jsonValue(), fc.constantFrom('', 'none', 'redacted', '0', 'Success', 'Failure'));
  const category = fc.oneof(
    value,
    fc.constantFrom('SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs', 'AuditLogs'),
  );
  const signIn = fc.record(
    {
      createdDateTime: fc.oneof(value, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      userPrincipalName: value,
      servicePrincipalName: value,
      servicePrincipalId: value,
      sessionId: value,
      appId: value,
      ipAddress: value,
      userAgent: value,
      isInteractive: value,
      signInEventTypes: fc.oneof(value, fc.array(value)),
      status: fc.oneof(value, fc.record({ errorCode: value })),
      deviceDetail: fc.oneof(value, fc.record({ browser: value, operatingSystem: value })),
    },
    { requiredKeys: [] },
  );
  const envelope = fc.record(
    {
      time: value,
      category,
      Category: category,
      resultType: value,
      resulttype: value,
      callerIpAddress: value,
      properties: fc.oneof(value, signIn),
    },
    { requiredKeys: [] },
  );

  it('never throws, and returns an event with a valid time or a skip with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), signIn, envelope), (record) => {
        const result = entraSignin.map(record, ctx);
        if (isSkip(result)) {
          expect(result.skip.length).toBeGreaterThan(0);
        } else {
          expect(Number.isFinite(result.time)).toBe(true);
          expect(result.kind).toBe('signin');
          expect(result.source).toEqual(ctx);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('detect never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), envelope, signIn), { maxLength: 5 }), (records) => {
        const score = entraSignin.detect({ container: 'json', records });
        expect(typeof score).toBe('boolean');
      }),
    );
  });
});
