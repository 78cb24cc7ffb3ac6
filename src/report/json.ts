import type { Reporter } from './reporter.js';
import { safeJson } from './escape.js';
import { shownFindings } from './shown.js';

export const jsonReporter: Reporter = (result, options) =>
  `${safeJson(
    {
      tool: result.tool,
      inputs: result.inputs,
      summary: result.summary,
      findings: shownFindings(result, options),
      staleSuppressions: result.staleSuppressions,
      ...(result.agents ? { agents: result.agents } : {}),
      observedAgents: result.observedAgents,
    },
    2,
  )}\n`;
