import { openSink, type ExportTarget, type TextOut } from '../../export/writers.js';
import type { InputReport } from '../../model/report.js';
import { openInputs, readInputs, type InputOptions } from '../read.js';

export interface ExportOptions extends InputOptions {
  to: ExportTarget;
  /** A file, or `-` for standard output (NDJSON only). */
  output: string;
  stdout: TextOut;
}

export interface ExportResult {
  inputs: InputReport[];
  rows: number;
  skipped: number;
}

/**
 * `borrowscan export`: every input read as `scan` reads it (same detection, flags and time window), each event
 * written as one OCSF row as it is read. Nothing is held but the writer's current chunk.
 */
export async function exportEvents(options: ExportOptions): Promise<ExportResult> {
  const opened = await openInputs(options);
  const sink = await openSink(options.to, options.output, options.stdout);
  try {
    const tally = await readInputs(opened, options, undefined, (event) => sink.add(event));
    const { rows } = await sink.close();
    return { inputs: tally.inputs, rows, skipped: tally.inputs.reduce((a, i) => a + i.skipped, 0) };
  } catch (err) {
    await sink.abort();
    throw err;
  }
}
