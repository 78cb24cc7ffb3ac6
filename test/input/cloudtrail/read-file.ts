import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { readInput, type InputReport } from '../../../src/input/read.js';
import { FORMATS } from '../../../src/input/registry.js';

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
  return fileURLToPath(new URL(`../../../fixtures/${relative}`, import.meta.url));
}

/** The shared corpus sits next to the repository: `<repo>/../shared/corpus`. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
export const haveCorpus = existsSync(CORPUS);

/** Every file under a corpus folder, recursively, sorted. */
export function corpusFiles(folder: string): string[] {
  const root = join(CORPUS, folder);
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .map((relative) => join(root, relative))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** Every corpus file outside the given folders. */
export function corpusFilesOutside(...folders: string[]): string[] {
  return corpusFiles('.').filter((path) => !folders.some((f) => path.startsWith(join(CORPUS, f, '/'))));
}

/** Records in a JSON file: the `Records` array of an S3 delivery file, one pretty-printed object, or its non-blank lines. */
export function jsonRecordCount(path: string): number {
  const content = readFileSync(path, 'utf8');
  try {
    const whole: unknown = JSON.parse(content);
    if (Array.isArray(whole)) return whole.length;
    const records = (whole as { Records?: unknown }).Records;
    return Array.isArray(records) ? records.length : 1;
  } catch {
    return content.split('\n').filter((line) => line.trim().length > 0).length;
  }
}
