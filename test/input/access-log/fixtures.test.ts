import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessLog, accessLogCsv } from '../../../src/input/access-log/index.js';
import { detectFormat } from '../../../src/input/detect.js';
import { FORMATS } from '../../../src/input/registry.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { fixture, read } from './helpers.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Secrets and query syntax written into the fixtures' query strings. */
const QUERY_MARKERS = ['?', '#', 'access_token', 'api_key', 'X-Amz', 'otp=', 'csrf', 'cursor', 'since=', 'sig='];

function expectNoQuery(events: NormalizedEvent[]): void {
  for (const e of events) {
    for (const marker of QUERY_MARKERS) {
      expect(e.path ?? '', `${e.source.line}: ${e.path}`).not.toContain(marker);
      expect(e.action, `${e.source.line}: ${e.action}`).not.toContain(marker);
    }
  }
}

describe('JSON fixtures, read with the registry (format detected, not forced)', () => {
  it('otel-flat: current and pre-1.21 OTel names as flat dotted keys', async () => {
    const file = fixture('access-log/otel-flat/api-requests.jsonl');
    const { report, events } = await read(file, FORMATS);
    expect(report).toMatchObject({ format: 'access-log', events: 11, skipped: 0, errors: [] });
    expect(events.map((e) => e.source.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(events[0]).toMatchObject({
      time: Date.parse('2026-11-02T09:00:00.000Z'),
      source: { file, line: 1 },
      format: 'access-log',
      kind: 'request',
      action: 'GET /api/me',
      outcome: 'success',
      method: 'GET',
      path: '/api/me',
      status: 200,
      ip: '198.51.100.23',
      user: 'alice@example.com',
      sessionId: '102PDIjclc8re_H7hBwjxI1zA',
    });
    expect(events[0]!.userAgent).toMatch(/^Mozilla\/5\.0 .*Chrome\/142/);
    expect(events[4]!.path).toBe('/api/projects/4711/files');
    expect(events[5]).toMatchObject({ userAgent: 'claude-cli/2.0.14 (external, cli)', ip: '203.0.113.77' });
    expect(events[8]).toMatchObject({ action: 'DELETE /api/projects/4711/files/old.md', status: 403, outcome: 'failure' });
    // Pre-1.21 names.
    expect(events[9]).toMatchObject({ action: 'POST /api/search', status: 200, ip: '198.51.100.23', user: 'alice@example.com' });
    expect(events[9]!.userAgent).toContain('Chrome/142');
    // url.full: the path only.
    expect(events[10]).toMatchObject({ action: 'GET /api/export/4711.csv', status: 302, userAgent: 'python-httpx/0.28.1' });
    expectNoQuery(events);
  });

  it('ecs-nested: nested ECS objects, url.original with query and fragment, flat/nested mix', async () => {
    const { report, events } = await read(fixture('access-log/ecs-nested/portal-access.ndjson'), FORMATS);
    expect(report).toMatchObject({ format: 'access-log', events: 9, skipped: 0, errors: [] });
    expect(events[0]).toMatchObject({
      action: 'GET /portal/dashboard',
      status: 200,
      ip: '192.0.2.44',
      user: 'bob@example.com',
      sessionId: '102Xq8c1nPz0RmT5sKdL3vWyA',
    });
    expect(iso(events[0]!.time)).toBe('2026-11-02T10:00:00.000Z'); // @timestamp, not event.created
    expect(events[6]).toMatchObject({ userAgent: 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', status: 429, outcome: 'failure' });
    expect(events[7]).toMatchObject({ action: 'GET /portal/admin', ip: '192.0.2.201', status: 404, user: 'bob@example.com' });
    expect(events[8]).toMatchObject({ action: 'GET /portal/logout', ip: '192.0.2.44', user: 'bob', status: 302 });
    expectNoQuery(events);
  });

  it('otel-attributes: fields under attributes (object, nested and OTLP list), nanosecond times', async () => {
    const { report, events } = await read(fixture('access-log/otel-attributes/otel-logs.jsonl'), FORMATS);
    expect(report).toMatchObject({ format: 'access-log', events: 7, skipped: 0, errors: [] });
    expect(events.map((e) => e.action)).toEqual([
      'GET /orders',
      'GET /orders/5521',
      'POST /orders/5521/refund',
      'GET /orders/{id}/invoice',
      'PURGE /orders/5521',
      'GET /orders/5521/invoice.pdf',
      'GET /orders/5522',
    ]);
    expect(iso(events[0]!.time)).toBe('2026-11-02T12:00:00.000Z');
    expect(events[3]).toMatchObject({ ip: '203.0.113.9', userAgent: 'python-httpx/0.28.1', sessionId: '102eR1nQ7vB4kL0pS9dF2gHjK' });
    expect(events[4]).toMatchObject({ method: 'PURGE', status: 405, outcome: 'failure' });
    expect(events[5]).toMatchObject({ status: 200, user: 'erin@example.com', ip: '203.0.113.9' });
    // timeUnixNano "0": the observed time, 4 ms later than the event would have been.
    expect(iso(events[6]!.time)).toBe('2026-11-02T12:05:03.004Z');
    for (const e of events) expect(e.user).toBe('erin@example.com');
    expectNoQuery(events);
  });

  it('malformed: lists every skipped line with its line number and reason, and reads on', async () => {
    const { report, events } = await read(fixture('access-log/malformed/broken.jsonl'), FORMATS);
    expect(report.format).toBe('access-log');
    expect(events.map((e) => e.source.line)).toEqual([1, 2, 4, 11, 12]);
    expect(report.events).toBe(5);
    expect(report.skipped).toBe(6);
    expect(report.errors.map((e) => e.line)).toEqual([3, 5, 6, 7, 8, 9]);
    const reason = (line: number) => report.errors.find((e) => e.line === line)!.reason;
    expect(reason(3)).toMatch(/^invalid JSON/);
    expect(reason(5)).toBe('no readable time (no time field)');
    expect(reason(6)).toBe('no readable time (timestamp: "yesterday around lunch, give or take an ...")');
    expect(reason(7)).toMatch(/^invalid JSON/);
    expect(reason(8)).toBe('not a JSON object');
    expect(reason(9)).toBe('not an HTTP request: no method, path or status (keys: level, msg, pid, timestamp)');
    // Junk method and status: the path still makes it a request.
    expect(events[4]).toMatchObject({ action: '- /api/odd', method: undefined, status: undefined, outcome: 'unknown' });
    expectNoQuery(events);
  });

  it('demo api-gateway log: every record read, no query string kept', async () => {
    const { report, events } = await read(fixture('demo/api-gateway-access.jsonl'), FORMATS);
    expect(report.format).toBe('access-log');
    expect(report.skipped).toBe(0);
    expect(events.length).toBeGreaterThan(100);
    expect(readFileSync(fixture('demo/api-gateway-access.jsonl'), 'utf8')).toContain('?');
    for (const e of events) expect(e.path).not.toContain('?');
  });
});

/*
 * The registry imports only `accessLog`; until `accessLogCsv` is added to FORMATS, CSV files are
 * read with the CSV format given as the only candidate (still detected, not forced).
 */
describe('CSV fixtures', () => {
  it('plain-csv: mixed-case headers, quoted user agents with commas, CRLF, ports stripped', async () => {
    const { report, events } = await read(fixture('access-log/plain-csv/webapp-access.csv'), [accessLogCsv]);
    expect(report).toMatchObject({ format: 'access-log-csv', events: 7, skipped: 0, errors: [] });
    expect(events.map((e) => e.source.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(events[0]).toMatchObject({
      format: 'access-log-csv',
      action: 'GET /app/home',
      status: 200,
      ip: '198.51.100.90',
      user: 'carol@example.com',
      sessionId: '102a9VJqkT3mW8ZrLx2NbCdEf',
      clientId: '0oa1webapp',
      tokenId: undefined,
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
    });
    expect(events[3]).toMatchObject({ ip: '10.1.4.7', userAgent: 'curl/8.10.1', tokenId: 'AT.kx3l9-jti-7f2a', path: '/app/api/tasks' });
    expect(events[5]).toMatchObject({ action: 'DELETE /app/api/tasks/91', status: 401, outcome: 'failure' });
    expect(events[6]).toMatchObject({ status: undefined, outcome: 'unknown' });
    expectNoQuery(events);
  });

  it('plain-csv: nginx variable names, request line split, Common Log Format time with offset', async () => {
    const { report, events } = await read(fixture('access-log/plain-csv/nginx-export.csv'), [accessLogCsv]);
    expect(report).toMatchObject({ format: 'access-log-csv', events: 3, skipped: 0 });
    expect(events.map((e) => e.action)).toEqual(['GET /wiki/Onboarding', 'GET /wiki/api/page', 'POST /wiki/api/page/77']);
    expect(iso(events[0]!.time)).toBe('2026-11-02T09:15:00.000Z');
    expect(events[2]).toMatchObject({ user: 'dave', sessionId: '102dv5uKw2qPp8mN3xYzTb7Hc', ip: '192.0.2.10', status: 409 });
    expectNoQuery(events);
  });

  it('malformed CSV: rows with the wrong number of cells and unreadable times are listed', async () => {
    const { report, events } = await read(fixture('access-log/malformed/broken.csv'), [accessLogCsv]);
    expect(report.format).toBe('access-log-csv');
    expect(events.map((e) => [e.source.line, e.action])).toEqual([
      [2, 'GET /a'],
      [6, 'GET /e'],
    ]);
    expect(report.errors).toEqual([
      { line: 3, reason: 'row has 4 cells, the header has 6' },
      { line: 4, reason: 'no readable time (time: "not-a-time")' },
      { line: 5, reason: 'row has 7 cells, the header has 6' },
    ]);
  });

  it('demo web-app CSV log', async () => {
    const { report, events } = await read(fixture('demo/webapp-access.csv'), [accessLogCsv]);
    expect(report).toMatchObject({ format: 'access-log-csv', skipped: 0 });
    expect(events.length).toBeGreaterThan(50);
    for (const e of events) expect(e.path).not.toContain('?');
  });

  it('once registered, each CSV and JSON fixture is detected as its own format among all formats', () => {
    const formats = [...FORMATS, accessLogCsv];
    const expected: [string, string][] = [
      ['access-log/plain-csv/webapp-access.csv', 'access-log-csv'],
      ['access-log/plain-csv/nginx-export.csv', 'access-log-csv'],
      ['access-log/malformed/broken.csv', 'access-log-csv'],
      ['access-log/otel-flat/api-requests.jsonl', 'access-log'],
      ['access-log/ecs-nested/portal-access.ndjson', 'access-log'],
      ['access-log/otel-attributes/otel-logs.jsonl', 'access-log'],
    ];
    for (const [file, id] of expected) {
      const detection = detectFormat(readFileSync(fixture(file), 'utf8'), formats);
      expect('format' in detection ? detection.format.id : detection.reason, file).toBe(id);
    }
    expect(accessLog.id).toBe('access-log');
  });
});
