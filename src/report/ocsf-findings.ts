import type { Finding } from '../model/finding.js';
import type { RuleDescriptor, ScanResult } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { safeJson } from './escape.js';
import { NO_WARNINGS, type Reporter } from './reporter.js';
import { shownFindings } from './shown.js';

/**
 * Findings as OCSF Detection Finding events (class 2004, category 2 Findings, activity 1 Create), one JSON object per
 * line, for Security Lake or a SIEM to take as they are. Written against OCSF 1.4.0, the first version whose
 * `evidences` object carries `http_request` (so the user agent has its place). Required there: activity_id,
 * category_uid, class_uid, type_uid, severity_id, time, metadata (product, version) and finding_info (uid, title).
 *
 * `time` is the last event the finding rests on (not the time of the run), so the same logs give the same lines.
 */
export const OCSF_VERSION = '1.4.0';

const SEVERITY_ID: Record<Severity, { id: number; name: string }> = {
  info: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

/** OCSF finding status: New (1), Suppressed (3); a finding known from the baseline is Other (99), named. */
const STATUS: Record<Finding['status'], { id: number; name: string }> = {
  new: { id: 1, name: 'New' },
  known: { id: 99, name: 'Known (in the baseline)' },
  suppressed: { id: 3, name: 'Suppressed' },
};

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/i;

/** OCSF's ip_t takes an address only: a log's "unknown" or "-" is left out. */
function endpoint(ip: string | null | undefined): { src_endpoint?: { ip: string } } {
  return ip && (IPV4.test(ip) || IPV6.test(ip)) ? { src_endpoint: { ip } } : {};
}

/** MITRE ATT&CK techniques a rule's references name. */
function attacks(rule: RuleDescriptor | undefined): { technique: { uid: string; name: string } }[] {
  const out: { technique: { uid: string; name: string } }[] = [];
  for (const ref of rule?.references ?? []) {
    const m = /^MITRE ATT&CK (T\d{4}(?:\.\d{3})?) ([^(]+?)\s*(?:\(|$)/.exec(ref);
    if (m) out.push({ technique: { uid: m[1]!, name: m[2]! } });
  }
  return out;
}

type Details = {
  humanClient?: { userAgent?: unknown; class?: unknown };
  signIn?: { time?: unknown; ip?: unknown; file?: unknown; line?: unknown };
};

/** The evidences: the client the finding is about, and the person's sign-in that began the session when the rule names it. */
function evidences(f: Finding): Record<string, unknown>[] {
  const actor = { ...(f.user !== null ? { user: { name: f.user } } : {}), session: { uid: f.session } };
  const list: Record<string, unknown>[] = [
    {
      name: `client (${f.client.class})`,
      actor,
      http_request: { user_agent: f.client.userAgent },
      ...endpoint(f.client.ip),
      data: { class: f.client.class, evidence: f.evidence.map((e) => ({ file: e.file, line: e.line, time: e.time, summary: e.summary })) },
    },
  ];
  const d = f.details as Details;
  if (d.humanClient && d.signIn && typeof d.humanClient.userAgent === 'string') {
    list.push({
      name: "the person's sign-in",
      actor,
      http_request: { user_agent: d.humanClient.userAgent },
      ...endpoint(typeof d.signIn.ip === 'string' ? d.signIn.ip : null),
      data: { class: d.humanClient.class, file: d.signIn.file, line: d.signIn.line, time: d.signIn.time },
    });
  }
  return list;
}

/** One finding as an OCSF Detection Finding. */
export function toDetectionFinding(f: Finding, result: ScanResult): Record<string, unknown> {
  const rule = result.rules.find((r) => r.id === f.rule);
  const first = Date.parse(f.firstSeen);
  const last = Date.parse(f.lastSeen);
  const techniques = attacks(rule);
  return {
    activity_id: 1,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2004,
    class_name: 'Detection Finding',
    type_uid: 200401,
    type_name: 'Detection Finding: Create',
    severity_id: SEVERITY_ID[f.severity].id,
    severity: SEVERITY_ID[f.severity].name,
    status_id: STATUS[f.status].id,
    status: STATUS[f.status].name,
    is_alert: f.status === 'new',
    time: last,
    start_time: first,
    end_time: last,
    count: f.count,
    message: f.reason,
    metadata: {
      version: OCSF_VERSION,
      product: { name: result.tool.name, vendor_name: result.tool.name, version: result.tool.version },
      uid: f.id,
    },
    finding_info: {
      uid: f.id,
      title: f.title,
      desc: f.reason,
      types: [f.rule],
      first_seen_time: first,
      last_seen_time: last,
      analytic: { uid: f.rule, name: rule?.title ?? f.rule, type_id: 1, type: 'Rule' },
      ...(techniques.length > 0 ? { attacks: techniques } : {}),
    },
    evidences: evidences(f),
    remediation: { desc: f.recommendation },
    unmapped: { correlation: f.correlation, details: f.details, ...(f.suppression ? { suppression: f.suppression } : {}) },
  };
}

/** One OCSF Detection Finding per line, for every finding at or above --min-severity. */
export const ocsfFindingsReporter: Reporter = async (result, options, sink) => {
  for (const f of shownFindings(result, options)) await sink.write(`${safeJson(toDetectionFinding(f, result))}\n`);
  return NO_WARNINGS;
};
