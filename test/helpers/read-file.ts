import { fileURLToPath } from 'node:url';
import type { NormalizedEvent } from '../../src/model/event.js';
import { readInput } from '../../src/input/read.js';
import { FORMATS } from '../../src/input/registry.js';
import type { InputReport } from '../../src/model/report.js';

export interface ReadResult {
  report: InputReport;
  events: NormalizedEvent[];
}

/** Reads a file the way `scan` does: the format is detected, never forced. */
export async function readDetected(path: string): Promise<ReadResult> {
  const events: NormalizedEvent[] = [];
  const report = await readInput({ path, explicit: true }, { formats: FORMATS, onEvent: (e) => events.push(e) });
  return { report, events };
}

export function fixture(relative: string): string {
  return fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));
}

/** 1-based lines on which the elements of a pretty-printed JSON array open (`indent` spaces before `{`). */
export function elementLines(text: string, indent = 2): number[] {
  const opener = `${' '.repeat(indent)}{`;
  return text.split('\n').flatMap((line, i) => (line === opener ? [i + 1] : []));
}
