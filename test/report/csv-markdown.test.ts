import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, csvReporter } from '../../src/report/csv.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { finding } from '../helpers/finding.js';
import type { ScanResult } from '../../src/model/report.js';
import { describeRules } from '../../src/engine/rule-catalog.js';
import { render } from './render.js';

function result(findings = [finding()]): ScanResult {
  return {
    tool: { name: 'borrowscan', version: '0' },
    rules: describeRules(),
    inputs: [],
    summary: {
      files: 1,
      filesNotRead: 0,
      events: 10,
      outsideTimeWindow: 0,
      skipped: 0,
      sessions: 2,
      findings: findings.length,
      new: findings.length,
      known: 0,
      suppressed: 0,
      bySeverity: { info: 0, low: 0, medium: 0, high: 1, critical: 0 },
      timeRange: null,
    },
    findings,
    staleSuppressions: [],
    observedAgents: [],
  };
}

describe('CSV report', () => {
  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(evil).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('python-requests/2.32.3')).toBe('python-requests/2.32.3');
  });

  it('writes one row per finding that a CSV parser reads back, with the user agent intact', async () => {
    const ua = 'Mozilla/5.0 (X11, "quoted"), =cmd|\' /C calc\'!A0';
    const text = await render(csvReporter, result([finding({ client: { userAgent: ua, class: 'browser', ip: null } })]));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.user_agent).toBe(ua);
    expect(rows[0]!.id).toBe('bs-0123456789abcdef');
  });
});

describe('Markdown report', () => {
  it('starts with a summary table and escapes markup from log fields', async () => {
    const text = await render(
      markdownReporter,
      result([
        finding({ user: '<img src=x onerror=alert(1)>', client: { userAgent: '[click](http://evil) | `x`', class: 'cli', ip: null } }),
      ]),
    );
    expect(text.startsWith('## borrowscan\n\n| new | known | suppressed |')).toBe(true);
    // Log values are inline code: shown as typed, never parsed as HTML or links (markdown-links.test.ts renders them).
    expect(text).toContain('· `<img src=x onerror=alert(1)>`');
    expect(text).toContain('`` [click](http://evil) | `x` ``');
  });
});
