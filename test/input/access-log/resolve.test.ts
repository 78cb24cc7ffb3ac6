import { describe, expect, it } from 'vitest';
import { accessLog, accessLogCsv } from '../../../src/input/access-log/index.js';
import { buildPlan, Resolver } from '../../../src/input/access-log/resolve.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const T = '2026-11-02T09:00:00.000Z';
const MS = Date.parse(T);
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0';
const map = (record: unknown) => accessLog.map(record, CTX);

describe('OpenTelemetry semantic conventions', () => {
  const expected = {
    time: MS,
    kind: 'request',
    action: 'GET /v1/items/9',
    method: 'GET',
    path: '/v1/items/9',
    status: 200,
    outcome: 'success',
    ip: '198.51.100.4',
    userAgent: UA,
    sessionId: 's-1',
    user: 'ann@example.com',
  };

  it('reads flat dotted keys', () => {
    const e = expectEvent(
      map({
        timestamp: T,
        'http.request.method': 'GET',
        'url.path': '/v1/items/9',
        'url.query': 'key=secret',
        'http.response.status_code': 200,
        'client.address': '198.51.100.4',
        'user_agent.original': UA,
        'session.id': 's-1',
        'enduser.id': 'ann@example.com',
      }),
    );
    expect(e).toMatchObject(expected);
    expect(e.source).toEqual({ file: CTX.file, line: CTX.line });
    expect(e.format).toBe('access-log');
  });

  it('reads the same names as nested objects', () => {
    const e = expectEvent(
      map({
        timestamp: T,
        http: { request: { method: 'GET' }, response: { status_code: 200 } },
        url: { path: '/v1/items/9', query: 'key=secret' },
        client: { address: '198.51.100.4' },
        user_agent: { original: UA },
        session: { id: 's-1' },
        enduser: { id: 'ann@example.com' },
      }),
    );
    expect(e).toMatchObject(expected);
  });

  it('reads pre-1.21 names: http.method, http.target, http.status_code, http.user_agent, net.peer.ip', () => {
    const e = expectEvent(
      map({
        timestamp: T,
        'http.method': 'get',
        'http.target': '/v1/items/9?key=secret',
        'http.status_code': '200',
        'http.user_agent': UA,
        'net.peer.ip': '198.51.100.4',
        'session.id': 's-1',
        'enduser.id': 'ann@example.com',
      }),
    );
    expect(e).toMatchObject(expected);
  });

  it('prefers http.client_ip (original client) to net.peer.ip (the proxy)', () => {
    const e = expectEvent(
      map({ timestamp: T, 'http.method': 'GET', 'http.target': '/', 'net.peer.ip': '10.0.0.1', 'http.client_ip': '203.0.113.5' }),
    );
    expect(e.ip).toBe('203.0.113.5');
  });

  it('keeps only the path of url.full', () => {
    const e = expectEvent(
      map({
        timestamp: T,
        'http.request.method': 'GET',
        'url.full': 'https://user:pw@api.example.com:8443/v1/items/9?key=secret#frag',
        'http.response.status_code': 200,
      }),
    );
    expect(e.path).toBe('/v1/items/9');
  });

  it('uses http.route only when no concrete path is logged', () => {
    expect(expectEvent(map({ timestamp: T, 'http.request.method': 'GET', 'http.route': '/items/{id}', 'url.path': '/items/9' })).path).toBe(
      '/items/9',
    );
    expect(expectEvent(map({ timestamp: T, 'http.request.method': 'GET', 'http.route': '/items/{id}' })).path).toBe('/items/{id}');
  });

  it('reads method_original when the method is _OTHER', () => {
    const e = expectEvent(
      map({ timestamp: T, 'http.request.method': '_OTHER', 'http.request.method_original': 'propfind', 'url.path': '/dav' }),
    );
    expect(e.method).toBe('PROPFIND');
  });

  it('reads log records with attributes as an object, nested or as an OTLP key/value list', () => {
    const flat = {
      'http.request.method': 'GET',
      'url.path': '/v1/items/9',
      'http.response.status_code': 200,
      'client.address': '198.51.100.4',
      'user_agent.original': UA,
      'session.id': 's-1',
      'enduser.id': 'ann@example.com',
    };
    const ns = `${BigInt(MS) * 1_000_000n}`;
    expect(expectEvent(map({ timeUnixNano: ns, attributes: flat }))).toMatchObject(expected);
    const nested = {
      http: { request: { method: 'GET' }, response: { status_code: 200 } },
      url: { path: '/v1/items/9' },
      client: { address: '198.51.100.4' },
      user_agent: { original: UA },
      session: { id: 's-1' },
      enduser: { id: 'ann@example.com' },
    };
    expect(expectEvent(map({ timestamp: T, attributes: nested }))).toMatchObject(expected);
    const list = Object.entries(flat).map(([key, v]) => ({
      key,
      value: typeof v === 'number' ? { intValue: String(v) } : { stringValue: v },
    }));
    expect(expectEvent(map({ timeUnixNano: Number(ns), attributes: list }))).toMatchObject(expected);
  });

  it('takes a field from the top level before attributes, and fills the rest from attributes', () => {
    const e = expectEvent(
      map({ timestamp: T, 'session.id': 'top', attributes: { 'session.id': 'attr', 'http.request.method': 'GET', 'url.path': '/x' } }),
    );
    expect(e).toMatchObject({ sessionId: 'top', method: 'GET', path: '/x' });
  });

  it('falls back to observedTimeUnixNano when timeUnixNano is 0 (unknown)', () => {
    const e = expectEvent(
      map({ timeUnixNano: '0', observedTimeUnixNano: `${MS}000000`, attributes: { 'http.request.method': 'GET', 'url.path': '/' } }),
    );
    expect(e.time).toBe(MS);
  });

  it('reads a captured user-agent header (a string array)', () => {
    const e = expectEvent(map({ timestamp: T, 'http.request.method': 'GET', 'url.path': '/', 'http.request.header.user-agent': [UA] }));
    expect(e.userAgent).toBe(UA);
  });
});

