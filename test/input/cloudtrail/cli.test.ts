import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { fixture } from '../map-helpers.js';

interface FindingJson {
  rule: string;
  user: string | null;
  session: string;
  severity: string;
}

async function scan(dir: string): Promise<{ code: number; findings: FindingJson[] }> {
  const run = await runCli(['scan', fixture(dir), '--format', 'json']);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: FindingJson[] }).findings };
}

describe('borrowscan scan on CloudTrail', () => {
  it('finds boto3 on a console session it did not start', async () => {
    const { code, findings } = await scan('cloudtrail/console-session-reused');
    expect(code).toBe(1);
    expect(findings.map((f) => [f.rule, f.user, f.session, f.severity])).toEqual([
      ['agent-on-human-session', 'alice', 'ASIAEXAMPLECONSOLE01', 'critical'],
    ]);
  });

  it('finds nothing when boto3 uses the key of a role assumed from a console session', async () => {
    const { code, findings } = await scan('cloudtrail/assume-role-derived');
    expect(code).toBe(0);
    expect(findings).toEqual([]);
  });
});
