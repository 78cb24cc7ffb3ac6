import { describe, expect, it } from 'vitest';
import { ocsf } from '../../../src/input/ocsf/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';

const auth = {
  class_uid: 3002,
  class_name: 'Authentication',
  activity_id: 1,
  time: 1793617200000,
  status_id: 1,
  actor: { user: { name: 'erin@example.com', uid: '00u1' }, session: { uid: 'sess-1' } },
  src_endpoint: { ip: '192.0.2.10' },
  http_request: { user_agent: CHROME },
  metadata: { version: '1.1.0', product: { name: 'Okta' } },
};

const awsApi = {
  class_uid: 6003,
  class_name: 'API Activity',
  time: 1793617200000,
  status_id: 1,
  api: { operation: 'ListBuckets', service: { name: 's3.amazonaws.com' } },
  actor: { session: {}, user: { name: 'dana', credential_uid: 'ASIAEXAMPLE000000001' } },
  http_request: { user_agent: CHROME },
  src_endpoint: { ip: '198.51.100.30' },
  metadata: { version: '1.0.0-rc.2', product: { name: 'CloudTrail', vendor_name: 'AWS' } },
};

describe('ocsf map: Authentication', () => {
  it('reads a logon as an interactive sign-in on actor.session.uid', () => {
    expect(expectEvent(ocsf.map(auth, CTX))).toEqual({
      time: 1793617200000,
      source: CTX,
      format: 'ocsf',
      kind: 'signin',
      action: 'Authentication',
      outcome: 'success',
      user: 'erin@example.com',
      sessionId: 'sess-1',
      clientId: undefined,
      ip: '192.0.2.10',
      userAgent: CHROME,
      clientHint: undefined,
      interactive: true,
      method: undefined,
      path: undefined,
      status: undefined,
    });
  });

  it.each([
    [undefined, true],
    [2, true],
    [10, true],
    [0, true],
    [3, false],
    [4, false],
    [5, false],
  ])('logon_type_id %s: interactive %s', (logon_type_id, interactive) => {
    expect(expectEvent(ocsf.map({ ...auth, logon_type_id }, CTX)).interactive).toBe(interactive);
  });

  it.each([
    [2, 'signout'],
    [3, 'token'],
    [4, 'token'],
    [6, 'other'],
    [99, 'other'],
    [undefined, 'signin'],
  ])('activity_id %s is a %s event', (activity_id, kind) => {
    const e = expectEvent(ocsf.map({ ...auth, activity_id }, CTX));
    expect(e.kind).toBe(kind);
    if (kind !== 'signin') expect(e.interactive).toBeUndefined();
  });

  it.each([
    [{ status_id: 1 }, 'success'],
    [{ status_id: 2 }, 'failure'],
    [{ status_id: 0, status: 'Failure' }, 'failure'],
    [{ status_id: undefined, status: 'Success' }, 'success'],
    [{ status_id: 99 }, 'unknown'],
  ])('%j gives outcome %s', (status, outcome) => {
    expect(expectEvent(ocsf.map({ ...auth, ...status }, CTX)).outcome).toBe(outcome);
  });

  it('names the user from actor.user, then the top-level user', () => {
    expect(expectEvent(ocsf.map({ ...auth, actor: { user: { uid: '00u1' } } }, CTX)).user).toBe('00u1');
    expect(expectEvent(ocsf.map({ ...auth, actor: {}, user: { name: 'frank', uid: 'u2' } }, CTX)).user).toBe('frank');
    expect(expectEvent(ocsf.map({ ...auth, actor: {}, user: { uid: 'u2' } }, CTX)).user).toBe('u2');
  });

  it('prefers api.operation as action, then type_name', () => {
    expect(expectEvent(ocsf.map({ ...auth, api: { operation: 'ConsoleLogin' } }, CTX)).action).toBe('ConsoleLogin');
    expect(expectEvent(ocsf.map({ ...auth, type_name: 'Authentication: Logon' }, CTX)).action).toBe('Authentication: Logon');
  });
});

