import type { Baseline } from '../config/baseline.js';
import type { AgentRegistry } from '../config/registry.js';
import type { Suppression } from '../config/suppressions.js';
import type { ScanResult } from '../model/report.js';
import { RULES } from '../rules/index.js';
import { newRuleContext, type Rule } from '../rules/rule.js';
import { createSessionStore, joinStage } from './correlate.js';
import type { StoreLimits } from './sessions.js';
import { detect, observerFor } from './detect.js';
import { buildInventory } from './inventory.js';
import { observeAgents } from './observed-agents.js';
import { openInputs, readInputs, type InputOptions } from './read.js';
import { describeRules } from './rule-catalog.js';
import { summarize } from './summary.js';
import { triage } from './triage.js';
import { timelineSource } from './timelines.js';
import { TOOL } from './version.js';
import { holdHeap } from '../shared/heap-hold.js';

export interface ScanOptions extends InputOptions {
  /** The rules to run (default: every rule). */
  rules?: readonly Rule[];
  /** Declared agents (`--agents FILE`): rules check them, and the result carries their inventory. */
  registry?: AgentRegistry;
  /** An earlier report: findings whose id is in it are `known`. */
  baseline?: Baseline;
  /** Ignore-file entries: matching findings are `suppressed`; entries that matched nothing or expired are reported. */
  suppressions?: readonly Suppression[];
  /** Epoch ms the triage judges expiry against (default: the current time). */
  now?: number;
  /** Ceilings on the state a scan keeps (--max-sessions, --max-clients); past one the scan stops with a clear error. */
  maxSessions?: number;
  maxClients?: number;
  /** Bytes of request samples kept in memory before they spill to a temporary file (--sample-memory). */
  sampleMemoryBytes?: number;
}

function limitsOf(options: ScanOptions): Partial<StoreLimits> {
  const limits: Partial<StoreLimits> = {};
  if (options.maxSessions !== undefined) limits.maxSessions = options.maxSessions;
  if (options.maxClients !== undefined) limits.maxClients = options.maxClients;
  if (options.sampleMemoryBytes !== undefined) limits.sampleMemoryBytes = options.sampleMemoryBytes;
  return limits;
}

/**
 * One scan, stage by stage: read (files into normalized events) → correlate (events into sessions, then joins) →
 * detect (sessions × rules, and per-event rules as events stream) → triage (baseline, suppressions) → inventory.
 * Returns everything every reporter and the exit code need, as plain data.
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  // Held past reading too: the stages after it would otherwise let the heap grow as V8 likes again (shared/heap-hold.ts).
  const heap = holdHeap();
  try {
    return await scanHeld(options);
  } finally {
    heap.release();
  }
}

async function scanHeld(options: ScanOptions): Promise<ScanResult> {
  const rules = options.rules ?? RULES;
  const registry = options.registry;
  const opened = await openInputs(options);

  const store = createSessionStore(opened.totalBytes, limitsOf(options));
  const context = newRuleContext(store.sessions, registry);
  const observe = observerFor(rules, context);
  const tally = await readInputs(opened, options, registry, (event) => {
    store.add(event);
    observe?.(event, store.lastSession!, store.lastClient!);
  });
  const sessions = joinStage(store, rules);

  const clientKeys = new Map<string, string>();
  const findings = detect(sessions, rules, context, clientKeys);
  // Nothing reads request samples after detection. Should a stage throw first, the spill file is already unlinked
  // (or removed at exit where an open file cannot be: engine/sample-spill.ts).
  store.samples.close();
  const triaged = triage(findings, { baseline: options.baseline, suppressions: options.suppressions, now: options.now ?? Date.now() });
  const agents = registry ? buildInventory(registry, context, triaged.findings) : undefined;
  const observedAgents = observeAgents(context, triaged.findings);

  return {
    tool: { ...TOOL },
    rules: describeRules(rules),
    inputs: tally.inputs,
    summary: summarize(tally, sessions.size, triaged.findings, registry !== undefined),
    findings: triaged.findings,
    staleSuppressions: triaged.stale,
    ...(agents ? { agents } : {}),
    observedAgents,
    timelines: timelineSource(sessions, store.activity, registry, clientKeys),
  };
}
