import type { Finding } from '../model/finding.js';
import type { ScanResult } from '../model/report.js';
import { StreamedArray, writeJson } from './json-writer.js';
import { NO_WARNINGS, type ReportOptions, type Reporter } from './reporter.js';
import { shownFindings } from './shown.js';

/** Each finding with the timeline of its session (made as it is written, never gathered), so `report` can draw it. */
function withTimelines(result: ScanResult, options: ReportOptions): Iterable<Finding & { timeline?: unknown }> {
  const shown = shownFindings(result, options);
  const timelines = result.timelines;
  if (!timelines) return shown;
  return {
    *[Symbol.iterator]() {
      for (const f of shown) yield { ...f, timeline: timelines.forFinding(f) ?? undefined };
    },
  };
}

export const jsonReporter: Reporter = async (result, options, sink) => {
  await writeJson(sink, {
    tool: result.tool,
    inputs: result.inputs,
    summary: result.summary,
    findings: new StreamedArray(withTimelines(result, options)),
    staleSuppressions: result.staleSuppressions,
    ...(result.agents ? { agents: result.agents } : {}),
    observedAgents: result.observedAgents,
  });
  await sink.write('\n');
  return NO_WARNINGS;
};
