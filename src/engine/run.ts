import type { ScanResult } from '../model/report.js';
import { availableParallelism } from 'node:os';
import { createClientClassifier } from '../clients/classify.js';
import type { AgentRegistry } from '../config/registry.js';
import type { FieldMap } from '../input/field-map.js';
import type { LogFormat } from '../input/format.js';
import { UsageError } from '../shared/errors.js';
import { expandPaths, type InputFile } from '../input/open.js';
import { readInput } from '../input/read.js';
import { selectFormats, type FormatChoice } from '../input/select.js';
import { workerAvailable } from '../input/parallel/available.js';
import type { SharingHandle } from '../input/parallel/index.js';
import type { NormalizedEvent } from '../model/event.js';
import type { Finding } from '../model/finding.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { compareFindings, toFinding } from './findings.js';
import { buildInventory } from './inventory.js';
import { joinSessions } from './join.js';
import { SessionStore } from './sessions.js';
import { TOOL } from './version.js';
import type { InputReport } from '../model/report.js';

export interface ScanOptions {
  paths: string[];
  /** Force this format id instead of detecting one per file. */
  inputFormat?: string;
  /** Only events at or after this time (epoch ms). */
  since?: number;
  /** Only events at or before this time (epoch ms). */
  until?: number;
  /** `--log-format`: an nginx log_format string for text logs in a custom layout. */
  logFormat?: string;
  /** Cookie names that hold a session in --log-format's `$cookie_<name>` (default: sid, session, ...). */
  sessionCookies?: string[];
  /** `--map field=path` overrides for JSON and CSV records. */
  fieldMap?: FieldMap;
  rules?: readonly Rule[];
  /** Declared agents (`--agents FILE`): rules check them, and the result carries their inventory. */
  registry?: AgentRegistry;
  formats?: readonly LogFormat[];
  stdin?: NodeJS.ReadableStream;
  /**
   * Share parsing with a worker thread while this one also builds sessions (`--worker`): files whose records are
   * lines, read from disk uncompressed. `auto` (the default) does so for large files on a machine with more than
   * one core, `always` for every such file; the report is the same either way.
   */
  worker?: WorkerMode;
  /** Bytes per block of lines when parsing is shared (tests make it small to cut files into many blocks). */
  blockBytes?: number;
  onProgress?(progress: { bytesRead: number; totalBytes: number | undefined; file: string }): void;
}

export type WorkerMode = 'auto' | 'always' | 'never';
export const WORKER_MODES: readonly WorkerMode[] = ['auto', 'always', 'never'];

/** `auto` shares parsing when the input is at least this large (a thread takes a while to start) ... */
const SHARE_MIN_TOTAL_BYTES = 32 * 1024 * 1024;
/** ... and then for each file of at least this size (a few blocks). */
const SHARE_MIN_FILE_BYTES = 4 * 1024 * 1024;
const BLOCK_BYTES = 1024 * 1024;

