import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { fixture } from '../map-helpers.js';

describe('borrowscan scan on OCSF from Security Lake', () => {
  it('finds boto3 on the console session, as for raw CloudTrail', async () => {
    const run = await runCli(['scan', fixture('ocsf/security-lake-cloudtrail'), '--format', 'json']);
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; user: string; session: string; severity: string }[] }).findings;
    expect(run.code).toBe(1);
    expect(findings.map((f) => [f.rule, f.user, f.session, f.severity])).toEqual([
      ['agent-on-human-session', 'dana', 'ASIAEXAMPLECONSOLE07', 'critical'],
    ]);
  });
});
