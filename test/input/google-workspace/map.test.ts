import { describe, expect, it } from 'vitest';
import { googleWorkspace } from '../../../src/input/google-workspace/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const map = (record: unknown) => googleWorkspace.map(record, CTX);

function activity(application: string, events: unknown, extra: Record<string, unknown> = {}) {
  return {
    kind: 'admin#reports#activity',
    id: { time: '2026-03-03T09:00:05.112Z', uniqueQualifier: '-47', applicationName: application, customerId: 'C03' },
    actor: { callerType: 'USER', email: 'alice@example.com', profileId: '1048' },
    ipAddress: '198.51.100.23',
    events,
    ...extra,
  };
}

const loginEvent = (name: string, loginType = 'google_password') => ({
  type: 'login',
  name,
  parameters: [{ name: 'login_type', value: loginType }],
});

describe('google-workspace map: kinds and outcomes', () => {
  it.each([
    ['login', 'login_success', 'signin', 'success'],
    ['login', 'login_failure', 'signin', 'failure'],
    ['login', 'logout', 'signout', 'success'],
    ['token', 'authorize', 'token', 'success'],
    ['token', 'revoke', 'other', 'unknown'],
    ['saml', 'login_success', 'other', 'success'],
    ['login', 'suspicious_login', 'other', 'unknown'],
    ['admin', 'CHANGE_SESSION_LENGTH', 'other', 'unknown'],
  ])('%s %s is a %s event with outcome %s', (application, name, kind, outcome) => {
    const e = expectEvent(map(activity(application, [{ type: 'x', name }])));
    expect(e).toMatchObject({ kind, outcome, action: name });
  });

  it('reads the outcome of challenges from login_challenge_status', () => {
    const challenge = (status: string) =>
      expectEvent(map(activity('login', { name: 'login_challenge', parameters: [{ name: 'login_challenge_status', value: status }] })));
    expect(challenge('Challenge Passed.').outcome).toBe('success');
    expect(challenge('passed').outcome).toBe('success');
    expect(challenge('Challenge Failed.').outcome).toBe('failure');
    expect(challenge('Challenge Skipped.').outcome).toBe('unknown');
  });

  it('marks sign-ins by token exchange as not interactive', () => {
    expect(expectEvent(map(activity('login', [loginEvent('login_success')]))).interactive).toBe(true);
    expect(expectEvent(map(activity('login', [loginEvent('login_success', 'saml')]))).interactive).toBe(true);
    expect(expectEvent(map(activity('login', [loginEvent('login_success', 'exchange')]))).interactive).toBe(false);
    expect(expectEvent(map(activity('login', [loginEvent('login_failure', 'exchange')]))).interactive).toBe(false);
    expect(expectEvent(map(activity('login', [{ name: 'login_success' }]))).interactive).toBe(true);
    expect(expectEvent(map(activity('login', [loginEvent('logout')]))).interactive).toBeUndefined();
  });
});

