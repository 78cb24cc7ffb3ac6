import { describe, expect, it } from 'vitest';
import { auth0 } from '../../../src/input/auth0/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const map = (record: unknown) => auth0.map(record, CTX);

const login = {
  date: '2026-03-03T09:00:05.112Z',
  type: 's',
  client_id: 'portalClient',
  client_name: 'Acme Portal',
  ip: '198.51.100.23',
  user_agent: 'Chrome 141.0.0 / Mac OS X 10.15.7',
  details: { session_id: 'sess-1' },
  user_id: 'auth0|65f0',
  user_name: 'alice@example.com',
  log_id: '90020260303',
};

const apiCall = {
  date: '2026-03-03T09:14:33.871Z',
  type: 'sapi',
  client_id: 'agentClient',
  ip: '203.0.113.50',
  user_agent: 'Other 0.0.0 / Other 0.0.0',
  user_id: 'auth0|65f0',
  log_id: '90020260304',
  details: {
    request: {
      method: 'patch',
      path: '/api/v2/users/auth0%7C65f0?fields=email',
      userAgent: 'python-httpx/0.27.2',
      ip: '203.0.113.50',
      auth: { strategy: 'jwt', user: { email: 'alice@example.com' }, credentials: { jti: 'jti-1' } },
    },
    response: { statusCode: 200 },
  },
};

describe('auth0 map: type codes', () => {
  it.each([
    ['s', 'signin', 'success', true],
    ['f', 'signin', 'failure', true],
    ['fp', 'signin', 'failure', true],
    ['fu', 'signin', 'failure', true],
    ['slo', 'signout', 'success', undefined],
    ['flo', 'signout', 'failure', undefined],
    ['seccft', 'token', 'success', undefined],
    ['sertft', 'token', 'success', undefined],
    ['feacft', 'token', 'failure', undefined],
    ['ssa', 'other', 'success', undefined],
    ['fcoa', 'other', 'failure', undefined],
    ['pwd_leak', 'other', 'unknown', undefined],
    ['signup_pwd_leak', 'other', 'unknown', undefined],
    ['gd_enrollment_complete', 'other', 'unknown', undefined],
    ['w', 'other', 'unknown', undefined],
  ])('%s is a %s event, outcome %s, interactive %s', (type, kind, outcome, interactive) => {
    const e = expectEvent(map({ ...login, type }));
    expect(e).toMatchObject({ kind, outcome, action: type });
    expect(e.interactive).toBe(interactive);
  });

  it('gives token exchanges the grant type their code names', () => {
    expect(expectEvent(map({ ...login, type: 'seccft' })).grantType).toBe('client_credentials');
    expect(expectEvent(map({ ...login, type: 'sertft' })).grantType).toBe('refresh_token');
    expect(expectEvent(map({ ...login, type: 'seacft' })).grantType).toBe('authorization_code');
    expect(expectEvent(map({ ...login, type: 'sede' })).grantType).toBe('urn:ietf:params:oauth:grant-type:device_code');
    expect(expectEvent(map(login)).grantType).toBeUndefined();
  });
});

