import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDetected } from './helpers.js';

const dir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const haveCorpus = existsSync(dir);
if (!haveCorpus) console.warn(`corpus not found at ${dir}: skipping access-log format detection tests`);

/** Corpus folder → the format that must read it; every other file must go to no format of this list. */
const OWN: Record<string, string> = {
  nginx: 'combined-log',
  apache: 'combined-log',
  'aws-alb': 'aws-alb',
  'api-gateway': 'api-gateway',
  envoy: 'envoy',
  traefik: 'traefik',
};
const OWN_FORMATS = new Set([...Object.values(OWN), 'envoy-json']);

describe.skipIf(!haveCorpus)('access-log format detection across the corpus', () => {
  it('reads each folder with its format and claims no file of another format', async () => {
    const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((relative) => relative.includes('/') && statSync(join(dir, relative)).isFile())
      .sort();
    expect(files.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const relative of files) {
      const { report } = await readDetected(join(dir, relative));
      const expected = OWN[relative.split('/')[0]!];
      if (expected !== undefined ? report.format !== expected : OWN_FORMATS.has(report.format ?? '')) {
        wrong.push(`${relative}: ${report.format}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
