import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { accessLog, accessLogCsv } from '../../../src/input/access-log/index.js';
import { probeFor } from '../../../src/input/detect.js';
import { CORPUS, read } from './helpers.js';

/** Corpus folders whose files are JSON access logs; every other file belongs to another format or is plain text. */
const ACCESS_LOG_DIRS = new Set(['api-gateway', 'traefik']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : name.endsWith('.md') ? [] : [p];
  });
}

function head(file: string): string {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8').slice(0, 64 * 1024);
}

describe.runIf(existsSync(CORPUS))('shared corpus', () => {
  it('claims the JSON access logs and no file of another format', () => {
    for (const file of files(CORPUS)) {
      const name = relative(CORPUS, file);
      const text = head(file);
      const claimed = accessLog.detect(probeFor(text, 'json')) || accessLogCsv.detect(probeFor(text, 'csv'));
      expect(claimed, name).toBe(ACCESS_LOG_DIRS.has(name.split('/')[0]!));
    }
  });

  it('maps AWS API Gateway records: CLF requestTime, httpMethod, route template, string status', async () => {
    const [file] = files(join(CORPUS, 'api-gateway'));
    const { report, events } = await read(file!, [accessLog]);
    expect(report.skipped).toBe(0);
    expect(events.length).toBe(report.events);
    expect(events[0]).toMatchObject({ action: 'GET /pets', status: 200, ip: '1.128.0.0', time: Date.parse('2023-06-10T15:36:28Z') });
    expect(events.map((e) => e.path)).toContain('/pets/{petId}');
  });

  it('maps Traefik records and lists the stray debug line', async () => {
    const [file] = files(join(CORPUS, 'traefik'));
    const { report, events } = await read(file!, [accessLog]);
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ method: 'GET', status: 200, ip: '172.17.0.1' });
    expect(report.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/^invalid JSON/)]);
  });
});
