import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nonBlankLines, readDetected, utc } from '../combined-log/helpers.js';

const dir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const haveCorpus = existsSync(dir);
if (!haveCorpus) console.warn(`corpus not found at ${dir}: skipping api-gateway corpus tests`);

/** Elastic License 2.0: read from the corpus, never copied into fixtures/. */
const FILE = 'api-gateway/elastic-integrations_aws_apigateway_test-apigateway-rest.log';

describe.skipIf(!haveCorpus)('api-gateway corpus', () => {
  it('has only the one known file', () => {
    expect(readdirSync(join(dir, 'api-gateway'))).toEqual([FILE.split('/')[1]]);
  });

  it(`${FILE}: AWS's JSON template, varying key spacing and key sets; every record is read`, async () => {
    const file = join(dir, FILE);
    const { report, events } = await readDetected(file);
    expect(report).toMatchObject({ format: 'api-gateway', events: 5, skipped: 0, errors: [] });
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
    expect(events.map((e) => e.action)).toEqual(['GET /pets', 'GET /pets/{petId}', 'GET /pets/{petId}', 'GET /pets/{petId}', 'GET /']);
    expect(events[0]).toMatchObject({ time: utc('2023-06-10T15:36:28Z'), ip: '1.128.0.0', status: 200, user: undefined, userAgent: undefined });
  });
});
