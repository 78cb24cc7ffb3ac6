import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedNames, CONVENTIONS, type FieldName } from '../../../src/input/access-log/conventions.js';
import { accessLog, accessLogCsv } from '../../../src/input/access-log/index.js';
import { isSkip, type MapResult } from '../../../src/input/format.js';
import { CTX } from '../map-helpers.js';

function checkShape(r: MapResult): void {
  if (isSkip(r)) {
    expect(typeof r.skip).toBe('string');
    expect(r.skip.length).toBeGreaterThan(0);
    return;
  }
  expect(r.kind).toBe('request');
  expect(Number.isFinite(r.time)).toBe(true);
  expect(typeof r.action).toBe('string');
  expect(['success', 'failure', 'unknown']).toContain(r.outcome);
  expect(r.method !== undefined || r.path !== undefined || r.status !== undefined).toBe(true);
  if (r.path !== undefined) {
    expect(r.path).not.toContain('?');
    expect(r.path).not.toContain('#');
  }
}

const ALL_NAMES = (Object.keys(CONVENTIONS) as FieldName[]).flatMap(acceptedNames);
/** Keys a log might have: accepted names, their case variants, and random keys. */
const key = fc.oneof(
  fc.constantFrom(...ALL_NAMES, 'attributes', 'http', 'url', 'user', 'session', 'client', 'source'),
  fc.constantFrom(...ALL_NAMES).map((k) => k.toUpperCase()),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'GET',
    'post',
    '/a?b=c',
    'https://h/x?y#z',
    '200',
    404,
    '-',
    '',
    '2026-11-02T09:00:00Z',
    1793606400,
    '1793606400000000000',
    'GET /p?q HTTP/1.1',
  ),
);
const recordLike = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 12 }),
  fc.record({
    attributes: fc.oneof(
      fc.dictionary(key, value),
      fc.array(fc.record({ key, value: fc.oneof(value, fc.record({ stringValue: value }), fc.record({ intValue: value })) })),
    ),
  }),
);

describe('map() on records made of the names conventions use', () => {
  it('maps records of accepted names (any case) with arbitrary values to a request or a skip, never throwing', () => {
    fc.assert(
      fc.property(recordLike, (r) => {
        checkShape(accessLog.map(r, CTX));
        checkShape(accessLogCsv.map(r, CTX));
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Round trip: a request written under each convention maps back to its method, path, status and time.

interface Request {
  method: string;
  path: string;
  query: string;
  status: number;
  time: number;
  timeForm: 'iso' | 'ms' | 'ns' | 'clf';
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND'];
const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,10}$/);
const request: fc.Arbitrary<Request> = fc.record({
  method: fc.constantFrom(...METHODS).chain((m) => fc.constantFrom(m, m.toLowerCase())),
  path: fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => `/${s.join('/')}`),
  // Anything but whitespace (request lines split on it): the query must never reach the event.
  query: fc.oneof(
    fc.constant(''),
    fc
      .string({ maxLength: 30 })
      .filter((q) => !/\s/.test(q))
      .map((q) => `?${q}`),
    fc.constant('#frag?x=1'),
  ),
  status: fc.integer({ min: 100, max: 599 }),
  time: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
  timeForm: fc.constantFrom('iso', 'ms', 'ns', 'clf'),
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function timeValue(r: Request): string | number {
  const d = new Date(r.time);
  const p = (n: number) => String(n).padStart(2, '0');
  switch (r.timeForm) {
    case 'iso':
      return d.toISOString();
    case 'ms':
      return r.time;
    case 'ns':
      return `${BigInt(r.time) * 1_000_000n}`;
    case 'clf':
      return (
        `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
        `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.` +
        `${String(d.getUTCMilliseconds()).padStart(3, '0')} +0000`
      );
  }
}

const target = (r: Request) => `${r.path}${r.query}`;

/** Each convention writes a request its own way. */
const CONVENTION_WRITERS: Record<string, (r: Request) => Record<string, unknown>> = {
  'otel-flat': (r) => ({
    timestamp: timeValue(r),
    'http.request.method': r.method,
    'url.path': target(r),
    'http.response.status_code': r.status,
  }),
  'otel-nested': (r) => ({
    timestamp: timeValue(r),
    http: { request: { method: r.method }, response: { status_code: r.status } },
    url: { path: target(r) },
  }),
  'otel-old': (r) => ({ timestamp: timeValue(r), 'http.method': r.method, 'http.target': target(r), 'http.status_code': String(r.status) }),
  'otel-full-url': (r) => ({
    timestamp: timeValue(r),
    'http.request.method': r.method,
    'url.full': `https://api.example.com:8443${target(r)}`,
    'http.response.status_code': r.status,
  }),
  'otel-attributes': (r) => ({
    timeUnixNano: timeValue(r),
    attributes: { 'http.request.method': r.method, 'url.path': target(r), 'http.response.status_code': r.status },
  }),
  'otel-attributes-list': (r) => ({
    timeUnixNano: timeValue(r),
    attributes: [
      { key: 'http.request.method', value: { stringValue: r.method } },
      { key: 'url.path', value: { stringValue: target(r) } },
      { key: 'http.response.status_code', value: { intValue: String(r.status) } },
    ],
  }),
  ecs: (r) => ({
    '@timestamp': timeValue(r),
    http: { request: { method: r.method }, response: { status_code: r.status } },
    url: { original: target(r) },
  }),
  plain: (r) => ({ Timestamp: String(timeValue(r)), Method: r.method, 'Request-URI': target(r), 'Status Code': String(r.status) }),
  'request-line': (r) => ({ time_local: timeValue(r), request: `${r.method} ${target(r)} HTTP/1.1`, status: String(r.status) }),
};

describe('round trip per convention', () => {
  for (const [name, write] of Object.entries(CONVENTION_WRITERS)) {
    it(name, () => {
      fc.assert(
        fc.property(request, (r) => {
          const result = accessLog.map(write(r), CTX);
          if (isSkip(result)) throw new Error(result.skip);
          expect(result.method).toBe(r.method.toUpperCase());
          expect(result.path).toBe(r.path);
          expect(result.status).toBe(r.status);
          // Nanosecond strings go through a float division in parseTime: equal to well under a microsecond.
          expect(Math.abs(result.time - r.time)).toBeLessThan(0.001);
          expect(result.action).toBe(`${r.method.toUpperCase()} ${r.path}`);
          expect(result.outcome).toBe(r.status < 400 ? 'success' : 'failure');
        }),
        { numRuns: 300 },
      );
    });
  }
});
