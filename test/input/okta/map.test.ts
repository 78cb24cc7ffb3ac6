import { describe, expect, it } from 'vitest';
import { isSkip } from '../../../src/input/format.js';
import { okta } from '../../../src/input/okta/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const base = {
  published: '2026-03-03T09:00:05.112Z',
  eventType: 'user.authentication.sso',
  actor: { id: '00u1', type: 'User', alternateId: 'alice@example.com' },
  authenticationContext: { externalSessionId: '102abc' },
  outcome: { result: 'SUCCESS' },
};

describe('okta map', () => {
  it.each([
    ['user.session.start', 'signin'],
    ['user.session.end', 'signout'],
    ['app.oauth2.as.token.grant.access_token', 'token'],
    ['app.oauth2.token.grant.refresh_token', 'token'],
    ['app.oauth2.as.token.grant.id_token', 'token'],
    ['app.oauth2.token.detect_reuse', 'other'],
    ['app.oauth2.as.authorize.code', 'other'],
    ['policy.evaluate_sign_on', 'other'],
  ])('%s is a %s event', (eventType, kind) => {
    expect(expectEvent(okta.map({ ...base, eventType }, CTX)).kind).toBe(kind);
  });

  it.each([
    ['SUCCESS', 'success'],
    ['ALLOW', 'success'],
    ['FAILURE', 'failure'],
    ['DENY', 'failure'],
    ['CHALLENGE', 'unknown'],
    ['SKIPPED', 'unknown'],
  ])('outcome %s is %s', (result, outcome) => {
    expect(expectEvent(okta.map({ ...base, outcome: { result } }, CTX)).outcome).toBe(outcome);
  });

  it('reads top-level keys a SIEM lowercased, nested keys as written', () => {
    const e = expectEvent(
      okta.map(
        {
          published: '2022-06-22 18:18:29.015',
          eventtype: 'user.session.start',
          actor: { type: 'User', alternateId: 'homer@example.com' },
          authenticationcontext: { externalSessionId: '102lower', rootSessionId: '102root' },
          debugcontext: { debugData: { grantType: 'authorization_code' } },
        },
        CTX,
      ),
    );
    expect(e).toMatchObject({
      time: Date.parse('2022-06-22T18:18:29.015Z'),
      action: 'user.session.start',
      kind: 'signin',
      user: 'homer@example.com',
      sessionId: '102lower',
      rootSessionId: '102root',
      grantType: 'authorization_code',
      source: CTX,
    });
  });

  it('gives no user for app and IP actors, and the app actor id as client', () => {
    const app = expectEvent(okta.map({ ...base, actor: { id: '0oaApp', type: 'PublicClientApp', alternateId: '0oaApp' } }, CTX));
    expect(app.user).toBeUndefined();
    expect(app.clientId).toBe('0oaApp');
    const ip = expectEvent(okta.map({ ...base, actor: { id: '1.2.3.4', type: 'IP address', alternateId: 'unknown' } }, CTX));
    expect(ip.user).toBeUndefined();
    expect(ip.clientId).toBeUndefined();
  });

  it('prefers the OAuth client.id when it is a string', () => {
    const e = expectEvent(okta.map({ ...base, actor: { id: '0oaApp', type: 'PublicClientApp' }, client: { id: 'okta.b58d5b75' } }, CTX));
    expect(e.clientId).toBe('okta.b58d5b75');
    expect(expectEvent(okta.map({ ...base, client: { id: 42 } }, CTX)).clientId).toBeUndefined();
  });

  it('keeps rootSessionId only when it names another session', () => {
    const same = { ...base, authenticationContext: { externalSessionId: '102abc', rootSessionId: '102abc' } };
    expect(expectEvent(okta.map(same, CTX)).rootSessionId).toBeUndefined();
  });

  it('ignores redacted and placeholder values', () => {
    const e = expectEvent(
      okta.map(
        {
          ...base,
          client: { ipAddress: 'redacted', zone: 'null', userAgent: { rawUserAgent: 'redacted', browser: 'UNKNOWN', os: 'Unknown' } },
          request: { ipChain: [{ ip: 'redacted' }, { ip: '198.51.100.9' }] },
        },
        CTX,
      ),
    );
    expect(e.ip).toBe('198.51.100.9');
    expect(e.userAgent).toBeUndefined();
    expect(e.clientHint).toBeUndefined();
  });

  it('survives the type variance of real exports', () => {
    const e = expectEvent(
      okta.map(
        { ...base, target: null, debugContext: { debugData: '' }, transaction: { detail: 'x' }, request: { ipChain: 'x' }, client: null },
        CTX,
      ),
    );
    expect(e.grantType).toBeUndefined();
    expect(e.tokenId).toBeUndefined();
    expect(e.ip).toBeUndefined();
  });

  it('skips a record without a readable time, quoting a short form of the value', () => {
    expect(okta.map({ ...base, published: 'redacted' }, CTX)).toEqual({ skip: 'no readable time (published: "redacted")' });
    expect(okta.map({ ...base, published: undefined }, CTX)).toEqual({ skip: 'no readable time (published missing)' });
    const long = okta.map({ ...base, published: 'x'.repeat(500) }, CTX);
    expect(isSkip(long) && long.skip).toBe(`no readable time (published: "${'x'.repeat(36)}...)`);
    expect(okta.map({ ...base, published: { at: 1 } }, CTX)).toEqual({ skip: 'no readable time (published: {"at":1})' });
  });

  it('skips records that are not objects or have no event type', () => {
    expect(okta.map([base], CTX)).toEqual({ skip: 'record is not a JSON object (array)' });
    expect(okta.map(3, CTX)).toEqual({ skip: 'record is not a JSON object (number)' });
    expect(okta.map({ ...base, eventType: '' }, CTX)).toEqual({ skip: 'not an Okta event (no eventType)' });
  });
});

describe('okta detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims LogEvents, with any key case', () => {
    expect(okta.detect(probe([base]))).toBe(true);
    expect(okta.detect(probe([{ eventtype: 'user.session.start', published: '2022-06-22 18:18:29.015' }]))).toBe(true);
    expect(okta.detect(probe([{ eventType: 'user.authentication.sso', uuid: 'u-1' }]))).toBe(true);
  });

  it('leaves other JSON alone', () => {
    expect(okta.detect(probe([]))).toBe(false);
    expect(okta.detect(probe([{ eventType: 'AwsApiCall', eventTime: '2023-07-10T12:30:00Z', userIdentity: {} }]))).toBe(false);
    expect(okta.detect(probe([{ category: 'SignInLogs', time: '2026-01-01T00:00:00Z', properties: {} }]))).toBe(false);
    expect(okta.detect(probe([{ eventType: 'user.session.start' }]))).toBe(false);
    expect(okta.detect({ container: 'csv', records: [base] })).toBe(false);
  });
});
