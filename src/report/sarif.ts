import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { RuleDescriptor } from '../model/report.js';
import { shownFindings } from './shown.js';
import { StreamedArray, writeJson } from './json-writer.js';
import { NO_WARNINGS, type Reporter } from './reporter.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning orders and labels alerts by this 0-10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

const FINGERPRINT_KEY = 'borrowscanFindingId/v1';

function artifactUri(file: string): string {
  const forward = file.replace(/\\/g, '/');
  if (forward.startsWith('/')) return `file://${encodeURI(forward)}`;
  return encodeURI(forward.replace(/^\.\//, ''));
}

function ruleDescriptor(rule: RuleDescriptor) {
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nReferences:\n${rule.references.map((r) => `- ${r}`).join('\n')}`,
      markdown: `${rule.description}\n\n**References**\n\n${rule.references.map((r) => `- ${r}`).join('\n')}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.severity],
      tags: ['security', 'identity', 'ai-agent'],
    },
  };
}

function result(f: Finding, ruleIndex: number) {
  const first = f.evidence[0];
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.title}: ${f.reason} (user ${f.user ?? 'unknown'}, session ${f.session}).` },
    locations: first
      ? [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(first.file) },
              region: { startLine: Math.max(1, first.line) },
            },
          },
        ]
      : [],
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    baselineState: f.status === 'known' ? 'unchanged' : 'new',
    ...(f.suppression
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.suppression.reason }] }
      : {}),
    properties: {
      findingId: f.id,
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY[f.severity],
      user: f.user,
      session: f.session,
      client: f.client,
      firstSeen: f.firstSeen,
      lastSeen: f.lastSeen,
      count: f.count,
      evidence: f.evidence,
      recommendation: f.recommendation,
    },
  };
}

/** SARIF 2.1.0: one result per finding, fingerprinted by its stable id so reruns update one alert. */
export const sarifReporter: Reporter = async (scan, options, sink) => {
  const index = new Map(scan.rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: scan.tool.name,
            version: scan.tool.version,
            semanticVersion: scan.tool.version,
            informationUri: 'https://www.npmjs.com/package/borrowscan',
            rules: scan.rules.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: new StreamedArray(mapped(shownFindings(scan, options), (f) => result(f, index.get(f.rule) ?? 0))),
      },
    ],
  };
  await writeJson(sink, log);
  await sink.write('\n');
  return NO_WARNINGS;
};

function mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield map(item);
    },
  };
}
