import type { Finding } from '../../src/model/finding.js';

/** A complete finding for reporter and triage tests; override what the test is about. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'bs-0123456789abcdef',
    rule: 'agent-on-human-session',
    severity: 'high',
    title: 't',
    reason: 'r',
    user: 'bob@example.com',
    session: '102abc',
    correlation: 'session-id',
    client: { userAgent: 'ReportAgent/1.2 python-httpx/0.27.0', class: 'http-library', ip: '198.51.100.7' },
    firstSeen: '2026-11-02T09:00:00.000Z',
    lastSeen: '2026-11-02T09:10:00.000Z',
    count: 3,
    evidence: [{ file: 'okta.json', line: 3, time: '2026-11-02T09:00:00.000Z', summary: 's' }],
    recommendation: 'x',
    status: 'new',
    details: {},
    ...over,
  };
}