describe('Elastic Common Schema', () => {
  const ecs = {
    '@timestamp': T,
    event: { created: '2026-11-02T09:00:05.000Z' },
    http: { request: { method: 'POST' }, response: { status_code: 502 } },
    url: { original: '/login?next=%2Fadmin&password=hunter2', domain: 'portal.example.com' },
    source: { ip: '192.0.2.8' },
    user_agent: { original: UA, name: 'Firefox' },
    user: { name: 'ann', email: 'ann@example.com', id: 'u-1' },
    session: { id: 's-9' },
  };

  it('reads nested ECS fields; @timestamp before event.created; user.email before user.name', () => {
    expect(expectEvent(map(ecs))).toMatchObject({
      time: MS,
      action: 'POST /login',
      status: 502,
      outcome: 'failure',
      ip: '192.0.2.8',
      userAgent: UA,
      user: 'ann@example.com',
      sessionId: 's-9',
    });
  });

  it('uses event.created when @timestamp is missing, client.ip when source.ip is', () => {
    const { '@timestamp': _, source: __, ...rest } = ecs;
    const e = expectEvent(map({ ...rest, client: { ip: '192.0.2.9' } }));
    expect(e.time).toBe(Date.parse('2026-11-02T09:00:05.000Z'));
    expect(e.ip).toBe('192.0.2.9');
  });

  it('reads user.name and user.id when there is no e-mail', () => {
    expect(expectEvent(map({ ...ecs, user: { name: 'ann' } })).user).toBe('ann');
    expect(expectEvent(map({ ...ecs, user: { id: 'u-1' } })).user).toBe('u-1');
  });

  it('reads the flat dotted form and mixes of flat and nested', () => {
    const e = expectEvent(
      map({
        '@timestamp': T,
        'http.request.method': 'GET',
        url: { path: '/a' },
        http: { 'response.status_code': 204 },
        'source.ip': '192.0.2.1',
      }),
    );
    expect(e).toMatchObject({ action: 'GET /a', status: 204, ip: '192.0.2.1' });
  });
});

