import type { AgentRegistry } from '../config/registry.js';
import type { FieldMap } from '../input/field-map.js';
import type { LogFormat } from '../input/format.js';
import { expandPaths, type InputFile } from '../input/open.js';
import { sharingFor, type WorkerMode } from '../input/parallel/policy.js';
import { readInput } from '../input/read.js';
import { selectFormats, type FormatChoice, type SelectedFormats } from '../input/select.js';
import type { NormalizedEvent } from '../model/event.js';
import type { InputReport } from '../model/report.js';
import { UsageError } from '../shared/errors.js';
import { holdHeap } from '../shared/heap-hold.js';

/** What to read and how: the input half of a scan's options. */
export interface InputOptions {
  paths: string[];
  /** Force this format id instead of detecting one per file. */
  inputFormat?: string;
  /** `--log-format`: an nginx log_format string for text logs in a custom layout. */
  logFormat?: string;
  /** Cookie names that hold a session in --log-format's `$cookie_<name>` (default: sid, session, ...). */
  sessionCookies?: string[];
  /** `--map field=path` overrides for JSON and CSV records. */
  fieldMap?: FieldMap;
  /** Formats to detect instead of the registry's (tests, the API); they cannot be sent to a worker thread. */
  formats?: readonly LogFormat[];
  stdin?: NodeJS.ReadableStream;
  /** Only events at or after this time (epoch ms). */
  since?: number;
  /** Only events at or before this time (epoch ms). */
  until?: number;
  /**
   * Share parsing with a worker thread while this one builds sessions (`--worker`): files whose records are lines,
   * read from disk uncompressed. The report is the same either way.
   */
  worker?: WorkerMode;
  /** Bytes per block of lines when parsing is shared (tests make it small to cut files into many blocks). */
  blockBytes?: number;
  /** `--max-record-size`: larger records (lines, JSON values, CSV rows) are skipped with the reason; default 16 MB. */
  maxRecordBytes?: number;
  onProgress?(progress: { bytesRead: number; totalBytes: number | undefined; file: string }): void;
}

/** The files to read, resolved before any is opened: their total size sizes the session store. */
export interface OpenedInput {
  files: InputFile[];
  totalBytes: number | undefined;
  choice: FormatChoice;
  selected: SelectedFormats;
}

/** What reading every file produced besides the events themselves. */
export interface ReadTally {
  inputs: InputReport[];
  /** Events passed on (inside the time window, not ignored by the registry). */
  events: number;
  /** Events read but outside --since/--until. */
  outsideTimeWindow: number;
  /** Events whose user agent the registry's `ignore.userAgents` names. */
  ignoredByRegistry: number;
  /** Epoch ms of the earliest and latest event passed on; ±Infinity when none. */
  first: number;
  last: number;
}

/** Resolves paths, globs and directories into files and picks the formats to detect; fails fast on bad input. */
export async function openInputs(options: InputOptions): Promise<OpenedInput> {
  const choice: FormatChoice = {
    inputFormat: options.inputFormat,
    logFormat: options.logFormat,
    sessionCookies: options.sessionCookies,
    fieldMap: options.fieldMap,
  };
  const selected = selectFormats(choice, options.formats);
  const files = await expandPaths(options.paths.length > 0 ? options.paths : ['-']);
  const totalBytes = files.every((f) => f.size !== undefined) ? files.reduce((a, f) => a + (f.size ?? 0), 0) : undefined;
  return { files, totalBytes, choice, selected };
}

/**
 * The read stage: every file in order, each record mapped to a normalized event. Events outside the time window, and
 * known benign automation the registry ignores, stop here; the rest go to `onEvent`.
 */
export async function readInputs(
  opened: OpenedInput,
  options: InputOptions,
  registry: AgentRegistry | undefined,
  onEvent: (event: NormalizedEvent) => void,
): Promise<ReadTally> {
  const tally: ReadTally = { inputs: [], events: 0, outsideTimeWindow: 0, ignoredByRegistry: 0, first: Infinity, last: -Infinity };
  const since = options.since ?? -Infinity;
  const until = options.until ?? Infinity;
  const pass = (event: NormalizedEvent): void => {
    if (event.time < since || event.time > until) {
      tally.outsideTimeWindow++;
      return;
    }
    // Known benign automation is dropped before sessions: it is in no session, finding or inventory.
    if (registry?.isIgnored(event.userAgent)) {
      tally.ignoredByRegistry++;
      return;
    }
    tally.events++;
    if (event.time < tally.first) tally.first = event.time;
    if (event.time > tally.last) tally.last = event.time;
    onEvent(event);
  };

  const { files, totalBytes, selected } = opened;
  const sharing = await sharingFor({
    mode: options.worker ?? 'auto',
    choice: opened.choice,
    files,
    totalBytes,
    customFormats: options.formats !== undefined,
    blockBytes: options.blockBytes,
  });
  let bytesRead = 0;
  const heap = holdHeap();
  try {
    for (const file of files) {
      const report = await readInput(file, {
        formats: selected.formats,
        forced: selected.forced,
        fieldMap: options.fieldMap,
        stdin: options.stdin,
        sharing,
        maxRecordBytes: options.maxRecordBytes,
        onBytes: (n) => {
          heap.check();
          bytesRead += n;
          options.onProgress?.({ bytesRead, totalBytes, file: file.path });
        },
        onEvent: pass,
      });
      if (report.notRead !== undefined && file.explicit) throw unrecognized(file, report.notRead, selected.formats);
      tally.inputs.push(report);
    }
  } finally {
    heap.release();
    await sharing?.close();
  }
  return tally;
}

function unrecognized(file: InputFile, why: string, formats: readonly LogFormat[]): UsageError {
  const name = file.path === '-' ? 'standard input' : file.path;
  return new UsageError(
    `${name} is not a log borrowscan can read (${why}); supported formats: ${formats.map((f) => f.id).join(', ')} ` +
      '(use --input-format to force one)',
  );
}