describe('auth0 map: fields', () => {
  it('maps a sign-in', () => {
    expect(expectEvent(map(login))).toMatchObject({
      time: Date.parse('2026-03-03T09:00:05.112Z'),
      source: CTX,
      format: 'auth0',
      user: 'alice@example.com',
      sessionId: 'sess-1',
      clientId: 'portalClient',
      ip: '198.51.100.23',
      clientHint: { browser: 'Chrome 141.0.0', os: 'Mac OS X 10.15.7' },
    });
    expect(expectEvent(map(login)).userAgent).toBeUndefined();
  });

  it('takes user_name, else user_id, else the API caller e-mail', () => {
    expect(expectEvent(map({ ...login, user_name: '' })).user).toBe('auth0|65f0');
    const machine = { ...apiCall, user_id: '' };
    expect(expectEvent(map(machine)).user).toBe('alice@example.com');
    const { details: _details, ...bare } = machine;
    expect(expectEvent(map({ ...bare, user_name: '' })).user).toBeUndefined();
  });

  it('reads a Management API call as a request with method, path, status and token', () => {
    expect(expectEvent(map(apiCall))).toMatchObject({
      kind: 'request',
      action: 'PATCH /api/v2/users/auth0%7C65f0',
      method: 'PATCH',
      path: '/api/v2/users/auth0%7C65f0',
      status: 200,
      outcome: 'success',
      tokenId: 'jti-1',
      userAgent: 'python-httpx/0.27.2',
      user: 'auth0|65f0',
    });
    expect(expectEvent(map(apiCall)).clientHint).toBeUndefined();
  });

  it('takes a request outcome from its status', () => {
    const refused = { ...apiCall, details: { ...apiCall.details, response: { statusCode: '403' } } };
    expect(expectEvent(map(refused))).toMatchObject({ status: 403, outcome: 'failure' });
    const noRequest = expectEvent(map({ ...apiCall, details: {} }));
    expect(noRequest).toMatchObject({ kind: 'request', action: 'sapi', outcome: 'success' });
    expect(noRequest.method).toBeUndefined();
  });

  it('sets method, path and status on requests only', () => {
    const other = expectEvent(map({ ...apiCall, type: 'gd_send_pn' }));
    expect(other.action).toBe('gd_send_pn');
    expect(other.method).toBeUndefined();
    expect(other.status).toBeUndefined();
  });

  it('reads Sentinel-flattened keys', () => {
    const flat = {
      date: '2022-04-13T11:33:18.757Z',
      type: 'sapi',
      client_id: 'CLIENT_ID',
      user_id: 'USER_ID',
      log_id: 'LOG_ID',
      details_request_method: 'post',
      details_request_path: '/api/v2/client-grants',
      details_request_userAgent: 'Mozilla/5.0 (Macintosh)',
      details_request_auth_credentials_jti: 'jti-flat',
      details_response_statusCode: '201',
    };
    expect(expectEvent(map(flat))).toMatchObject({
      action: 'POST /api/v2/client-grants',
      status: 201,
      tokenId: 'jti-flat',
      userAgent: 'Mozilla/5.0 (Macintosh)',
    });
  });

  it('reads the session from sid when details.session_id is absent', () => {
    expect(expectEvent(map({ ...login, details: {}, sid: 'sid-2' })).sessionId).toBe('sid-2');
  });

  it('reads the parsed user_agent as a hint, a raw one as the user agent', () => {
    expect(expectEvent(map({ ...login, user_agent: 'Python Requests 2.27.0 / Other 0.0.0' })).clientHint).toEqual({
      browser: 'Python Requests 2.27.0',
      os: undefined,
    });
    expect(expectEvent(map({ ...login, user_agent: 'Other 0.0.0 / Other 0.0.0' })).clientHint).toBeUndefined();
    expect(expectEvent(map({ ...login, user_agent: 'Mobile Safari' })).clientHint).toEqual({ browser: 'Mobile Safari', os: undefined });
    const raw = expectEvent(map({ ...login, user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/130.0.0.0' }));
    expect(raw.userAgent).toBe('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/130.0.0.0');
    expect(raw.clientHint).toBeUndefined();
  });
});

describe('auth0 map: envelopes', () => {
  it('reads Log Streams, data-only and EventBridge deliveries', () => {
    expect(expectEvent(map({ log_id: 'x', data: login })).sessionId).toBe('sess-1');
    expect(expectEvent(map({ data: login })).user).toBe('alice@example.com');
    expect(expectEvent(map({ 'detail-type': 'Auth0 log', detail: { log_id: 'x', data: login } })).kind).toBe('signin');
  });

  it('names the envelope path in skip reasons', () => {
    expect(map({ log_id: 'x', data: { type: 's' } })).toEqual({ skip: 'no readable time (data.date missing)' });
    expect(map({ detail: { data: { date: 'x', type: 's' } } })).toEqual({ skip: 'no readable time (detail.data.date: "x")' });
    expect(map({ data: { date: login.date } })).toEqual({ skip: 'not an Auth0 log (no data.type)' });
  });
});

describe('auth0 map: skips', () => {
  it.each([
    [null, 'record is not a JSON object (null)'],
    [[login], 'record is not a JSON object (array)'],
    [{ ...login, date: undefined }, 'no readable time (date missing)'],
    [{ ...login, date: '18/04/2022' }, 'no readable time (date: "18/04/2022")'],
    [{ ...login, type: '' }, 'not an Auth0 log (no type)'],
    [{ log_id: 'x', data: 'gone' }, 'Log Streams record without a log object (data: "gone")'],
  ])('%j is skipped: %s', (record, reason) => {
    expect(map(record)).toEqual({ skip: reason });
  });
});

describe('auth0 detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims logs, bare or wrapped', () => {
    expect(auth0.detect(probe([login]))).toBe(true);
    expect(auth0.detect(probe([{ log_id: 'x', data: login }, { data: apiCall }]))).toBe(true);
  });

  it('leaves other JSON alone', () => {
    expect(auth0.detect(probe([]))).toBe(false);
    expect(auth0.detect(probe([{ type: 'login', date: '2026-01-01', name: 'x' }]))).toBe(false);
    expect(auth0.detect(probe([{ type: 'DELEGATED_ADMIN_SETTINGS', date: '2026-01-01', log_id: 'a', user_id: 'b' }]))).toBe(false);
    expect(auth0.detect(probe([{ id: { applicationName: 'login' }, type: 'login', name: 'login_success' }]))).toBe(false);
    expect(auth0.detect(probe([{ action: 'user.login', created_at: 1, actor: 'a' }]))).toBe(false);
    expect(auth0.detect({ container: 'csv', records: [login] })).toBe(false);
  });
});
