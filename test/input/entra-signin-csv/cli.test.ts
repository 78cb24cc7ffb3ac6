import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { fixture } from '../map-helpers.js';

describe('borrowscan scan on the Entra portal CSV', () => {
  it('finds the Azure CLI refresh on the browser session, from another network', async () => {
    const run = await runCli(['scan', fixture('entra-signin-csv/user-signins'), '--format', 'json']);
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; user: string; session: string; severity: string }[] }).findings;
    expect(run.code).toBe(1);
    expect(findings.filter((f) => f.rule === 'agent-on-human-session').map((f) => [f.user, f.session, f.severity])).toEqual([
      ['frank@contoso.example', '3f9a2c71-0000-4000-8000-00000000aa01', 'critical'],
    ]);
  });

  it('finds nothing in service-principal sign-ins: no person signed in', async () => {
    const run = await runCli(['scan', fixture('entra-signin-csv/service-principal-signins'), '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });
});