describe('google-workspace map: layouts', () => {
  it('maps user, time and IP, and leaves the session empty', () => {
    const e = expectEvent(map(activity('login', [loginEvent('login_success')])));
    expect(e).toMatchObject({
      time: Date.parse('2026-03-03T09:00:05.112Z'),
      source: CTX,
      format: 'google-workspace',
      user: 'alice@example.com',
      ip: '198.51.100.23',
    });
    expect(e.sessionId).toBeUndefined();
    expect(e.tokenId).toBeUndefined();
  });

  it('maps the most session-relevant of several events, else the first', () => {
    const verifyThenLogin = [loginEvent('login_verification'), loginEvent('login_success')];
    expect(expectEvent(map(activity('login', verifyThenLogin))).action).toBe('login_success');
    expect(expectEvent(map(activity('drive', [{ name: 'view' }, { name: 'download' }]))).action).toBe('view');
    expect(expectEvent(map(activity('drive', ['junk', { name: 'edit' }]))).action).toBe('edit');
  });

  it('reads events as an object (Elastic) and flattened on the activity (Panther)', () => {
    expect(expectEvent(map(activity('login', loginEvent('logout')))).kind).toBe('signout');
    const flat = {
      id: { applicationName: 'login', time: '2022-05-26 15:26:09.421000000' },
      actor: { email: 'homer@example.com' },
      type: 'login',
      name: 'login_success',
      parameters: { login_type: 'exchange', login_challenge_method: ['none'], is_suspicious: null },
    };
    expect(expectEvent(map(flat))).toMatchObject({
      kind: 'signin',
      interactive: false,
      user: 'homer@example.com',
      time: Date.parse('2022-05-26T15:26:09.421Z'),
    });
  });

  it('reads an OAuth grant: client id and app name, from the API list or a map', () => {
    const apiList = activity('token', [
      {
        type: 'auth',
        name: 'authorize',
        parameters: [
          { name: 'client_id', value: '831-agent.apps.googleusercontent.com' },
          { name: 'app_name', value: 'Agent Runner' },
          { name: 'scope', multiValue: ['https://www.googleapis.com/auth/drive'] },
        ],
      },
    ]);
    expect(expectEvent(map(apiList))).toMatchObject({
      kind: 'token',
      clientId: '831-agent.apps.googleusercontent.com',
      clientHint: { app: 'Agent Runner' },
    });
    const panther = { ...activity('token', undefined), name: 'authorize', parameters: { client_id: ['552-bot'], app_name: 'Bot' } };
    expect(expectEvent(map(panther))).toMatchObject({ kind: 'token', clientId: '552-bot', clientHint: { app: 'Bot' } });
  });

  it('takes client_id only from the token application', () => {
    const admin = activity('admin', [{ name: 'ADD_TO_TRUSTED_OAUTH2_APPS', parameters: [{ name: 'client_id', value: 'x' }] }]);
    expect(expectEvent(map(admin)).clientId).toBeUndefined();
  });

  it('takes the user agent from a user_agent parameter', () => {
    const calendar = activity('calendar', [{ name: 'create_event', parameters: [{ name: 'user_agent', value: 'python-httpx/0.27.2' }] }]);
    expect(expectEvent(map(calendar)).userAgent).toBe('python-httpx/0.27.2');
    expect(expectEvent(map(activity('login', [loginEvent('login_success')]))).userAgent).toBeUndefined();
  });

  it('falls back to the event type when an event has no name', () => {
    expect(expectEvent(map(activity('drive', [{ type: 'access' }]))).action).toBe('access');
  });
});

describe('google-workspace map: skips', () => {
  it.each([
    [[1], 'record is not a JSON object (array)'],
    ['x', 'record is not a JSON object (string)'],
    [{ ...activity('login', []), id: { applicationName: 'login' } }, 'no readable time (id.time missing)'],
    [{ ...activity('login', []), id: { time: 'soon' } }, 'no readable time (id.time: "soon")'],
    [activity('login', []), 'activity has no event (events: [])'],
    [activity('login', ['x', 3]), 'activity has no event (events: ["x",3])'],
    [activity('login', 'login_success'), 'activity has no event (events: "login_success")'],
    [{ id: { time: '2026-03-03T09:00:00Z', applicationName: 'rules' }, parameters: {} }, 'activity has no event (no events, name or type)'],
    [activity('login', [{ parameters: [] }]), 'activity event has no name or type'],
  ])('%j is skipped: %s', (record, reason) => {
    expect(map(record)).toEqual({ skip: reason });
  });
});

describe('google-workspace detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims activities, with or without kind', () => {
    expect(googleWorkspace.detect(probe([activity('login', [])]))).toBe(true);
    expect(googleWorkspace.detect(probe([{ id: { applicationName: 'login' }, type: 'login' }]))).toBe(true);
    expect(googleWorkspace.detect(probe([{ id: { applicationName: 'drive' }, actor: { email: 'a@b' } }, 'x']))).toBe(true);
  });

  it('leaves other JSON alone', () => {
    expect(googleWorkspace.detect(probe([]))).toBe(false);
    expect(googleWorkspace.detect(probe([{ eventType: 'user.session.start', published: '2026-01-01T00:00:00Z', actor: {} }]))).toBe(false);
    expect(googleWorkspace.detect(probe([{ id: 'abc', type: 'login', actor: {} }]))).toBe(false);
    expect(googleWorkspace.detect(probe([{ id: { applicationName: 'login' } }]))).toBe(false);
    expect(googleWorkspace.detect({ container: 'csv', records: [activity('login', [])] })).toBe(false);
  });
});
