import { readFile } from 'node:fs/promises';
import type { Finding } from '../model/finding.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';

/** An earlier JSON report: its findings are known. */
export interface Baseline {
  file: string;
  findings: Finding[];
  ids: Set<string>;
}

export async function loadBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read baseline ${file}: ${describeFsError(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`baseline ${file} is not JSON: ${oneLine(err instanceof Error ? err.message : String(err))}`);
  }
  const report = data as { tool?: { name?: unknown }; findings?: unknown };
  if (report?.tool?.name !== 'borrowscan' || !Array.isArray(report.findings)) {
    throw new UsageError(`baseline ${file} is not a borrowscan JSON report (write one with: borrowscan baseline PATHS -o ${file})`);
  }
  const findings = report.findings.filter(
    (f): f is Finding => typeof f === 'object' && f !== null && typeof (f as { id?: unknown }).id === 'string',
  );
  if (findings.length !== report.findings.length) {
    throw new UsageError(`baseline ${file}: every finding needs a string id`);
  }
  return { file, findings, ids: new Set(findings.map((f) => f.id)) };
}

/** JSON.parse quotes the text it stopped at, newlines and all: one line of at most 200 characters. */
function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
