import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientIdKey } from '../../src/engine/findings.js';
import type { ClientUsage } from '../../src/model/session.js';
import { SetPool } from '../../src/shared/small-collections.js';
import { runCli } from '../cli/run-cli.js';

const OLD_BASELINE = 'fixtures/baselines/demo-0.1.json';
const oldIds = (JSON.parse(readFileSync(OLD_BASELINE, 'utf8')) as { findings: { id: string }[] }).findings.map((f) => f.id);

function client(userAgent: string, identity: Partial<ClientUsage['identity']> = {}): ClientUsage {
  return {
    identity: { class: 'http-library', family: 'python-requests', key: 'http-library:python-requests', ...identity },
    userAgent,
    firstSeen: 0,
    lastSeen: 0,
    count: 1,
    ips: SetPool.EMPTY,
    evidence: [],
    clientIds: SetPool.EMPTY,
  };
}

describe("finding ids hash the user agent without versions, never the client's class", () => {
  it('keeps the id when the client table classes the same user agent differently', () => {
    expect(clientIdKey(client('Acme-Agent/1.0', { class: 'unknown', key: 'unknown:acme-agent' }))).toBe(
      clientIdKey(client('Acme-Agent/1.0', { class: 'ai-agent', family: 'Acme Agent', key: 'ai-agent:acme agent' })),
    );
  });

  it('keeps the id across a version bump and tells apart a client the identity provider says is delegated', () => {
    expect(clientIdKey(client('python-requests/2.32.3'))).toBe(clientIdKey(client('python-requests/2.33.0')));
    expect(clientIdKey(client('python-requests/2.32.3'))).not.toBe(
      clientIdKey(client('python-requests/2.32.3', { evidenceKey: 'delegated' })),
    );
    expect(clientIdKey(client('python-requests/2.32.3'))).not.toBe(clientIdKey(client('python-httpx/0.27.0')));
  });
});

describe('baselines and ignore files written by 0.1 still match', () => {
  it('marks every finding of a 0.1 baseline known, though the ids of this version differ', async () => {
    const run = await runCli(['scan', 'fixtures/demo', '--baseline', OLD_BASELINE, '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(0);
    expect(report.summary).toMatchObject({ findings: 4, new: 0, known: 4 });
    expect(report.findings.map((f: { id: string }) => f.id).filter((id: string) => oldIds.includes(id))).toEqual([]);
  });

  it('suppresses a finding by the id 0.1 gave it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-compat-'));
    const ignore = join(dir, 'ignore.yaml');
    writeFileSync(ignore, `suppressions:\n  - id: ${oldIds[0]}\n    reason: accepted under 0.1\n`);
    const report = JSON.parse((await runCli(['scan', 'fixtures/demo', '--ignore-file', ignore, '--format', 'json'])).stdout);
    expect(report.summary.suppressed).toBe(1);
    expect(report.staleSuppressions).toEqual([]);
  });

  it('updates a 0.1 baseline without keeping its findings twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-compat-'));
    const file = join(dir, 'baseline.json');
    writeFileSync(file, readFileSync(OLD_BASELINE));
    const run = await runCli(['baseline', 'fixtures/demo', '-o', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/4 finding\(s\), 0 added/);
    expect(JSON.parse(readFileSync(file, 'utf8')).findings).toHaveLength(4);
  });
});
