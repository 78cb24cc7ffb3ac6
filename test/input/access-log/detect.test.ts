import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessLog, accessLogCsv } from '../../../src/input/access-log/index.js';
import { probeFor } from '../../../src/input/detect.js';
import type { Probe } from '../../../src/input/format.js';
import { fixture } from '../map-helpers.js';

const T = '2026-11-02T09:00:00Z';
const json = (records: unknown[]): Probe => ({ container: 'json', records });
const csv = (header: string[]): Probe => ({ container: 'csv', header, records: [] });

describe('JSON detection', () => {
  it('claims JSON when most records have a time and two of method, path, status, user agent', () => {
    expect(accessLog.detect(json([{ timestamp: T, 'http.request.method': 'GET', 'url.path': '/' }]))).toBe(true);
    expect(
      accessLog.detect(json([{ '@timestamp': T, http: { response: { status_code: 200 } }, user_agent: { original: 'curl/8' } }])),
    ).toBe(true);
    expect(accessLog.detect(json([{ time: T, request: 'GET / HTTP/1.1' }]))).toBe(true);
    expect(
      accessLog.detect(
        json([{ timeUnixNano: '1793606400000000000', attributes: { 'http.request.method': 'GET', 'http.response.status_code': 200 } }]),
      ),
    ).toBe(true);
  });

  it('does not claim it without a time, with one request field, or when few records look like requests', () => {
    expect(accessLog.detect(json([{ method: 'GET', path: '/', status: 200 }]))).toBe(false);
    expect(accessLog.detect(json([{ time: T, path: '/' }]))).toBe(false);
    const good = { time: T, method: 'GET', path: '/' };
    expect(accessLog.detect(json([good, { time: T }, 42]))).toBe(false);
    expect(accessLog.detect(json([good, good, { time: T }]))).toBe(true);
    expect(accessLog.detect(json([]))).toBe(false);
  });

  it('does not take identity-provider logs (the demo Okta and Entra exports)', () => {
    for (const file of ['demo/okta-system-log.json', 'demo/entra-signins.json']) {
      const probe = probeFor(readFileSync(fixture(file), 'utf8').slice(0, 64 * 1024), 'json');
      expect(probe.records.length, file).toBeGreaterThan(0);
      expect(accessLog.detect(probe), file).toBe(false);
    }
  });
});

describe('CSV detection', () => {
  it('claims CSV when the header names a time and two request columns', () => {
    expect(accessLogCsv.detect(csv(['Timestamp', 'Method', 'Path', 'Bytes']))).toBe(true);
    expect(accessLogCsv.detect(csv(['time_local', 'request', 'remote_addr']))).toBe(true);
    expect(accessLogCsv.detect(csv(['date', 'time', 'cs-uri-stem', 'sc-status']))).toBe(true);
    expect(accessLogCsv.detect(csv(['@timestamp', 'http.request.method', 'url.path']))).toBe(true);
  });

  it('does not claim CSV without time or with one request column', () => {
    expect(accessLogCsv.detect(csv(['method', 'path', 'status']))).toBe(false);
    expect(accessLogCsv.detect(csv(['timestamp', 'path', 'bytes']))).toBe(false);
    expect(accessLogCsv.detect({ container: 'csv', records: [] })).toBe(false);
  });

  it('also takes rows that resolve when the header does not (`--map` copies columns under plain names)', () => {
    const header = ['When', 'Verb', 'Target'];
    const row = { When: T, Verb: 'GET', Target: '/x', timestamp: T, method: 'GET', path: '/x' };
    expect(accessLogCsv.detect({ container: 'csv', header, records: [row, row] })).toBe(true);
    expect(accessLogCsv.detect({ container: 'csv', header, records: [{ When: T, Verb: 'GET', Target: '/x' }] })).toBe(false);
  });

  it('reads the header from the real CSV probe', () => {
    const probe = probeFor(readFileSync(fixture('access-log/plain-csv/webapp-access.csv'), 'utf8'), 'csv');
    expect(accessLogCsv.detect(probe)).toBe(true);
  });
});

describe('docs', () => {
  it('lists the accepted names per field', () => {
    for (const f of [accessLog, accessLogCsv]) {
      expect(f.docs.fields.time).toContain('`@timestamp`');
      expect(f.docs.fields.time).toContain('`timeUnixNano`');
      expect(f.docs.fields.user).toContain('`enduser.id`');
      expect(f.docs.fields.session).toContain('`session.id`');
      expect(f.docs.fields.client).toContain('`user_agent.original`');
      expect(f.docs.fields.ip).toContain('`client.address`');
      expect(f.docs.summary).toContain('`http.request.method`');
      expect(f.docs.summary).toContain('`jti`');
    }
    expect(accessLog.container).toBe('json');
    expect(accessLogCsv.container).toBe('csv');
    expect(accessLogCsv.id).toBe('access-log-csv');
  });
});
