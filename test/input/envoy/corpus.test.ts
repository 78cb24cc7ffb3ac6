import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nonBlankLines, readDetected, utc } from '../combined-log/helpers.js';

const dir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const haveCorpus = existsSync(dir);
if (!haveCorpus) console.warn(`corpus not found at ${dir}: skipping envoy corpus tests`);

/** Both envoy/ corpus files are CRI-prefixed Envoy container logs; every line is a request. */
const EXPECTED: Record<string, { events: number }> = {
  // All JSON, a reduced 7-key set.
  'crowdsec-hub_envoy-http-crawl-non_statics.log': { events: 41 },
  // 6 JSON lines and 4 default-text lines; the last line has no newline.
  'crowdsec-hub_envoy.log': { events: 10 },
};

describe.skipIf(!haveCorpus)('envoy corpus', () => {
  it('knows what to expect of every envoy/ file', () => {
    expect(readdirSync(join(dir, 'envoy')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const file = join(dir, 'envoy', name);
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('envoy');
    expect({ events: events.length, skipped: report.skipped, errors: report.errors }).toEqual({ events: expected.events, skipped: 0, errors: [] });
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
  });

  it('reads JSON and text lines: start time, client address, X-Forwarded-For lists and IPv6', async () => {
    const { events } = await readDetected(join(dir, 'envoy/crowdsec-hub_envoy.log'));
    expect(events.map((e) => [e.action, e.status, e.ip, e.userAgent])).toEqual([
      ['GET /assets/image.webp', 200, '10.0.0.12', expect.stringMatching(/^Mozilla\/4\.0/)],
      ['GET /', 301, '192.168.1.45', expect.stringMatching(/Chrome\/41/)],
      ['HEAD /.env', 404, '172.16.2.33', 'curl/8.5.0'],
      ['POST /api/v1/locations', 204, '10.0.35.28', 'nsq2http'],
      ['GET /test', 200, 'fd00:1234:5678::5a24', 'curl/8.10.1'],
      ['GET /', 301, 'fd00:1234:5678::5a24', 'curl/8.10.1'],
      // JSON: downstream_remote_address (Envoy's view of the client) before X-Forwarded-For.
      ['GET /api/data', 200, '10.42.0.1', 'Mozilla/5.0'],
      ['POST /api/create', 201, 'fd00:1234:5678::1', 'curl/8.10.1'],
      // Text: the first X-Forwarded-For entry.
      ['GET /api/proxy', 200, '192.168.1.100', 'Mozilla/5.0'],
      ['POST /api/proxy6', 201, 'fd00:1234:5678::5a24', 'curl/8.10.1'],
    ]);
    expect(events[0]!.time).toBe(utc('2025-12-31T16:37:40.479Z'));
    expect(events[3]!.time).toBe(utc('2016-04-15T20:17:00.310Z'));
  });
});
