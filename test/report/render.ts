import type { ScanResult } from '../../src/model/report.js';
import type { ReportOptions, Reporter } from '../../src/report/reporter.js';
import { StringSink } from '../../src/report/sink.js';

/** Runs a reporter into memory: its text and the warnings it gave. */
export async function render(reporter: Reporter, result: ScanResult, options: ReportOptions = { color: false }): Promise<string> {
  return (await renderWithWarnings(reporter, result, options)).text;
}

export async function renderWithWarnings(
  reporter: Reporter,
  result: ScanResult,
  options: ReportOptions = { color: false },
): Promise<{ text: string; warnings: string[] }> {
  const sink = new StringSink();
  const { warnings } = await reporter(result, options, sink);
  return { text: sink.text(), warnings };
}
