import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bs-report-'));
}

describe('borrowscan report REPORT.json', () => {
  it('renders a saved JSON report as the same HTML the scan writes, timelines included', async () => {
    const dir = tempDir();
    const json = join(dir, 'scan.json');
    const fromScan = join(dir, 'scan.html');
    const fromReport = join(dir, 'report.html');
    await runCli(['scan', 'fixtures/demo', '-q', '--format', 'table', '-o', '/dev/null', '--json', json, '--html', fromScan]);
    const run = await runCli(['report', json, '--html', fromReport]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(fromReport, 'utf8');
    expect(html).toBe(readFileSync(fromScan, 'utf8'));
    expect(html.match(/<figure class="timeline-figure">/g)).toHaveLength(4);
  });

  it('writes the saved JSON back unchanged, and any other format from it', async () => {
    const dir = tempDir();
    const json = join(dir, 'scan.json');
    await runCli(['scan', 'fixtures/demo', '-q', '--format', 'json', '-o', json]);
    expect((await runCli(['report', json, '--format', 'json'])).stdout).toBe(readFileSync(json, 'utf8'));
    const table = await runCli(['report', json, '--min-severity', 'high']);
    expect(table.stdout).toContain('CRITICAL (1)');
    expect(table.stdout).not.toContain('MEDIUM');
    const sarif = JSON.parse((await runCli(['report', json, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results).toHaveLength(4);
  });

  it('refuses a file that is no borrowscan JSON report with one error line naming what is wrong', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ tool: { name: 'borrowscan', version: '0.1.0' }, inputs: [], findings: [{ id: 1 }] }));
    const run = await runCli(['report', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/is not a borrowscan JSON report \(summary: /);
    const missing = await runCli(['report', join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read report .*missing\.json/);
  });

  it('refuses a timeline whose counts are no numbers, instead of drawing it', async () => {
    const dir = tempDir();
    const json = join(dir, 'scan.json');
    await runCli(['scan', 'fixtures/demo', '-q', '--format', 'json', '-o', json]);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    report.findings[0].timeline.lanes[0].buckets.counts = ['"><script>alert(1)</script>'];
    writeFileSync(json, JSON.stringify(report));
    const run = await runCli(['report', json, '--format', 'html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('findings.0.timeline.lanes.0.buckets.counts.0');
  });
});
