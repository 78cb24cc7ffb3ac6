import { expect } from 'vitest';
import type { EventKind, NormalizedEvent } from '../../../../src/model/event.js';
import type { InputReport } from '../../../../src/model/report.js';

/** A field of an event, or `line` for the line its record starts on. */
export type Column = keyof NormalizedEvent | 'line';
/** What an event must hold: compared as toMatchObject compares (asymmetric matchers allowed); unnamed fields are free. */
export type EventMatch = Partial<Record<Column, unknown>>;

/** What the events of a file (or of a subset of them) must show. Every part is optional. */
export interface EventsExpectation {
  events?: number;
  kinds?: Partial<Record<EventKind, number>>;
  /** The lines events come from, in reading order. */
  lines?: readonly number[];
  every?: EventMatch;
  /** Events by their position in reading order, from 0. */
  at?: Readonly<Record<number, EventMatch>>;
  /** The first event read from each of these lines. */
  atLine?: Readonly<Record<number, EventMatch>>;
  /** Every event, in order, as rows of these columns (compared with toEqual). */
  table?: { columns: readonly Column[]; rows: readonly (readonly unknown[])[] };
  /** Subsets picked by a match, each held to its own expectation. */
  where?: readonly Subset[];
  /** A relation between events that no field match states. */
  check?: { name: string; run(events: readonly NormalizedEvent[]): void };
}

export interface Subset extends EventsExpectation {
  name: string;
  select: EventMatch;
}

/** What reading one file must give. */
export interface FileExpectation extends EventsExpectation {
  /** The format detection picks, or null when the file is not read. */
  format: string | null;
  /** Why the file is not read. */
  notRead?: RegExp;
  /** Formats that claim the file too and lose to `format` (none unless named). */
  alsoClaimedBy?: readonly string[];
  skipped?: number;
  /** Skip reasons by line, as text or a pattern; or one pattern that every reason matches. */
  skips?: Readonly<Record<number, string | RegExp>> | RegExp;
  /** Records in the file, where the test's own count cannot tell (it counts lines, JSON arrays and wrappers). */
  records?: number;
  /** Text written into the file that no event may carry: secrets, query strings. */
  secrets?: readonly string[];
  /** What a format that loses the file reads of it when it is the only one tried, by format id. */
  readAlone?: Readonly<Record<string, FileExpectation>>;
}

/** What the files under one folder must show together: each file its own part, the events of all of them the rest. */
export interface GroupExpectation extends EventsExpectation {
  group: true;
  files: number;
  each: FileExpectation;
}

export type Expectations = Readonly<Record<string, FileExpectation | GroupExpectation>>;

export const isGroup = (e: FileExpectation | GroupExpectation): e is GroupExpectation => 'group' in e;

const withLine = (e: NormalizedEvent): Record<string, unknown> => ({ ...e, line: e.source.line });

/** Whether a value holds what a match asks, as toMatchObject would judge it; for picking subsets. */
export function holds(actual: unknown, wanted: unknown): boolean {
  if (wanted !== null && typeof wanted === 'object' && typeof (wanted as { asymmetricMatch?: unknown }).asymmetricMatch === 'function') {
    return (wanted as { asymmetricMatch(v: unknown): boolean }).asymmetricMatch(actual);
  }
  if (Array.isArray(wanted)) {
    return Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => holds(actual[i], w));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([k, w]) => holds((actual as Record<string, unknown>)[k], w));
  }
  return Object.is(actual, wanted);
}

/** The fields a match names, read from the row: a field the event lacks reads as undefined, as the model means it. */
const project = (row: Record<string, unknown> | undefined, match: EventMatch): Record<string, unknown> | undefined =>
  row === undefined ? undefined : Object.fromEntries(Object.keys(match).map((k) => [k, row[k]]));

const asMatcher = (v: string | RegExp): unknown => (v instanceof RegExp ? expect.stringMatching(v) : v);

export function checkEvents(events: readonly NormalizedEvent[], wanted: EventsExpectation, label: string): void {
  const rows = events.map(withLine);
  if (wanted.events !== undefined) expect(events.length, `${label}: events`).toBe(wanted.events);
  if (wanted.kinds !== undefined) {
    const kinds: Record<string, number> = {};
    for (const e of events) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    expect(kinds, `${label}: events per kind`).toEqual(wanted.kinds);
  }
  if (wanted.lines !== undefined)
    expect(
      events.map((e) => e.source.line),
      `${label}: lines`,
    ).toEqual(wanted.lines);
  if (wanted.every !== undefined) {
    for (const row of rows)
      expect(project(row, wanted.every), `${label}: every event, line ${row.line as number}`).toMatchObject(wanted.every);
  }
  for (const [index, match] of Object.entries(wanted.at ?? {})) {
    expect(project(rows[Number(index)], match), `${label}: event ${index}`).toMatchObject(match);
  }
  for (const [line, match] of Object.entries(wanted.atLine ?? {})) {
    expect(
      project(
        rows.find((r) => r.line === Number(line)),
        match,
      ),
      `${label}: line ${line}`,
    ).toMatchObject(match);
  }
  if (wanted.table !== undefined) {
    const { columns, rows: expectedRows } = wanted.table;
    expect(
      rows.map((r) => columns.map((c) => r[c])),
      `${label}: ${columns.join(', ')}`,
    ).toEqual(expectedRows);
  }
  for (const subset of wanted.where ?? []) {
    checkEvents(
      events.filter((e) => holds(withLine(e), subset.select)),
      subset,
      `${label}: ${subset.name}`,
    );
  }
  if (wanted.check !== undefined) wanted.check.run(events);
}

export function checkFile(report: InputReport, events: readonly NormalizedEvent[], wanted: FileExpectation, label: string): void {
  expect(report.format, `${label}: format`).toBe(wanted.format);
  if (wanted.notRead !== undefined) expect(report.notRead, `${label}: why not read`).toMatch(wanted.notRead);
  if (wanted.skipped !== undefined) expect(report.skipped, `${label}: skipped`).toBe(wanted.skipped);
  if (wanted.skips instanceof RegExp) {
    for (const e of report.errors) expect(e.reason, `${label}: line ${e.line}`).toMatch(wanted.skips);
  } else if (wanted.skips !== undefined) {
    const expected = Object.fromEntries(Object.entries(wanted.skips).map(([line, reason]) => [line, asMatcher(reason)]));
    expect(Object.fromEntries(report.errors.map((e) => [e.line, e.reason])), `${label}: skips by line`).toEqual(expected);
  }
  if (wanted.secrets !== undefined) {
    const shown = JSON.stringify(events);
    for (const secret of wanted.secrets) expect(shown.includes(secret), `${label}: an event carries ${secret}`).toBe(false);
  }
  checkEvents(events, wanted, label);
}
