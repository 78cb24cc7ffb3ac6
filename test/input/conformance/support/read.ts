import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listClaims } from '../../../../src/input/detect.js';
import type { LogFormat } from '../../../../src/input/format.js';
import { compileLogFormat } from '../../../../src/input/log-format/index.js';
import { readInput } from '../../../../src/input/read.js';
import { FORMATS } from '../../../../src/input/registry.js';
import type { NormalizedEvent } from '../../../../src/model/event.js';
import type { InputReport } from '../../../../src/model/report.js';
import { fileText } from './records.js';

export interface ReadResult {
  report: InputReport;
  events: NormalizedEvent[];
  /** Every format that claims the file, the winner included. */
  claimedBy: string[];
  formats: readonly LogFormat[];
}

/** The formats `scan` would try on a file: a log-format case's `log_format.conf` is given as `--log-format`. */
export function formatsFor(path: string): readonly LogFormat[] {
  const spec = join(dirname(path), 'log_format.conf');
  return existsSync(spec) ? [compileLogFormat(readFileSync(spec, 'utf8')), ...FORMATS] : FORMATS;
}

/** Reads a file the way `scan` does: the format is detected, never forced. */
export async function readDetected(path: string, formats: readonly LogFormat[] = formatsFor(path)): Promise<ReadResult> {
  const events: NormalizedEvent[] = [];
  const report = await readInput({ path, explicit: true }, { formats, onEvent: (e) => events.push(e) });
  const claimedBy = listClaims(fileText(path).slice(0, 64 * 1024), formats).map((c) => c.format.id);
  return { report, events, claimedBy, formats };
}
