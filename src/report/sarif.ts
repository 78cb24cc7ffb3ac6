import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { RuleDescriptor } from '../model/report.js';
import { countWhere, shownFindings } from './shown.js';
import { originalUriBaseIds, resultLocation, type LocationBase } from './sarif-location.js';
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

function result(f: Finding, ruleIndex: number, fallbackFile: string, base: LocationBase) {
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.title}: ${f.reason} (user ${f.user ?? 'unknown'}, session ${f.session}).` },
    locations: [resultLocation(f, fallbackFile, base)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    baselineState: f.status === 'known' ? 'unchanged' : 'new',
    ...(f.suppression ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.suppression.reason }] } : {}),
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

/** GitHub code scanning rejects a run of more than 25,000 results. */
export const SARIF_MAX_RESULTS = 25_000;

/**
 * SARIF 2.1.0 as GitHub code scanning takes it: one result per finding (the most severe first, at most 25,000),
 * fingerprinted by its stable id so reruns update one alert, each located at a file relative to `--sarif-root`.
 * What was left out is said in the run's properties, in a notification, and as a warning on stderr.
 */
export const sarifReporter: Reporter = async (scan, options, sink) => {
  const index = new Map(scan.rules.map((r, i) => [r.id, i]));
  const cwd = options.sarif?.cwd ?? process.cwd();
  const base: LocationBase = { cwd, root: options.sarif?.root ?? cwd };
  const max = options.sarif?.maxResults ?? SARIF_MAX_RESULTS;
  const category = options.sarif?.category;
  const fallbackFile = scan.inputs.find((i) => i.notRead === undefined)?.path ?? '-';
  const shown = shownFindings(scan, options);
  const total = countWhere(shown, () => true);
  const leftOut = Math.max(0, total - max);
  const note =
    leftOut > 0
      ? `${leftOut} of ${total} findings are not in this SARIF report: GitHub code scanning takes at most ${max} results per run. ` +
        'These are the most severe first; the JSON report lists every finding.'
      : undefined;
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
        ...(category !== undefined ? { automationDetails: { id: category.endsWith('/') ? category : `${category}/` } } : {}),
        ...(note !== undefined
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: [{ level: 'warning', descriptor: { id: 'results-left-out' }, message: { text: note } }],
                },
              ],
            }
          : {}),
        originalUriBaseIds: originalUriBaseIds(base),
        columnKind: 'utf16CodeUnits',
        results: new StreamedArray(mapped(first(shown, max), (f) => result(f, index.get(f.rule) ?? 0, fallbackFile, base))),
        ...(note !== undefined ? { properties: { findings: total, resultsLimit: max, resultsLeftOut: leftOut } } : {}),
      },
    ],
  };
  await writeJson(sink, log);
  await sink.write('\n');
  return note !== undefined ? { warnings: [note] } : NO_WARNINGS;
};

function first<T>(items: Iterable<T>, n: number): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      if (n <= 0) return;
      let taken = 0;
      for (const item of items) {
        yield item;
        if (++taken >= n) return;
      }
    },
  };
}

function mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield map(item);
    },
  };
}
