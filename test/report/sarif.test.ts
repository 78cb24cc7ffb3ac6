import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { sarifReporter } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { finding } from '../helpers/finding.js';
import type { ScanResult } from '../../src/model/report.js';
import { describeRules } from '../../src/engine/rule-catalog.js';
import { render } from './render.js';

// ajv ships CommonJS whose default export NodeNext types do not see; require() gives the constructor.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as new (
  opts: object,
) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } };
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

const schemaPath = fileURLToPath(new URL('../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url));
const haveSchema = existsSync(schemaPath);
if (!haveSchema) console.warn(`SARIF schema not found at ${schemaPath}: skipping schema validation`);

function result(): ScanResult {
  const findings = [
    finding(),
    finding({ id: 'bs-2222222222222222', rule: 'inhuman-cadence', severity: 'medium', status: 'known' }),
    finding({
      id: 'bs-3333333333333333',
      status: 'suppressed',
      suppression: { reason: 'test rig', owner: null, expires: null, file: 'i.yaml', line: 2 },
    }),
  ];
  return {
    tool: { name: 'borrowscan', version: '0.1.0' },
    rules: describeRules(),
    inputs: [],
    summary: {
      files: 1,
      filesNotRead: 0,
      events: 1,
      outsideTimeWindow: 0,
      skipped: 0,
      sessions: 1,
      findings: 3,
      new: 1,
      known: 1,
      suppressed: 1,
      bySeverity: { info: 0, low: 0, medium: 1, high: 2, critical: 0 },
      timeRange: null,
    },
    findings,
    staleSuppressions: [],
    observedAgents: [],
  };
}

describe('SARIF report', () => {
  it.skipIf(!haveSchema)('validates against the official SARIF 2.1.0 schema', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const log = JSON.parse(await render(sarifReporter, result()));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('lists every rule with help text and a severity, and fingerprints results by finding id', async () => {
    const log = JSON.parse(await render(sarifReporter, result()));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const r of run.tool.driver.rules) {
      expect(r.help.text.length).toBeGreaterThan(40);
      expect(Number(r.properties['security-severity'])).toBeGreaterThan(0);
    }
    expect(run.results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0])).toEqual([
      'bs-0123456789abcdef',
      'bs-2222222222222222',
      'bs-3333333333333333',
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'okta.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3 },
    });
    expect(run.results.map((r: { baselineState: string }) => r.baselineState)).toEqual(['new', 'unchanged', 'new']);
    expect(run.results[2].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'test rig' }]);
  });
});
