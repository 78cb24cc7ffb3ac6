import type { NormalizedEvent } from '../model/event.js';

/** How a file's records are laid out, before any format looks at them. */
export type Container = 'json' | 'csv' | 'text';

/** What detection sees of a file: its first records, parsed by the container reader. */
export interface Probe {
  container: Container;
  /** Up to a few first records: parsed JSON values, CSV rows keyed by header, or text lines. */
  records: unknown[];
  /** CSV header cells, as written. */
  header?: string[];
}

/** Where a record starts. One object is reused for every record of a file: copy what you keep. */
export interface RecordContext {
  file: string;
  line: number;
}

/** A record that is readable but not an event this tool can use; the reason is shown to the user. */
export interface Skip {
  skip: string;
}

export type MapResult = NormalizedEvent | Skip;

export function isSkip(r: MapResult): r is Skip {
  return (r as Skip).skip !== undefined;
}

/** Documentation a format gives about itself, for `--help`, the README and reports. */
export interface FormatDocs {
  /** One line: what the format is and which export layouts are read. */
  summary: string;
  /** How detection recognizes it from content. */
  detectedBy: string;
  /** Field paths used for each part of the event model. */
  fields: { user: string; session: string; client: string; time: string; ip?: string };
}

/**
 * One log format: detects itself from content and maps each record to the event model.
 * Adding a format means a folder under src/input/, one line in registry.ts, and fixtures.
 */
export interface LogFormat {
  id: string;
  title: string;
  container: Container;
  /** 0 when the probe is not this format, up to 1 when certain. */
  detect(probe: Probe): number;
  map(record: unknown, ctx: RecordContext): MapResult;
  docs: FormatDocs;
}
