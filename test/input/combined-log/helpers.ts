import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LogFormat, MapResult } from '../../../src/input/format.js';
import { isSkip } from '../../../src/input/format.js';
import { readInput } from '../../../src/input/read.js';
import { FORMATS } from '../../../src/input/registry.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import type { InputReport } from '../../../src/model/report.js';

/** Helpers shared by the access-log format tests (combined-log, aws-alb, api-gateway, envoy, traefik, log-format). */

export interface ReadResult {
  report: InputReport;
  events: NormalizedEvent[];
}

/** Reads a file the way `scan` does: the format is detected among `formats`, never forced. */
export async function readDetected(path: string, formats: readonly LogFormat[] = FORMATS): Promise<ReadResult> {
  const events: NormalizedEvent[] = [];
  const report = await readInput({ path, explicit: true }, { formats, onEvent: (e) => events.push(e) });
  return { report, events };
}

export function fixture(relative: string): string {
  return fileURLToPath(new URL(`../../../fixtures/${relative}`, import.meta.url));
}

/** Records of a line-based file (text lines or NDJSON): its non-blank lines. */
export function nonBlankLines(path: string): number {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0).length;
}

/** Skipped lines as `{line: reason}`, for exact comparison. */
export function skipsByLine(report: InputReport): Record<number, string> {
  return Object.fromEntries(report.errors.map((e) => [e.line, e.reason]));
}

export function expectEvent(result: MapResult): NormalizedEvent {
  if (isSkip(result)) throw new Error(`expected an event, got skip: ${result.skip}`);
  return result;
}

export function expectSkip(result: MapResult): string {
  if (!isSkip(result)) throw new Error(`expected a skip, got event: ${result.action}`);
  return result.skip;
}

export const CTX = { file: 'test.log', line: 3 };

/** Secrets and query syntax written into the fixtures' query strings and headers: none may reach an event. */
export const SECRET_MARKERS = ['?', '#', 'access_token', 'api_key', 'X-Amz', 'sig=', 'token=', 'code=', 'FAKE-'];

export function leakedSecrets(events: readonly NormalizedEvent[]): string[] {
  const leaks: string[] = [];
  for (const e of events) {
    const shown = JSON.stringify(e);
    for (const marker of SECRET_MARKERS) {
      if ((e.path ?? '').includes(marker) || e.action.includes(marker) || (marker.startsWith('FAKE') && shown.includes(marker))) {
        leaks.push(`${e.source.line}: ${marker}`);
      }
    }
  }
  return leaks;
}

export const utc = (iso: string): number => Date.parse(iso);