describe('plain names', () => {
  it('matches keys ignoring case, _, - and spaces (CSV headers as people write them)', () => {
    const e = expectEvent(
      accessLogCsv.map(
        {
          Timestamp: T,
          METHOD: 'delete',
          'Request Path': '/x/1?y=2',
          'Status Code': '404',
          'Remote-Addr': '192.0.2.3',
          'User-Agent': UA,
          UserName: 'Ann',
          SessionID: 's-2',
          'Token ID': 'jti-1',
          ClientId: 'app-1',
        },
        CTX,
      ),
    );
    expect(e).toMatchObject({
      format: 'access-log-csv',
      action: 'DELETE /x/1',
      status: 404,
      outcome: 'failure',
      ip: '192.0.2.3',
      userAgent: UA,
      user: 'Ann',
      sessionId: 's-2',
      tokenId: 'jti-1',
      clientId: 'app-1',
    });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ time: T, method: 'GET', path: '/a', status: 200 }, 'path'],
    [{ ts: MS / 1000, method: 'GET', uri: '/a', status_code: 200 }, 'uri, epoch seconds'],
    [{ date: T, verb: 'GET', url: 'http://h/a?x=1', response_code: 200 }, 'absolute url'],
    [{ datetime: T, method: 'GET', request_uri: '/a?b', status: '200' }, 'request_uri'],
    [{ timestamp: MS, request_method: 'GET', request_path: '/a', http_status: 200 }, 'request_path, epoch ms'],
    [{ '@timestamp': T, request: 'GET /a?secret=1 HTTP/1.1', status: 200 }, 'request line'],
  ])('reads %j (%s)', (record) => {
    expect(expectEvent(map(record))).toMatchObject({ time: MS, action: 'GET /a', status: 200 });
  });

  it('reads the ip, user agent, user, session, token and client aliases', () => {
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ remote_addr: '192.0.2.1' }, { ip: '192.0.2.1' }],
      [{ clientip: '192.0.2.1' }, { ip: '192.0.2.1' }],
      [{ src_ip: '192.0.2.1:4431' }, { ip: '192.0.2.1' }],
      [{ ip: '[2001:db8::1]:443' }, { ip: '2001:db8::1' }],
      [{ client_ip: '203.0.113.1, 10.0.0.1' }, { ip: '203.0.113.1' }],
      [{ http_user_agent: UA }, { userAgent: UA }],
      [{ useragent: UA }, { userAgent: UA }],
      [{ userAgent: UA }, { userAgent: UA }],
      [{ remote_user: 'ann' }, { user: 'ann' }],
      [{ email: 'ann@example.com' }, { user: 'ann@example.com' }],
      [{ user_id: 42 }, { user: '42' }],
      [{ sid: 'abc' }, { sessionId: 'abc' }],
      [{ session: 'abc' }, { sessionId: 'abc' }],
      [{ jti: 't1' }, { tokenId: 't1' }],
      [{ uti: 't2' }, { tokenId: 't2' }],
      [{ azp: 'c1' }, { clientId: 'c1' }],
      [{ app_id: 'c2' }, { clientId: 'c2' }],
    ];
    for (const [extra, want] of cases) {
      expect(expectEvent(map({ time: T, method: 'GET', path: '/', ...extra })), JSON.stringify(extra)).toMatchObject(want);
    }
  });

  it('treats placeholders (-, empty, null) as absent', () => {
    const e = expectEvent(map({ time: T, method: 'GET', path: '/', status: '-', user: '-', ip: '', session_id: null, user_agent: 'null' }));
    expect(e).toMatchObject({
      status: undefined,
      outcome: 'unknown',
      user: undefined,
      ip: undefined,
      sessionId: undefined,
      userAgent: undefined,
    });
  });

  it('combines W3C-style date and time columns', () => {
    const e = expectEvent(
      accessLogCsv.map({ date: '2026-11-02', time: '09:00:00', 'cs-method': 'GET', 'cs-uri-stem': '/a', 'sc-status': '200' }, CTX),
    );
    expect(e).toMatchObject({ time: MS, action: 'GET /a', status: 200 });
    expect(expectEvent(accessLogCsv.map({ date: '2026-11-02', time: '9:00', method: 'GET', path: '/' }, CTX)).time).toBe(MS);
    expect(expectEvent(accessLogCsv.map({ date: '2026-11-02', time: '09:00:00.250', method: 'GET', path: '/' }, CTX)).time).toBe(MS + 250);
  });
});

