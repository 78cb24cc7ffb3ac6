import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { OCSF_VERSION, ocsfFindingsReporter } from '../../src/report/ocsf-findings.js';
import { runCli } from '../cli/run-cli.js';
import { finding } from '../helpers/finding.js';
import { render } from './render.js';
import { scanResult } from './scan-result.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020') as new (
  opts: object,
) => {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};

const timestamp = { type: 'integer', minimum: 0 };
const ip = { type: 'string', pattern: '^([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$' };

/**
 * The shape of an OCSF 1.4.0 Detection Finding (class 2004) as far as borrowscan writes one: the attributes the
 * schema requires of the class (base event: metadata, severity_id, time, the classification uids; finding:
 * finding_info with uid and title), the enumerations' values, the types of the attributes written, and the
 * evidences object's rule that it carries at least one artifact (here actor, with the session).
 */
const DETECTION_FINDING = {
  type: 'object',
  required: ['activity_id', 'category_uid', 'class_uid', 'type_uid', 'severity_id', 'time', 'metadata', 'finding_info'],
  properties: {
    activity_id: { const: 1 },
    category_uid: { const: 2 },
    class_uid: { const: 2004 },
    type_uid: { const: 200401 },
    severity_id: { enum: [0, 1, 2, 3, 4, 5, 6, 99] },
    status_id: { enum: [0, 1, 2, 3, 4, 5, 6, 99] },
    time: timestamp,
    start_time: timestamp,
    end_time: timestamp,
    count: { type: 'integer', minimum: 1 },
    is_alert: { type: 'boolean' },
    message: { type: 'string' },
    metadata: {
      type: 'object',
      required: ['product', 'version'],
      properties: {
        version: { const: '1.4.0' },
        product: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, vendor_name: { type: 'string' }, version: { type: 'string' } },
        },
      },
    },
    finding_info: {
      type: 'object',
      required: ['uid', 'title'],
      properties: {
        uid: { type: 'string' },
        title: { type: 'string' },
        types: { type: 'array', items: { type: 'string' } },
        first_seen_time: timestamp,
        last_seen_time: timestamp,
        analytic: { type: 'object', required: ['type_id'], properties: { type_id: { enum: [0, 1, 2, 3, 4, 5, 6, 99] } } },
        attacks: { type: 'array', items: { type: 'object', required: ['technique'] } },
      },
    },
    evidences: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['actor'],
        properties: {
          actor: {
            type: 'object',
            required: ['session'],
            properties: {
              user: { type: 'object', required: ['name'] },
              session: { type: 'object', required: ['uid'], properties: { uid: { type: 'string' } } },
            },
          },
          http_request: { type: 'object', properties: { user_agent: { type: 'string' } } },
          src_endpoint: { type: 'object', required: ['ip'], properties: { ip } },
          data: { type: 'object' },
        },
      },
    },
    remediation: { type: 'object', required: ['desc'] },
  },
};

function validate(line: unknown): void {
  const check = new Ajv2020({ allErrors: true, strict: false }).compile(DETECTION_FINDING);
  const ok = check(line);
  expect(check.errors ?? [], JSON.stringify(check.errors)).toEqual([]);
  expect(ok).toBe(true);
}

describe('OCSF Detection Findings', () => {
  it('writes one Detection Finding of OCSF 1.4.0 per finding of the demo, each of the class shape', async () => {
    const run = await runCli(['scan', 'fixtures/demo', '--format', 'ocsf-findings']);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    for (const line of lines) validate(line);
    expect(OCSF_VERSION).toBe('1.4.0');
  });

  it("carries the actor, the session, the user agent and the source endpoint, and the person's sign-in", async () => {
    const run = await runCli(['scan', 'fixtures/demo', '--format', 'ocsf-findings']);
    const carol = JSON.parse(run.stdout.split('\n')[0]!);
    expect(carol.severity_id).toBe(5);
    expect(carol.finding_info.types).toEqual(['agent-on-human-session']);
    const [client, signIn] = carol.evidences;
    expect(client.actor).toEqual({ user: { name: 'carol@example.com' }, session: { uid: '102M563ER58EZ8E-FwuGpl3Lt' } });
    expect(client.http_request.user_agent).toBe('python-requests/2.32.3');
    expect(client.src_endpoint.ip).toBe('203.0.113.77');
    expect(client.data.evidence).toContainEqual(expect.objectContaining({ file: 'fixtures/demo/api-gateway-access.jsonl', line: 672 }));
    expect(signIn.http_request.user_agent).toMatch(/Edg\//);
    expect(signIn.src_endpoint.ip).toBe('198.51.100.57');
    expect(carol.finding_info.attacks.map((a: { technique: { uid: string } }) => a.technique.uid)).toContain('T1539');
  });

  it('leaves out a source endpoint whose IP is no address, and says a baseline finding is known', async () => {
    const text = await render(
      ocsfFindingsReporter,
      scanResult([finding({ status: 'known', client: { userAgent: 'curl/8', class: 'cli', ip: 'unknown' }, user: null })]),
    );
    const line = JSON.parse(text);
    validate(line);
    expect(line.evidences[0].src_endpoint).toBeUndefined();
    expect(line.evidences[0].actor.user).toBeUndefined();
    expect(line).toMatchObject({ status_id: 99, status: 'Known (in the baseline)', is_alert: false });
  });

  it('is also written to a file beside the main report (--ocsf-findings FILE)', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'bs-ocsf-')), 'findings.ocsf.jsonl');
    const run = await runCli(['scan', 'fixtures/demo', '--format', 'json', '-o', '/dev/null', '--ocsf-findings', file]);
    expect(run.code).toBe(1);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });
});
