import { describe, expect, it } from 'vitest';
import { githubAudit } from '../../../src/input/github-audit/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const map = (record: unknown) => githubAudit.map(record, CTX);

const login = {
  '@timestamp': 1772528405112,
  _document_id: 'a1Lq0Zx8',
  action: 'user.login',
  actor: 'octo-alice',
  actor_id: 58211907,
  actor_ip: '198.51.100.23',
  created_at: 1772528405112,
  operation_type: 'authentication',
  user_agent: 'Mozilla/5.0 (Macintosh) Chrome/141.0.0.0',
};

const apiRequest = {
  '@timestamp': 1741611465102,
  action: 'api.request',
  actor: 'user_actor',
  created_at: 1741611465102,
  hashed_token: 'E8Fzcgs3TQXqhrKKC/qNR+2XZnaK3ykQBSAt1kPMiJs=',
  request_method: 'GET',
  route: '/repos/{owner}/{repo}/pulls',
  status_code: 200,
  user_agent: 'curl/7.79.1',
};

describe('github-audit map: kinds and outcomes', () => {
  it.each([
    ['user.login', 'signin', 'success', true],
    ['user.failed_login', 'signin', 'failure', true],
    ['user.logout', 'signout', 'success', undefined],
    ['personal_access_token.create', 'token', 'success', undefined],
    ['oauth_access.create', 'token', 'success', undefined],
    ['oauth_access.regenerate', 'token', 'success', undefined],
    ['oauth_authorization.create', 'token', 'success', undefined],
    ['user.two_factor_challenge_success', 'other', 'success', undefined],
    ['user.two_factor_challenge_failure', 'other', 'failure', undefined],
    ['git.clone', 'other', 'unknown', undefined],
    ['repo.create', 'other', 'unknown', undefined],
    ['invite_member', 'other', 'unknown', undefined],
  ])('%s is a %s event, outcome %s, interactive %s', (action, kind, outcome, interactive) => {
    const e = expectEvent(map({ ...login, action }));
    expect(e).toMatchObject({ kind, outcome, action });
    expect(e.interactive).toBe(interactive);
  });
});

describe('github-audit map: fields', () => {
  it('maps a sign-in: actor, time, IP, user agent; no session', () => {
    const e = expectEvent(map(login));
    expect(e).toMatchObject({
      time: 1772528405112,
      source: CTX,
      format: 'github-audit',
      user: 'octo-alice',
      ip: '198.51.100.23',
      userAgent: 'Mozilla/5.0 (Macintosh) Chrome/141.0.0.0',
    });
    expect(e.sessionId).toBeUndefined();
    expect(e.tokenId).toBeUndefined();
  });

  it('maps an API request: method, route, status and the hashed token', () => {
    expect(expectEvent(map(apiRequest))).toMatchObject({
      kind: 'request',
      action: 'GET /repos/{owner}/{repo}/pulls',
      method: 'GET',
      path: '/repos/{owner}/{repo}/pulls',
      status: 200,
      outcome: 'success',
      tokenId: 'E8Fzcgs3TQXqhrKKC/qNR+2XZnaK3ykQBSAt1kPMiJs=',
      userAgent: 'curl/7.79.1',
    });
  });

  it('prefers a concrete url_path, without its query, to the route; upper-cases the method', () => {
    const e = expectEvent(map({ ...apiRequest, request_method: 'post', url_path: '/repos/acme/web/pulls?state=open', status_code: '422' }));
    expect(e).toMatchObject({ method: 'POST', path: '/repos/acme/web/pulls', status: 422, outcome: 'failure' });
  });

  it('keeps the action of a request with no method or path', () => {
    const bare = expectEvent(map({ ...apiRequest, request_method: undefined, route: undefined, status_code: 'n/a' }));
    expect(bare).toMatchObject({ kind: 'request', action: 'api.request', outcome: 'success' });
    expect(bare.status).toBeUndefined();
  });

  it('puts the hashed token on every kind of event, so creation and use share it', () => {
    const created = expectEvent(map({ ...login, action: 'personal_access_token.create', hashed_token: apiRequest.hashed_token }));
    expect(created.tokenId).toBe(expectEvent(map(apiRequest)).tokenId);
    expect(expectEvent(map({ ...login, action: 'git.clone', hashed_token: 'abc=' })).tokenId).toBe('abc=');
  });

  it('has no user for events without an actor', () => {
    const forgot = { ...login, action: 'user.forgot_password', actor: undefined, email: 'a@example.com' };
    expect(expectEvent(map(forgot)).user).toBeUndefined();
    expect(expectEvent(map({ ...login, actor: '' })).user).toBeUndefined();
  });
});

describe('github-audit map: time', () => {
  it.each([
    [{ '@timestamp': 1621305118553 }, 1621305118553],
    [{ created_at: 1621305118553.0 }, 1621305118553],
    [{ created_at: '2022-08-16 16:56:49.309' }, Date.parse('2022-08-16T16:56:49.309Z')],
    [{ at_sign_timestamp: '2023-11-20 21:20:09.423' }, Date.parse('2023-11-20T21:20:09.423Z')],
    [{ created_at: 'soon', at_sign_timestamp: '2023-11-20 21:20:09.423' }, Date.parse('2023-11-20T21:20:09.423Z')],
    [{ '@timestamp': 1000000000000, created_at: 2000000000000 }, 1000000000000],
  ])('%j is read as %d', (times, expected) => {
    expect(expectEvent(map({ action: 'repo.create', actor: 'cat', ...times })).time).toBe(expected);
  });
});

describe('github-audit map: skips', () => {
  it.each([
    [null, 'record is not a JSON object (null)'],
    [[login], 'record is not a JSON object (array)'],
    [{ action: 'repo.create', actor: 'cat' }, 'no readable time (@timestamp, created_at, at_sign_timestamp missing)'],
    [{ action: 'repo.create', created_at: '2024-12-17 00:00:00000000' }, 'no readable time (created_at: "2024-12-17 00:00:00000000")'],
    [{ action: 'repo.create', created_at: null }, 'no readable time (@timestamp, created_at, at_sign_timestamp missing)'],
    [{ created_at: 1621305118553, actor: 'cat' }, 'not a GitHub audit event (no action)'],
  ])('%j is skipped: %s', (record, reason) => {
    expect(map(record)).toEqual({ skip: reason });
  });
});

describe('github-audit detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims audit events', () => {
    expect(githubAudit.detect(probe([login, apiRequest]))).toBe(true);
    expect(githubAudit.detect(probe([{ action: 'invite_member', actor: 'cat', created_at: 1 }]))).toBe(true);
  });

  it('leaves other JSON alone', () => {
    expect(githubAudit.detect(probe([]))).toBe(false);
    expect(githubAudit.detect(probe([{ action: 'user.login' }]))).toBe(false);
    expect(githubAudit.detect(probe([{ action: 'Allow', created_at: 1, user: 'x' }]))).toBe(false);
    expect(githubAudit.detect(probe([{ action: 'user.login', actor: { id: 1 }, created_at: 1, org: 'x' }]))).toBe(false);
    expect(githubAudit.detect(probe([{ eventType: 'user.session.start', published: '2026-01-01T00:00:00Z', actor: {} }]))).toBe(false);
    expect(githubAudit.detect({ container: 'csv', records: [login] })).toBe(false);
  });
});
