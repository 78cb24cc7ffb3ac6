import { StreamedArray, writeJson } from './json-writer.js';
import { NO_WARNINGS, type Reporter } from './reporter.js';
import { shownFindings } from './shown.js';

export const jsonReporter: Reporter = async (result, options, sink) => {
  await writeJson(sink, {
    tool: result.tool,
    inputs: result.inputs,
    summary: result.summary,
    findings: new StreamedArray(shownFindings(result, options)),
    staleSuppressions: result.staleSuppressions,
    ...(result.agents ? { agents: result.agents } : {}),
    observedAgents: result.observedAgents,
  });
  await sink.write('\n');
  return NO_WARNINGS;
};