/** input → normalized events → sessions → detections → findings, as plain data. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const choice: FormatChoice = {
    inputFormat: options.inputFormat,
    logFormat: options.logFormat,
    sessionCookies: options.sessionCookies,
    fieldMap: options.fieldMap,
  };
  const { formats, forced } = selectFormats(choice, options.formats);
  const files = await expandPaths(options.paths.length > 0 ? options.paths : ['-']);
  const totalBytes = files.every((f) => f.size !== undefined) ? files.reduce((a, f) => a + (f.size ?? 0), 0) : undefined;

  const store = new SessionStore(createClientClassifier(), totalBytes);
  const rules = options.rules ?? RULES;
  const registry = options.registry;
  const context: RuleContext = { sessions: store.sessions, registry };
  const observers = rules.filter((r) => r.observe !== undefined);
  const inputs: InputReport[] = [];
  let bytesRead = 0;
  let events = 0;
  let outside = 0;
  let ignored = 0;
  let first = Infinity;
  let last = -Infinity;
  const since = options.since ?? -Infinity;
  const until = options.until ?? Infinity;

  const onEvent = (event: NormalizedEvent): void => {
    if (event.time < since || event.time > until) {
      outside++;
      return;
    }
    // Known benign automation is dropped before sessions: it is in no session, finding or inventory.
    if (registry?.isIgnored(event.userAgent)) {
      ignored++;
      return;
    }
    events++;
    if (event.time < first) first = event.time;
    if (event.time > last) last = event.time;
    store.add(event);
    for (const rule of observers) rule.observe!(event, store.lastSession!, store.lastClient!, context);
  };

  const sharing = await sharingFor(options, choice, files, totalBytes);
  try {
    for (const file of files) {
      const report = await readInput(file, {
        formats,
        forced,
        fieldMap: options.fieldMap,
        stdin: options.stdin,
        sharing,
        onBytes: (n) => {
          bytesRead += n;
          options.onProgress?.({ bytesRead, totalBytes, file: file.path });
        },
        onEvent,
      });
      if (report.notRead !== undefined && file.explicit) throw unrecognized(file, report.notRead, formats);
      inputs.push(report);
    }
  } finally {
    await sharing?.close();
  }

  joinSessions(store, (ruleId, target, source) => {
    const rule = rules.find((r) => r.id === ruleId);
    return rule?.mergeState ? rule.mergeState(target, source) : target;
  });

  const findings: Finding[] = [];
  for (const session of store.sessions.values()) {
    for (const rule of rules) {
      for (const hit of rule.evaluate(session, context)) findings.push(toFinding(rule, session, hit));
    }
  }
  findings.sort(compareFindings);

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;

  return {
    tool: { ...TOOL },
    inputs,
    summary: {
      files: inputs.length,
      filesNotRead: inputs.filter((i) => i.notRead !== undefined).length,
      events,
      outsideTimeWindow: outside,
      skipped: inputs.reduce((a, i) => a + i.skipped, 0),
      sessions: store.sessions.size,
      findings: findings.length,
      new: findings.length,
      known: 0,
      suppressed: 0,
      bySeverity,
      timeRange: events > 0 ? { start: new Date(first).toISOString(), end: new Date(last).toISOString() } : null,
      ...(registry ? { ignoredByRegistry: ignored } : {}),
    },
    findings,
    staleSuppressions: [],
    ...(registry ? { agents: buildInventory(registry, store.sessions, findings) } : {}),
  };
}

/** How parsing is shared with a worker thread, if it is; `always` says why not when it cannot be. */
async function sharingFor(
  options: ScanOptions,
  choice: FormatChoice,
  files: InputFile[],
  totalBytes: number | undefined,
): Promise<SharingHandle | undefined> {
  const mode = options.worker ?? 'auto';
  if (mode === 'never') return undefined;
  const obstacle =
    options.formats !== undefined ? 'custom formats given through the API cannot be sent to a thread'
    : !workerAvailable() ? 'the worker script is missing (run the built package, not the sources)'
    : undefined;
  if (obstacle) {
    if (mode === 'always') throw new UsageError(`--worker always: cannot share parsing with a worker thread: ${obstacle}`);
    return undefined;
  }
  if (mode === 'auto' && (availableParallelism() < 2 || (totalBytes ?? 0) < SHARE_MIN_TOTAL_BYTES)) return undefined;
  const { createSharing } = await import('../input/parallel/index.js');
  const minBytes = mode === 'always' ? 0 : SHARE_MIN_FILE_BYTES;
  const sharing = createSharing(choice, minBytes, options.blockBytes ?? BLOCK_BYTES);
  // Start the thread now, while this one opens the first files: it takes a while to load its modules.
  if (files.some((f) => f.path !== '-' && (f.size ?? 0) >= minBytes)) sharing.helper();
  return sharing;
}

function unrecognized(file: InputFile, why: string, formats: readonly LogFormat[]): UsageError {
  const name = file.path === '-' ? 'standard input' : file.path;
  return new UsageError(
    `${name} is not a log borrowscan can read (${why}); supported formats: ${formats.map((f) => f.id).join(', ')} ` +
      '(use --input-format to force one)',
  );
}
