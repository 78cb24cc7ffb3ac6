import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nonBlankLines, readDetected, skipsByLine, utc } from './helpers.js';

const dir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const haveCorpus = existsSync(dir);
if (!haveCorpus) console.warn(`corpus not found at ${dir}: skipping combined-log corpus tests`);

const REQUEST_LINE = 'request line is not METHOD PATH PROTOCOL: ';
const NOT_COMBINED = 'not a combined or common log line (host ident user [time] "request" status bytes): ';

interface Expected {
  events: number;
  skipped: number;
  /** Exact reasons by line, or a pattern every skip reason matches. */
  reasons?: Record<number, string> | RegExp;
}

/**
 * Every nginx/ and apache/ corpus file is an access log in the combined or common layout; some hold lines
 * that are not requests (scanner junk, error-log lines), which are skipped.
 */
const EXPECTED: Record<string, Expected> = {
  'nginx/crowdsec-hub_nginx-bad-user-agent.log': { events: 3, skipped: 0 },
  // Binary and pipe-delimited request lines from RAT and TLS probes; the last line has no newline.
  'nginx/crowdsec-hub_nginx-http-malformed.log': { events: 0, skipped: 12, reasons: /^request line is not METHOD PATH PROTOCOL: "/ },
  'nginx/crowdsec-hub_nginx-http-sqli-probing.log': { events: 16, skipped: 0 },
  'nginx/crowdsec-hub_nginx_http-logs.log': {
    events: 7,
    skipped: 2,
    reasons: {
      8: `${NOT_COMBINED}"192.168.1.1 - [08/Jun/2020:08:04:43 +000…"`,
      9: 'an nginx error log line, not a request',
    },
  },
  // The combined variant with a trailing "$http_x_forwarded_for".
  'nginx/opensearch-catalog_nginx_raw.log': { events: 1408, skipped: 0 },
  // Common Log Format: no referer, no user agent.
  'apache/crowdsec-hub_apache-http-probing.log': { events: 77, skipped: 0 },
  'apache/crowdsec-hub_apache2-logs.log': {
    events: 7,
    skipped: 2,
    reasons: { 8: 'an Apache error log line, not a request', 9: 'an Apache error log line, not a request' },
  },
  // TLS handshakes sent to a plain-HTTP port.
  'apache/crowdsec-hub_apache2-malformed.log': { events: 0, skipped: 11, reasons: /^request line is not METHOD PATH PROTOCOL: "\\x16\\x03\\x01/ },
  'apache/elastic-examples_apache_logs': { events: 10000, skipped: 0 },
};

const corpusFiles = (): string[] =>
  ['nginx', 'apache'].flatMap((folder) => readdirSync(join(dir, folder)).map((name) => `${folder}/${name}`)).sort();

describe.skipIf(!haveCorpus)('combined-log corpus', () => {
  it('knows what to expect of every nginx/ and apache/ file', () => {
    expect(corpusFiles()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const file = join(dir, name);
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('combined-log');
    expect({ events: events.length, skipped: report.skipped }).toEqual({ events: expected.events, skipped: expected.skipped });
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
    if (expected.reasons instanceof RegExp) {
      for (const e of report.errors) expect(e.reason).toMatch(expected.reasons);
    } else {
      expect(skipsByLine(report)).toEqual(expected.reasons ?? {});
    }
    for (const e of events) expect(e.path, `${name}:${e.source.line}`).not.toMatch(/[?#]/);
  });

  it('reads users, virtual hosts and offsets from the crowdsec nginx sample', async () => {
    const { events } = await readDetected(join(dir, 'nginx/crowdsec-hub_nginx_http-logs.log'));
    expect(events.find((e) => e.user !== undefined)).toMatchObject({ source: { line: 7 }, user: 'user123', action: 'GET /api/login' });
    // Lines 4-6 start with a virtual host (`www.crowdsec.net`, `www.crowdsec11.net:80`).
    expect(events.filter((e) => [4, 5, 6].includes(e.source.line)).map((e) => e.ip)).toEqual(['192.168.1.1', '192.168.1.1', '192.168.1.1']);
    expect(events[2]).toMatchObject({ action: 'GET /solr/admin/info/system', status: 500 });
  });

  it('reads the 10,000-line Apache sample: time, client, user agent', async () => {
    const { events } = await readDetected(join(dir, 'apache/elastic-examples_apache_logs'));
    expect(events[0]).toMatchObject({
      time: utc('2015-05-17T10:05:03Z'),
      ip: '83.149.9.216',
      action: 'GET /presentations/logstash-monitorama-2013/images/kibana-search.png',
      status: 200,
    });
    expect(events[0]!.userAgent).toMatch(/Chrome\/32\.0\.1700\.77/);
    expect(events.at(-1)!.source.line).toBe(10000);
  });

  it('quotes the escaped TLS bytes as the log writes them', async () => {
    const { report } = await readDetected(join(dir, 'apache/crowdsec-hub_apache2-malformed.log'));
    expect(report.errors[0]).toEqual({ line: 1, reason: `${REQUEST_LINE}"\\x16\\x03\\x01\\x01 \\x02"` });
  });
});
