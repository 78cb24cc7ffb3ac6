import type { Finding } from '../model/finding.js';
import { escapeTerminal } from './escape.js';
import { NO_WARNINGS, type Reporter } from './reporter.js';
import { shownFindings } from './shown.js';

const COLUMNS: [string, (f: Finding) => string | number | null][] = [
  ['id', (f) => f.id],
  ['status', (f) => f.status],
  ['severity', (f) => f.severity],
  ['rule', (f) => f.rule],
  ['user', (f) => f.user],
  ['session', (f) => f.session],
  ['client_class', (f) => f.client.class],
  ['user_agent', (f) => f.client.userAgent],
  ['ip', (f) => f.client.ip],
  ['first_seen', (f) => f.firstSeen],
  ['last_seen', (f) => f.lastSeen],
  ['count', (f) => f.count],
  ['reason', (f) => f.reason],
  ['evidence', (f) => f.evidence.map((e) => `${e.file}:${e.line}`).join(' ')],
  ['suppression_reason', (f) => f.suppression?.reason ?? null],
  ['recommendation', (f) => f.recommendation],
];

/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab / CR before one) as a formula:
 * such cells get a leading apostrophe, the usual neutralization (OWASP CSV injection).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = escapeTerminal(String(value));
  if (typeof value === 'string' && (/^[=+\-@\t\r]/.test(value) || /^[=+\-@]/.test(text))) text = `'${text}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvReporter: Reporter = async (result, options, sink) => {
  await sink.write(`${COLUMNS.map(([name]) => name).join(',')}\r\n`);
  for (const f of shownFindings(result, options)) await sink.write(`${COLUMNS.map(([, get]) => csvCell(get(f))).join(',')}\r\n`);
  return NO_WARNINGS;
};
