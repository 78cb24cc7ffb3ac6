import { describe, expect, it } from 'vitest';
import { markdownReporter, MARKDOWN_MAX_BYTES } from '../../src/report/markdown.js';
import { tableReporter } from '../../src/report/table.js';
import { finding } from '../helpers/finding.js';
import { render } from './render.js';
import { manyFindings, scanResult } from './scan-result.js';

/** 1000 findings: 2 rules × 2 severities (critical: every third). */
const findings = manyFindings(1000);
const count = (rule: string, severity: string) => findings.filter((f) => f.rule === rule && f.severity === severity).length;
const listedIds = (text: string) => findings.filter((f) => text.includes(f.id)).length;

describe('table limit', () => {
  it('lists the first 20 findings per rule and severity and counts the rest', async () => {
    const text = await render(tableReporter, scanResult(findings));
    expect(listedIds(text)).toBe(80);
    for (const [rule, severity] of [
      ['agent-on-human-session', 'critical'],
      ['inhuman-cadence', 'high'],
    ] as const) {
      expect(text).toContain(`... ${count(rule, severity) - 20} more ${rule} (${severity}) not listed: --table-limit sets how many`);
    }
    // The group headers and the summary still count every finding.
    expect(text).toContain(` CRITICAL (${findings.filter((f) => f.severity === 'critical').length}) `);
    expect(text).toContain('1000 finding(s)');
  });

  it('lists N per rule and severity with tableLimit N, and all with 0', async () => {
    expect(listedIds(await render(tableReporter, scanResult(findings), { color: false, tableLimit: 3 }))).toBe(12);
    const all = await render(tableReporter, scanResult(findings), { color: false, tableLimit: 0 });
    expect(listedIds(all)).toBe(1000);
    expect(all).not.toContain('not listed');
  });

  it('caps listed suppressed and known findings the same way', async () => {
    const known = manyFindings(50).map((f) => ({ ...f, status: 'known' as const }));
    const text = await render(tableReporter, scanResult(known), { color: false, showKnown: true, tableLimit: 2 });
    expect(known.filter((f) => text.includes(f.id))).toHaveLength(8);
    expect(text).toContain('Known findings (in the baseline): 50');
  });
});

describe('Markdown limits', () => {
  it('lists the first 20 new findings per rule and severity and says how many more there are', async () => {
    const text = await render(markdownReporter, scanResult(findings));
    expect(listedIds(text)).toBe(80);
    expect(text).toContain('**Not listed here:** 920 more finding(s); 20 are listed per rule and severity');
    expect(text).toContain(`- agent-on-human-session (critical): ${count('agent-on-human-session', 'critical') - 20} more`);
  });

  it('stays under 1 MiB (a GitHub step summary) with every limit off, and says what it left out', async () => {
    const long = Array.from({ length: 4000 }, (_, i) =>
      finding({ id: `bs-${i.toString(16).padStart(16, '0')}`, reason: 'r'.repeat(400), user: `${'u'.repeat(150)}${i}@example.com` }),
    );
    const text = await render(markdownReporter, scanResult(long), { color: false, markdownLimit: 0 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    const listed = long.filter((f) => text.includes(f.id)).length;
    expect(listed).toBeGreaterThan(100);
    expect(text).toContain(`**Not listed here:** ${4000 - listed} more finding(s): this report stops before 1 MiB`);
  });
});
