import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CLIENT_CLASSES } from '../model/client.js';
import type { Finding } from '../model/finding.js';
import type { AgentInventory, ObservedAgent, ScanResult } from '../model/report.js';
import { SEVERITIES } from '../model/severity.js';
import type { SessionTimeline } from '../model/timeline.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';

/**
 * A JSON report written by `scan --json` (or `--format json`), read back to be rendered again (`borrowscan report`,
 * `borrowscan explain --report`). Checked before use: a report file may have been edited or damaged, and every value in
 * it is shown again, escaped, by the reporters; a wrong type would otherwise surface as a crash inside one.
 */

const time = z.string().refine((v) => Number.isFinite(Date.parse(v)), 'not an ISO 8601 time');
const count = z.number().int().nonnegative();
const evidence = z.object({ file: z.string(), line: count, time, summary: z.string() });
const correlation = z.enum(['session-id', 'token-id', 'user-ip-time', 'inferred']);

const lane = z.object({
  label: z.string(),
  userAgent: z.string(),
  class: z.enum(CLIENT_CLASSES),
  role: z.enum(['human', 'automation', 'own-credential', 'other']),
  agent: z.string().nullable(),
  firstSeen: time,
  lastSeen: time,
  count,
  signIn: z.object({ time, interactive: z.boolean(), ip: z.string().nullable(), file: z.string(), line: count }).nullable(),
  networks: z.array(z.object({ network: z.string(), firstSeen: time })).max(16),
  ips: z.array(z.string()).max(64),
  buckets: z.object({ start: time, widthMs: z.number().positive(), counts: z.array(count).min(1).max(64) }),
  evidence: z.array(evidence).max(16),
});

const timeline = z.object({
  session: z.string(),
  user: z.string().nullable(),
  correlation,
  firstSeen: time,
  lastSeen: time,
  signIn: z.object({ time, lane: count.nullable(), interactive: z.boolean() }).nullable(),
  signOut: time.nullable(),
  lanes: z.array(lane).max(64),
  lanesNotShown: count,
  taskWindows: z.array(z.object({ agent: z.string(), task: z.string(), start: time, end: time })).max(64),
  focus: count.nullable(),
});

const finding = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  reason: z.string(),
  user: z.string().nullable(),
  session: z.string(),
  correlation,
  client: z.object({ userAgent: z.string(), class: z.enum(CLIENT_CLASSES), ip: z.string().nullable() }),
  firstSeen: time,
  lastSeen: time,
  count,
  evidence: z.array(evidence),
  recommendation: z.string(),
  status: z.enum(['new', 'known', 'suppressed']),
  suppression: z
    .object({ reason: z.string(), owner: z.string().nullable(), expires: z.string().nullable(), file: z.string(), line: count })
    .optional(),
  corroboratedBy: z.array(evidence.extend({ signal: z.string(), detail: z.string().nullable() })).optional(),
  details: z.record(z.string(), z.unknown()),
  timeline: timeline.optional(),
});

const input = z.object({
  path: z.string(),
  format: z.string().nullable(),
  events: count,
  skipped: count,
  errors: z.array(z.object({ line: count, reason: z.string() })),
  errorsNotListed: count,
  notRead: z.string().optional(),
  warning: z.string().optional(),
  gaps: z.array(z.string()),
});

const bySeverity = z.object({ info: count, low: count, medium: count, high: count, critical: count });

const report = z.object({
  tool: z.object({ name: z.literal('borrowscan'), version: z.string() }),
  inputs: z.array(input),
  summary: z.object({
    files: count,
    filesNotRead: count,
    events: count,
    outsideTimeWindow: count,
    skipped: count,
    sessions: count,
    findings: count,
    new: count,
    known: count,
    suppressed: count,
    bySeverity,
    timeRange: z.object({ start: time, end: time }).nullable(),
    ignoredByRegistry: count.optional(),
  }),
  findings: z.array(finding),
  staleSuppressions: z.array(
    z.object({
      file: z.string(),
      line: count,
      why: z.enum(['expired', 'matched nothing']),
      entry: z.object({ reason: z.string() }).loose(),
    }),
  ),
  agents: z.array(z.record(z.string(), z.unknown())).optional(),
  observedAgents: z.array(z.record(z.string(), z.unknown())),
});

/** A saved report as a scan result (without the rule catalog, which the caller adds), its timelines read from it. */
export type SavedReport = Omit<ScanResult, 'rules'>;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return `${path || '(top level)'}: ${issue.message}`;
}

export async function loadSavedReport(file: string): Promise<SavedReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read report ${file}: ${describeFsError(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`report ${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = report.safeParse(data);
  if (!parsed.success) {
    throw new UsageError(
      `${file} is not a borrowscan JSON report (${firstIssue(parsed.error)}); write one with: borrowscan scan PATHS --json ${file}`,
    );
  }
  const saved = parsed.data;
  const timelines = new WeakMap<Finding, SessionTimeline>();
  const bySession = new Map<string, SessionTimeline>();
  const findings: Finding[] = saved.findings.map(({ timeline: t, ...rest }) => {
    const f = rest as Finding;
    if (t) {
      timelines.set(f, t);
      if (!bySession.has(t.session)) bySession.set(t.session, { ...t, focus: null });
    }
    return f;
  });
  return {
    tool: saved.tool,
    inputs: saved.inputs,
    summary: saved.summary,
    findings,
    staleSuppressions: saved.staleSuppressions as ScanResult['staleSuppressions'],
    ...(saved.agents ? { agents: saved.agents as unknown as AgentInventory[] } : {}),
    observedAgents: saved.observedAgents as unknown as ObservedAgent[],
    timelines: {
      forFinding: (f) => timelines.get(f) ?? null,
      forSession: (id) => bySession.get(id) ?? null,
    },
  };
}