describe('precedence', () => {
  it('convention paths before plain names, flat key before nested object', () => {
    expect(expectEvent(map({ time: T, 'url.path': '/conv', path: '/plain', method: 'GET' })).path).toBe('/conv');
    expect(expectEvent(map({ time: T, 'url.path': '/flat', url: { path: '/nested' }, method: 'GET' })).path).toBe('/flat');
  });

  it('goes on to the next name when a value is unusable', () => {
    const e = expectEvent(
      map({
        time: T,
        'http.response.status_code': 'n/a',
        status: 404,
        'http.request.method': '\u0001\u0002',
        method: 'get',
        'url.path': '?only=query',
        path: '/p',
      }),
    );
    expect(e).toMatchObject({ status: 404, method: 'GET', path: '/p' });
    expect(expectEvent(map({ time: T, user: { roles: ['x'] }, username: 'ann', method: 'GET', path: '/' })).user).toBe('ann');
  });

  it('rejects status codes outside 100-599 and methods that are not tokens', () => {
    const e = expectEvent(map({ time: T, method: 'GET /x', path: '/x', status: 1200 }));
    expect(e).toMatchObject({ method: undefined, status: undefined, action: '- /x' });
  });
});

describe('skips', () => {
  it('skips non-objects', () => {
    for (const v of [null, 42, 'GET / HTTP/1.1', [1, 2], true]) expect(expectSkip(map(v))).toBe('not a JSON object');
  });

  it('skips records that are not requests, naming their keys', () => {
    expect(expectSkip(map({ time: T, level: 'info', msg: 'hi' }))).toBe(
      'not an HTTP request: no method, path or status (keys: time, level, msg)',
    );
    expect(expectSkip(map({}))).toBe('not an HTTP request: no method, path or status (keys: none)');
    expect(expectSkip(map({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }))).toMatch(/\(keys: a, b, c, d, e, f, \.\.\.\)$/);
  });

  it('skips requests without a readable time, quoting the value (at most 40 characters)', () => {
    expect(expectSkip(map({ method: 'GET', path: '/' }))).toBe('no readable time (no time field)');
    expect(expectSkip(map({ timestamp: 'soon', method: 'GET', path: '/' }))).toBe('no readable time (timestamp: "soon")');
    expect(expectSkip(map({ Time: 'x'.repeat(60), method: 'GET' }))).toBe(`no readable time (Time: "${'x'.repeat(40)}...")`);
    expect(expectSkip(map({ '@timestamp': { nope: 1 }, status: 200 }))).toBe('no readable time (@timestamp: "{\\"nope\\":1}")');
    expect(expectSkip(map({ '@timestamp': -5, status: 200 }))).toBe('no readable time (@timestamp: "-5")');
  });
});

describe('Resolver cache', () => {
  it('gives each record shape its own plan, also when shapes alternate or exceed the cache', () => {
    const resolver = new Resolver();
    for (let i = 0; i < 600; i++) {
      const a = { [`k${i}`]: 1, time: T, path: `/a${i}` };
      const b = { [`k${i}`]: 1, 'url.path': `/b${i}`, timestamp: T };
      expect(resolver.resolve(a).path).toBe(`/a${i}`);
      expect(resolver.resolve(b).path).toBe(`/b${i}`);
      expect(resolver.resolve({ ...a, path: `/c${i}` }).path).toBe(`/c${i}`);
    }
  });

  it('plans from keys alone: a CSV header says which columns hold which field', () => {
    const plan = buildPlan(['Date', 'Time', 'Method', 'URI', 'Status', 'User Agent']);
    expect(plan.time.map((g) => g.name)).toEqual(['Date + Time', 'Time', 'Date']);
    expect(plan.path.map((g) => g.name)).toEqual(['URI']);
    expect(plan.userAgent.map((g) => g.name)).toEqual(['User Agent']);
    expect(plan.ip).toEqual([]);
  });
});
