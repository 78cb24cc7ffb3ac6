import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { SARIF_MAX_RESULTS, sarifReporter } from '../../src/report/sarif.js';
import type { SarifOptions } from '../../src/report/reporter.js';
import { finding } from '../helpers/finding.js';
import { renderWithWarnings } from './render.js';
import { scanResult } from './scan-result.js';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as new (
  opts: object,
) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } };
const addFormats = require('ajv-formats') as (ajv: unknown) => void;
const schemaPath = fileURLToPath(new URL('../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url));
const haveSchema = existsSync(schemaPath);

interface SarifRun {
  results: {
    locations: {
      physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
      message?: { text: string };
    }[];
  }[];
  originalUriBaseIds: Record<string, { uri: string }>;
  automationDetails?: { id: string };
  properties?: Record<string, number>;
  invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
}

const ROOT = '/srv/repo';
const at = (file: string, line = 7) => ({ evidence: [{ file, line, time: '2026-11-02T09:00:00.000Z', summary: 's' }] });

async function sarif(findings: Finding[], sarifOptions: Partial<SarifOptions> = {}) {
  const options = { color: false, sarif: { root: ROOT, cwd: ROOT, ...sarifOptions } };
  const { text, warnings } = await renderWithWarnings(sarifReporter, scanResult(findings), options);
  const log = JSON.parse(text) as { runs: SarifRun[] };
  return { log, run: log.runs[0]!, warnings };
}

function ids(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => finding({ id: `bs-${String(i).padStart(16, '0')}` }));
}

describe('SARIF for GitHub code scanning', () => {
  it('gives every result a location: a finding without evidence points at line 1 of the first input read', async () => {
    const { run } = await sarif([finding({ evidence: [] }), finding({ id: 'bs-2', ...at('logs/a.json', 9) })]);
    expect(run.results.map((r) => r.locations.length)).toEqual([1, 1]);
    expect(run.results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'okta.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(run.results[0]!.locations[0]!.message?.text).toMatch(/No evidence line/);
  });

  it('writes URIs relative to --sarif-root, percent-encoded by segment, with originalUriBaseIds; never file://', async () => {
    const { run } = await sarif(
      [
        finding({ id: 'bs-1', ...at('/srv/repo/exports/okta.json') }),
        finding({ id: 'bs-2', ...at('day 1/a#b:c.json') }),
        finding({ id: 'bs-3', ...at('/var/log/api.jsonl') }),
        finding({ id: 'bs-4', ...at('-') }),
      ],
      { cwd: '/srv/repo/exports' },
    );
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/repo/' } });
    const uris = run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toEqual([
      { uri: 'exports/okta.json', uriBaseId: '%SRCROOT%' },
      { uri: 'exports/day%201/a%23b%3Ac.json', uriBaseId: '%SRCROOT%' },
      { uri: '../../var/log/api.jsonl', uriBaseId: '%SRCROOT%' },
      { uri: '-', uriBaseId: '%SRCROOT%' },
    ]);
  });

  it('--sarif-category sets automationDetails.id, ending in a slash as the upload action writes it', async () => {
    expect((await sarif([finding()], { category: 'borrowscan' })).run.automationDetails).toEqual({ id: 'borrowscan/' });
    expect((await sarif([finding()], { category: 'borrowscan/nightly/' })).run.automationDetails).toEqual({ id: 'borrowscan/nightly/' });
    expect((await sarif([finding()])).run.automationDetails).toBeUndefined();
  });

  it(`keeps at most ${SARIF_MAX_RESULTS} results (25,000, GitHub's limit) and says what it left out: properties, a notification, a warning`, async () => {
    expect(SARIF_MAX_RESULTS).toBe(25_000);
    const { run, warnings } = await sarif(ids(5), { maxResults: 3 });
    expect(run.results).toHaveLength(3);
    expect(run.properties).toEqual({ findings: 5, resultsLimit: 3, resultsLeftOut: 2 });
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
    expect(run.invocations?.[0]?.toolExecutionNotifications[0]).toMatchObject({
      level: 'warning',
      message: { text: expect.stringMatching(/^2 of 5 findings are not in this SARIF report/) },
    });
    expect(warnings).toEqual([
      expect.stringMatching(/^2 of 5 findings are not in this SARIF report: GitHub code scanning takes at most 3 results per run/),
    ]);
    const within = await sarif(ids(3), { maxResults: 3 });
    expect(within.run.properties).toBeUndefined();
    expect(within.warnings).toEqual([]);
  });

  it.skipIf(!haveSchema)('stays valid against the SARIF 2.1.0 schema with all of the above', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const { log } = await sarif([finding({ evidence: [] }), ...ids(4), finding({ id: 'bs-x', ...at('/var/log/x y.json') })], {
      category: 'borrowscan',
      maxResults: 3,
    });
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});