describe('ocsf map: API and HTTP activity', () => {
  it('reads an API call as a request, its status from http_response.code', () => {
    const e = expectEvent(
      ocsf.map({ ...awsApi, metadata: { version: '1.1.0' }, actor: { user: { name: 'dana' } }, http_response: { code: 404 } }, CTX),
    );
    expect(e).toMatchObject({ kind: 'request', action: 'ListBuckets', status: 404, outcome: 'success', user: 'dana' });
    expect(e.sessionId).toBeUndefined();
    const unknown = expectEvent(ocsf.map({ ...awsApi, status_id: undefined, http_response: { code: 503 } }, CTX));
    expect(unknown.outcome).toBe('failure');
  });

  it('reads an HTTP request: method, path without query, status', () => {
    const e = expectEvent(
      ocsf.map(
        {
          class_uid: 4002,
          time_dt: '2026-11-02T11:02:05.250Z',
          http_request: { http_method: 'post', url: { path: '/oauth2/token?code=secret' }, user_agent: 'curl/8.7.1' },
          http_response: { code: 200 },
          actor: { session: { uid: 's9' }, app_uid: 'client-1' },
          metadata: { version: '1.1.0' },
        },
        CTX,
      ),
    );
    expect(e).toMatchObject({
      kind: 'request',
      action: 'POST /oauth2/token',
      method: 'POST',
      path: '/oauth2/token',
      status: 200,
      outcome: 'success',
      sessionId: 's9',
      clientId: 'client-1',
      time: Date.parse('2026-11-02T11:02:05.250Z'),
    });
  });

  it('uses the access key as session of CloudTrail-sourced events only', () => {
    expect(expectEvent(ocsf.map(awsApi, CTX)).sessionId).toBe('ASIAEXAMPLE000000001');
    const v11 = { ...awsApi, actor: { session: { credential_uid: 'ASIAEXAMPLE000000002' }, user: { name: 'dana' } } };
    expect(expectEvent(ocsf.map(v11, CTX)).sessionId).toBe('ASIAEXAMPLE000000002');
    const withUid = { ...awsApi, actor: { ...awsApi.actor, session: { uid: 'sess-aws' } } };
    expect(expectEvent(ocsf.map(withUid, CTX)).sessionId).toBe('sess-aws');
    expect(expectEvent(ocsf.map({ ...awsApi, metadata: { version: '1.1.0', product: { name: 'Other' } } }, CTX)).sessionId).toBeUndefined();
  });

  it('reads a browser call with CloudTrail console credentials as the console session start', () => {
    const e = expectEvent(ocsf.map({ ...awsApi, unmapped: { sessionCredentialFromConsole: 'true' } }, CTX));
    expect(e).toMatchObject({ kind: 'signin', interactive: true, action: 'ListBuckets (console session)' });
    const sdk = { ...awsApi, unmapped: { sessionCredentialFromConsole: 'true' }, http_request: { user_agent: 'Boto3/1.34.108' } };
    expect(expectEvent(ocsf.map(sdk, CTX)).kind).toBe('request');
  });

  it('gives AWS-internal callers of CloudTrail-sourced events as app hints', () => {
    const e = expectEvent(ocsf.map({ ...awsApi, http_request: { user_agent: 'AWS Internal' } }, CTX));
    expect(e.userAgent).toBeUndefined();
    expect(e.clientHint).toEqual({ app: 'AWS Internal' });
  });
});

describe('ocsf map: skips', () => {
  it('skips other classes, records without class or time, and non-objects', () => {
    expect(ocsf.map({ ...auth, class_uid: 4001, class_name: 'Network Activity' }, CTX)).toEqual({
      skip: 'OCSF class 4001 (Network Activity) is not read',
    });
    expect(ocsf.map({ ...auth, class_uid: 1007, class_name: undefined }, CTX)).toEqual({
      skip: 'OCSF class 1007 (no class_name) is not read',
    });
    expect(ocsf.map({ ...auth, class_uid: undefined }, CTX)).toEqual({ skip: 'not an OCSF event (class_uid missing)' });
    expect(ocsf.map({ ...auth, class_uid: 'Authentication' }, CTX)).toEqual({ skip: 'not an OCSF event (class_uid: "Authentication")' });
    expect(ocsf.map({ ...auth, time: 'soon' }, CTX)).toEqual({ skip: 'no readable time (time: "soon", time_dt missing)' });
    expect(ocsf.map('x', CTX)).toEqual({ skip: 'record is not a JSON object (string)' });
  });
});

describe('ocsf detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims OCSF events', () => {
    expect(ocsf.detect(probe([auth, awsApi]))).toBe(true);
    expect(ocsf.detect(probe([{ class_uid: '4002', metadata: { product: {} }, time_dt: 'x' }]))).toBe(true);
  });

  it('leaves other JSON alone', () => {
    expect(ocsf.detect(probe([]))).toBe(false);
    expect(ocsf.detect(probe([{ class_uid: 3002, time: 1 }]))).toBe(false);
    expect(ocsf.detect(probe([{ eventSource: 's3', eventName: 'x', eventTime: 'y', userIdentity: {} }]))).toBe(false);
    expect(ocsf.detect({ container: 'csv', records: [auth] })).toBe(false);
  });
});
