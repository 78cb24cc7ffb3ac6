import { fileURLToPath } from 'node:url';
import type { LogFormat, MapResult } from '../../../src/input/format.js';
import { isSkip } from '../../../src/input/format.js';
import { readInput } from '../../../src/input/read.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import type { InputReport } from '../../../src/model/report.js';

export interface ReadResult {
  report: InputReport;
  events: NormalizedEvent[];
}

/** Reads a file the way `scan` does: the format is detected among `formats`, never forced. */
export async function read(path: string, formats: readonly LogFormat[]): Promise<ReadResult> {
  const events: NormalizedEvent[] = [];
  const report = await readInput({ path, explicit: true }, { formats, onEvent: (e) => events.push(e) });
  return { report, events };
}

export function fixture(relative: string): string {
  return fileURLToPath(new URL(`../../../fixtures/${relative}`, import.meta.url));
}

export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

export function expectEvent(result: MapResult): NormalizedEvent {
  if (isSkip(result)) throw new Error(`expected an event, got skip: ${result.skip}`);
  return result;
}

export function expectSkip(result: MapResult): string {
  if (!isSkip(result)) throw new Error(`expected a skip, got event: ${result.action}`);
  return result.skip;
}

export const CTX = { file: 'test.jsonl', line: 7 };
