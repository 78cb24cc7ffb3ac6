import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSkip, type MapResult } from '../../../src/input/format.js';
import { okta } from '../../../src/input/okta/index.js';
import type { NormalizedEvent } from '../../../src/model/event.js';

const ctx = { file: 'okta.json', line: 7 };

function event(result: MapResult): NormalizedEvent {
  if (isSkip(result)) throw new Error(`expected an event, got skip: ${result.skip}`);
  return result;
}

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
    expect(event(okta.map({ ...base, eventType }, ctx)).kind).toBe(kind);
  });

  it.each([
    ['SUCCESS', 'success'],
    ['ALLOW', 'success'],
    ['FAILURE', 'failure'],
    ['DENY', 'failure'],
    ['CHALLENGE', 'unknown'],
    ['SKIPPED', 'unknown'],
  ])('outcome %s is %s', (result, outcome) => {
    expect(event(okta.map({ ...base, outcome: { result } }, ctx)).outcome).toBe(outcome);
  });

  it('reads top-level keys a SIEM lowercased, nested keys as written', () => {
    const e = event(
      okta.map(
        {
          published: '2022-06-22 18:18:29.015',
          eventtype: 'user.session.start',
          actor: { type: 'User', alternateId: 'homer@example.com' },
          authenticationcontext: { externalSessionId: '102lower', rootSessionId: '102root' },
          debugcontext: { debugData: { grantType: 'authorization_code' } },
        },
        ctx,
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
      source: ctx,
    });
  });

  it('gives no user for app and IP actors, and the app actor id as client', () => {
    const app = event(okta.map({ ...base, actor: { id: '0oaApp', type: 'PublicClientApp', alternateId: '0oaApp' } }, ctx));
    expect(app.user).toBeUndefined();
    expect(app.clientId).toBe('0oaApp');
    const ip = event(okta.map({ ...base, actor: { id: '1.2.3.4', type: 'IP address', alternateId: 'unknown' } }, ctx));
    expect(ip.user).toBeUndefined();
    expect(ip.clientId).toBeUndefined();
  });

  it('prefers the OAuth client.id when it is a string', () => {
    const e = event(okta.map({ ...base, actor: { id: '0oaApp', type: 'PublicClientApp' }, client: { id: 'okta.b58d5b75' } }, ctx));
    expect(e.clientId).toBe('okta.b58d5b75');
    expect(event(okta.map({ ...base, client: { id: 42 } }, ctx)).clientId).toBeUndefined();
  });

  it('keeps rootSessionId only when it names another session', () => {
    const same = { ...base, authenticationContext: { externalSessionId: '102abc', rootSessionId: '102abc' } };
    expect(event(okta.map(same, ctx)).rootSessionId).toBeUndefined();
  });

  it('ignores redacted and placeholder values', () => {
    const e = event(
      okta.map(
        {
          ...base,
          client: { ipAddress: 'redacted', zone: 'null', userAgent: { rawUserAgent: 'redacted', browser: 'UNKNOWN', os: 'Unknown' } },
          request: { ipChain: [{ ip: 'redacted' }, { ip: '198.51.100.9' }] },
        },
        ctx,
      ),
    );
    expect(e.ip).toBe('198.51.100.9');
    expect(e.userAgent).toBeUndefined();
    expect(e.clientHint).toBeUndefined();
  });

  it('survives the type variance of real exports', () => {
    const e = event(
      okta.map(
        { ...base, target: null, debugContext: { debugData: '' }, transaction: { detail: 'x' }, request: { ipChain: 'x' }, client: null },
        ctx,
      ),
    );
    expect(e.grantType).toBeUndefined();
    expect(e.tokenId).toBeUndefined();
    expect(e.ip).toBeUndefined();
  });

  it('skips a record without a readable time, quoting a short form of the value', () => {
    expect(okta.map({ ...base, published: 'redacted' }, ctx)).toEqual({ skip: 'no readable time (published: "redacted")' });
    expect(okta.map({ ...base, published: undefined }, ctx)).toEqual({ skip: 'no readable time (published missing)' });
    const long = okta.map({ ...base, published: 'x'.repeat(500) }, ctx);
    expect(isSkip(long) && long.skip).toBe(`no readable time (published: "${'x'.repeat(36)}...)`);
    expect(okta.map({ ...base, published: { at: 1 } }, ctx)).toEqual({ skip: 'no readable time (published: {"at":1})' });
  });

  it('skips records that are not objects or have no event type', () => {
    expect(okta.map([base], ctx)).toEqual({ skip: 'record is not a JSON object (array)' });
    expect(okta.map(3, ctx)).toEqual({ skip: 'record is not a JSON object (number)' });
    expect(okta.map({ ...base, eventType: '' }, ctx)).toEqual({ skip: 'not an Okta event (no eventType)' });
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

describe('okta map on arbitrary input', () => {
  const value = fc.oneof(fc.jsonValue(), fc.constantFrom('redacted', '', 'null', 'UNKNOWN'));
  const oktaLike = fc.record(
    {
      published: fc.oneof(value, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      eventType: fc.oneof(value, fc.constantFrom('user.session.start', 'app.oauth2.as.token.grant.access_token')),
      eventtype: value,
      actor: fc.oneof(value, fc.record({ type: fc.oneof(value, fc.constant('User')), id: value, alternateId: value })),
      client: fc.oneof(value, fc.record({ id: value, ipAddress: value, userAgent: fc.oneof(value, fc.dictionary(fc.string(), value)) })),
      authenticationContext: fc.oneof(value, fc.record({ externalSessionId: value, rootSessionId: value })),
      debugContext: fc.oneof(value, fc.record({ debugData: fc.oneof(value, fc.record({ grantType: value })) })),
      outcome: fc.oneof(value, fc.record({ result: value })),
      request: fc.oneof(value, fc.record({ ipChain: fc.oneof(value, fc.array(fc.record({ ip: value }))) })),
      transaction: fc.oneof(value, fc.record({ detail: fc.oneof(value, fc.record({ requestApiTokenId: value })) })),
    },
    { requiredKeys: [] },
  );

  it('never throws, and returns an event with a valid time or a skip with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), oktaLike), (record) => {
        const result = okta.map(record, ctx);
        if (isSkip(result)) {
          expect(result.skip.length).toBeGreaterThan(0);
        } else {
          expect(Number.isFinite(result.time)).toBe(true);
          expect(result.format).toBe('okta');
          expect(result.source).toEqual(ctx);
          expect(typeof result.action).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('detect never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), oktaLike), { maxLength: 5 }), (records) => {
        const score = okta.detect({ container: 'json', records });
        expect(typeof score).toBe('boolean');
      }),
    );
  });
});
