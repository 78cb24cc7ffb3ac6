import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nonBlankLines, readDetected, skipsByLine, utc } from '../combined-log/helpers.js';

const dir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const haveCorpus = existsSync(dir);
if (!haveCorpus) console.warn(`corpus not found at ${dir}: skipping traefik corpus tests`);

const FILE = 'traefik/crowdsec-hub_traefik_json.log';

describe.skipIf(!haveCorpus)('traefik corpus', () => {
  it('has only the one known file', () => {
    expect(readdirSync(join(dir, 'traefik'))).toEqual([FILE.split('/')[1]]);
  });

  it(`${FILE}: 6 access records; the plugin's DEBUG line is skipped as invalid JSON`, async () => {
    const file = join(dir, FILE);
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('traefik');
    expect({ events: events.length, skipped: report.skipped }).toEqual({ events: 6, skipped: 1 });
    expect(Object.keys(skipsByLine(report))).toEqual(['6']);
    expect(report.errors[0]!.reason).toMatch(/^invalid JSON: /);
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
    expect(events.map((e) => [e.source.line, e.action, e.status, e.ip])).toEqual([
      [1, 'GET /594VAEoi.save', 200, '172.17.0.1'],
      [2, 'GET /594VAEoi.local', 200, '172.17.0.1'],
      [3, 'GET /', 200, '192.168.65.1'],
      [4, 'POST /api/data', 200, '192.168.65.1'],
      [5, 'GET /', 404, '192.168.1.115'],
      // ClientHost is a forwarded list: the first entry.
      [7, 'OPTIONS /_matrix/client/v3/sync', 204, '192.168.1.100'],
    ]);
    expect(events[0]).toMatchObject({ userAgent: 'Nikto', user: undefined });
    expect(events[4]!.time).toBeCloseTo(utc('2026-01-14T09:45:33.759Z') + 0.014877, 3);
  });
});
