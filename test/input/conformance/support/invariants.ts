import { expect } from 'vitest';
import type { NormalizedEvent } from '../../../../src/model/event.js';
import { countRecords } from './records.js';
import type { ReadResult } from './read.js';

const KINDS = ['signin', 'signout', 'token', 'request', 'other'];
const OUTCOMES = ['success', 'failure', 'unknown'];
const OPTIONAL_TEXT = [
  'user',
  'sessionId',
  'rootSessionId',
  'tokenId',
  'clientId',
  'grantType',
  'ip',
  'userAgent',
  'app',
  'method',
  'path',
] as const;
/** Reasons that mean the reader or a format failed, not that a record was unusable. */
const FAILURES = /^(could not map record|reading stopped early|file could not be read)/;

/** What every event of every format holds, whatever the record said. */
export function checkEventShape(e: NormalizedEvent, format: string): void {
  const at = `${e.source.file}:${e.source.line}`;
  expect(e.format, at).toBe(format);
  expect(Number.isFinite(e.time), `${at}: time ${e.time}`).toBe(true);
  expect(KINDS, at).toContain(e.kind);
  expect(OUTCOMES, at).toContain(e.outcome);
  expect(typeof e.action === 'string' && e.action.length > 0, `${at}: action ${JSON.stringify(e.action)}`).toBe(true);
  expect(Number.isInteger(e.source.line) && e.source.line >= 1, `${at}: line`).toBe(true);
  for (const field of OPTIONAL_TEXT) {
    const value = e[field];
    if (value !== undefined) expect(typeof value === 'string' && value.length > 0, `${at}: ${field} ${JSON.stringify(value)}`).toBe(true);
  }
  // Paths never keep query strings or fragments: they can hold secrets.
  if (e.path !== undefined) {
    expect(e.path, at).not.toMatch(/[?#]/);
    expect(e.action, at).not.toMatch(/[?#]/);
  }
  if (e.status !== undefined)
    expect(Number.isInteger(e.status) && e.status >= 100 && e.status <= 599, `${at}: status ${e.status}`).toBe(true);
  if (e.interactive !== undefined) expect(typeof e.interactive, at).toBe('boolean');
  checkEvidenceShape(e, at);
}

const AGENT_KINDS = ['own', 'delegated', 'present', 'not-agent'];

/** Agent evidence, client headers and risk signals: what a person checks, each value present and capped. */
function checkEvidenceShape(e: NormalizedEvent, at: string): void {
  const bounded = (value: unknown, max: number, what: string) =>
    expect(typeof value === 'string' && value.length > 0 && value.length <= max, `${at}: ${what} ${JSON.stringify(value)}`).toBe(true);
  if (e.agent !== undefined) {
    expect(AGENT_KINDS, at).toContain(e.agent.kind);
    bounded(e.agent.proof, 240, 'agent.proof');
    if (e.agent.agent !== undefined) bounded(e.agent.agent, 128, 'agent.agent');
    if (e.agent.onBehalfOf !== undefined) bounded(e.agent.onBehalfOf, 128, 'agent.onBehalfOf');
  }
  if (e.headers !== undefined) {
    const { webBotAuth, ...values } = e.headers;
    expect(Object.keys(e.headers).length, `${at}: headers is never empty`).toBeGreaterThan(0);
    if (webBotAuth !== undefined) expect(webBotAuth, at).toBe(true);
    for (const [name, value] of Object.entries(values)) bounded(value, 256, `headers.${name}`);
  }
  for (const r of e.risk ?? []) {
    bounded(r.signal, 128, 'risk.signal');
    if (r.detail !== undefined) bounded(r.detail, 256, 'risk.detail');
  }
}

/** Every record of a read file is an event or a skip with its line and reason; nothing failed or went missing. */
export function checkAccounted(path: string, { report, events, formats }: ReadResult, records?: number): void {
  const format = formats.find((f) => f.id === report.format)!;
  expect(format, `${path}: read as ${report.format}`).toBeDefined();
  const expected = records ?? countRecords(path, format.container, format.unwrap);
  expect(events.length + report.skipped, `${path}: events + skipped = records`).toBe(expected);
  expect(report.events, path).toBe(events.length);
  expect(report.errors.length + report.errorsNotListed, path).toBe(report.skipped);
  for (const error of report.errors) {
    expect(error.reason, `${path}:${error.line}`).not.toMatch(FAILURES);
    expect(error.reason.trim().length > 0 && error.line >= 1, `${path}:${error.line}: ${error.reason}`).toBe(true);
  }
  const lines = events.map((e) => e.source.line);
  expect(lines, `${path}: events in line order`).toEqual([...lines].sort((a, b) => a - b));
  for (const e of events) {
    expect(e.source.file, path).toBe(path);
    checkEventShape(e, format.id);
  }
}
