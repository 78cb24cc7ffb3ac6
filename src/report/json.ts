import type { Reporter } from './reporter.js';
import { safeJson } from './escape.js';

export const jsonReporter: Reporter = (result) =>
  `${safeJson(
    {
      tool: result.tool,
      inputs: result.inputs,
      summary: result.summary,
      findings: result.findings,
      staleSuppressions: result.staleSuppressions,
      ...(result.agents ? { agents: result.agents } : {}),
    },
    2,
  )}\n`;
