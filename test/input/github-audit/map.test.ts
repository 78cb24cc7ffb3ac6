import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSkip, type MapResult } from '../../../src/input/format.js';
import { githubAudit } from '../../../src/input/github-audit/index.js';
import type { NormalizedEvent } from '../../../src/model/event.js';

const ctx = { file: 'audit.json', line: 9 };
const map = (record: unknown) => githubAudit.map(record, ctx);

function event(result: MapResult): NormalizedEvent {
  if (isSkip(result)) throw new Error(`expected an event, got skip: ${result.skip}`);
  return result;
}

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
    const e = event(map({ ...login, action }));
    expect(e).toMatchObject({ kind, outcome, action });
    expect(e.interactive).toBe(interactive);
  });
});

describe('github-audit map: fields', () => {
  it('maps a sign-in: actor, time, IP, user agent; no session', () => {
    const e = event(map(login));
    expect(e).toMatchObject({
      time: 1772528405112,
      source: ctx,
      format: 'github-audit',
      user: 'octo-alice',
      ip: '198.51.100.23',
      userAgent: 'Mozilla/5.0 (Macintosh) Chrome/141.0.0.0',
    });
    expect(e.sessionId).toBeUndefined();
    expect(e.tokenId).toBeUndefined();
  });

  it('maps an API request: method, route, status and the hashed token', () => {
    expect(event(map(apiRequest))).toMatchObject({
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
    const e = event(map({ ...apiRequest, request_method: 'post', url_path: '/repos/acme/web/pulls?state=open', status_code: '422' }));
    expect(e).toMatchObject({ method: 'POST', path: '/repos/acme/web/pulls', status: 422, outcome: 'failure' });
  });

  it('keeps the action of a request with no method or path', () => {
    const bare = event(map({ ...apiRequest, request_method: undefined, route: undefined, status_code: 'n/a' }));
    expect(bare).toMatchObject({ kind: 'request', action: 'api.request', outcome: 'success' });
    expect(bare.status).toBeUndefined();
  });

  it('puts the hashed token on every kind of event, so creation and use share it', () => {
    const created = event(map({ ...login, action: 'personal_access_token.create', hashed_token: apiRequest.hashed_token }));
    expect(created.tokenId).toBe(event(map(apiRequest)).tokenId);
    expect(event(map({ ...login, action: 'git.clone', hashed_token: 'abc=' })).tokenId).toBe('abc=');
  });

  it('has no user for events without an actor', () => {
    const forgot = { ...login, action: 'user.forgot_password', actor: undefined, email: 'a@example.com' };
    expect(event(map(forgot)).user).toBeUndefined();
    expect(event(map({ ...login, actor: '' })).user).toBeUndefined();
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
    expect(event(map({ action: 'repo.create', actor: 'cat', ...times })).time).toBe(expected);
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

describe('github-audit map on arbitrary input', () => {
  const value = fc.oneof(fc.jsonValue(), fc.constantFrom('', 'null', '-', 'GET', 'api.request', '2022-08-16 16:56:49.309'));
  const githubLike = fc.record(
    {
      action: fc.oneof(value, fc.constantFrom('user.login', 'api.request', 'personal_access_token.create', 'git.clone')),
      '@timestamp': fc.oneof(value, fc.integer({ min: 0, max: 2 ** 45 })),
      created_at: value,
      at_sign_timestamp: value,
      actor: value,
      actor_ip: value,
      user_agent: value,
      hashed_token: value,
      request_method: value,
      url_path: value,
      route: value,
      status_code: value,
    },
    { requiredKeys: [] },
  );

  it('never throws, and returns an event with a valid time or a skip with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), githubLike), (record) => {
        const result = map(record);
        if (isSkip(result)) {
          expect(result.skip.length).toBeGreaterThan(0);
        } else {
          expect(Number.isFinite(result.time)).toBe(true);
          expect(result.format).toBe('github-audit');
          expect(result.action.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('detect never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), githubLike), { maxLength: 5 }), (records) => {
        const score = githubAudit.detect({ container: 'json', records });
        expect(typeof score).toBe('boolean');
      }),
    );
  });
});
