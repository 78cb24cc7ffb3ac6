import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE, writeInjectionFixture } from '../report/injection-fixture.js';
import { runCli } from './run-cli.js';

const CAROL = 'bs-6f3f294f47f27ff1';
const CAROL_SESSION = '102M563ER58EZ8E-FwuGpl3Lt';

/** The activity rows of the output: one per client, the focus marked with `>`. */
function laneRows(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => /^[ >] \S/.test(l) && /\s(browser|http-library|ai-agent|cli|native-app|unknown|headless-browser)\s/.test(l));
}

describe('borrowscan explain', () => {
  it('draws a finding read again from the logs: a row per client, times, counts, rate and evidence lines', async () => {
    const run = await runCli(['explain', CAROL, 'fixtures/demo']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toContain(`Finding ${CAROL}  CRITICAL  agent-on-human-session`);
    expect(out).toContain('Timeline, UTC (2026-11-02): 2 client(s)');
    expect(laneRows(out)).toHaveLength(2);
    expect(laneRows(out)[1]).toMatch(/^> python-requests\s+http-library\s+@/);
    expect(out).toContain('37 event(s) 14:02:11 → 14:03:08 · 39/min over 57 s · peak 2 in 2 s · 203.0.113.0/24 (another network)');
    expect(out).toContain('S sign-in 08:15:06 by Edge on Windows (interactive)');
    expect(out).toContain('fixtures/demo/api-gateway-access.jsonl:672  2026-11-02 14:02:11  GET /api/customers -> 200 from 203.0.113.77');
  });

  it('draws the same from a saved JSON report', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'bs-explain-')), 'scan.json');
    await runCli(['scan', 'fixtures/demo', '-q', '--format', 'json', '-o', json]);
    const fromReport = await runCli(['explain', CAROL, '--report', json]);
    expect(fromReport.code).toBe(0);
    expect(fromReport.stdout).toBe((await runCli(['explain', CAROL, 'fixtures/demo'])).stdout);
  });

  it('explains a session by its id, with the findings on it', async () => {
    const run = await runCli(['explain', CAROL_SESSION, 'fixtures/demo']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Session ${CAROL_SESSION}  user carol@example.com`);
    expect(run.stdout).toContain(`CRITICAL agent-on-human-session ${CAROL}`);
    expect(laneRows(run.stdout)).toHaveLength(2);
  });

  it('is plain text when not on a terminal, and colour with block characters on one', async () => {
    const plain = await runCli(['explain', CAROL, 'fixtures/demo']);
    expect(plain.stdout).not.toContain('\x1b');
    expect(plain.stdout).not.toMatch(/[▁-█]/);
    const tty = await runCli(['explain', CAROL, 'fixtures/demo'], { tty: true, columns: 120 });
    expect(tty.stdout).toContain('\x1b[');
    expect(tty.stdout).toMatch(/[▁-█]/);
  });

  it('says in one error line that no finding or session has the id, exit 2', async () => {
    const run = await runCli(['explain', 'bs-0000000000000000', 'fixtures/demo']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'borrowscan: error: no finding or session with id "bs-0000000000000000" in the scanned logs (4 finding(s), 17 session(s))\n',
    );
  });

  it('prints hostile log values escaped: no escape sequence or bidi override reaches the terminal', async () => {
    const dir = writeInjectionFixture();
    const run = await runCli(['explain', HOSTILE.session, ...readdirSync(dir).map((f) => join(dir, f))], { tty: true });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout).toContain('\\u202ecod.exe');
    expect(laneRows(run.stdout.replace(/\x1b\[[0-9;]*m/g, ''))).toHaveLength(3);
  });
});
