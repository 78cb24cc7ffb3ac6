import type { Container, LogFormat, Probe } from './format.js';
import { readCsvHead } from './records/csv.js';
import { JsonRecordSplitter } from './records/json.js';
import { LineSplitter } from './records/lines.js';

const PROBE_RECORDS = 5;
/** Below this score a format's claim is not taken. */
const MIN_SCORE = 0.5;

export type Detection = { format: LogFormat; probe: Probe } | { reason: string };

/** Builds what each kind of container shows of the file's head, then asks every format. */
export function detectFormat(head: string, formats: readonly LogFormat[], transform?: (record: unknown) => unknown): Detection {
  const probes = probesFor(head).map((p) =>
    transform && p.container !== 'text' ? { ...p, records: p.records.map(transform) } : p,
  );
  if (probes.length === 0) return { reason: 'empty file' };
  let best: { format: LogFormat; probe: Probe; score: number } | undefined;
  for (const probe of probes) {
    for (const format of formats) {
      if (format.container !== probe.container) continue;
      let score = 0;
      try {
        score = format.detect(probe);
      } catch {
        score = 0;
      }
      if (score >= MIN_SCORE && (!best || score > best.score)) best = { format, probe, score };
    }
  }
  if (best) return { format: best.format, probe: best.probe };
  return { reason: describeUnknown(probes) };
}

export function probeFor(head: string, container: Container): Probe {
  return probesFor(head).find((p) => p.container === container) ?? { container, records: [] };
}

function probesFor(head: string): Probe[] {
  const trimmed = head.trimStart();
  if (trimmed.length === 0) return [];
  const probes: Probe[] = [];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = jsonProbe(head);
    if (json.records.length > 0) return [json];
    // Text lines can start with `[` too (`[2016-04-15T20:17:00.310Z] "GET / HTTP/1.1" 200 ...`).
    probes.push(json);
  }
  const csv = csvProbe(head);
  if (csv) probes.push(csv);
  probes.push(textProbe(head));
  return probes;
}

function jsonProbe(head: string): Probe {
  const records: unknown[] = [];
  const splitter = new JsonRecordSplitter({
    record: (value) => {
      if (records.length < PROBE_RECORDS) records.push(value);
    },
    error: () => undefined,
  });
  splitter.push(head);
  if (records.length === 0) splitter.end();
  return { container: 'json', records };
}

function completeLines(head: string, max: number): string[] {
  const lines = head.split('\n');
  if (!head.endsWith('\n') && lines.length > 1) lines.pop();
  return lines.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim().length > 0).slice(0, max);
}

function csvProbe(head: string): Probe | undefined {
  // The head's complete lines, read as the CSV reader reads them: a broken record (an unbalanced quote) is left
  // out and the records after it are seen.
  const nl = head.lastIndexOf('\n');
  const { header, records } = readCsvHead(head.endsWith('\n') || nl < 0 ? head : head.slice(0, nl + 1), PROBE_RECORDS);
  if (!header || header.length < 3) return undefined;
  return { container: 'csv', header, records };
}

function textProbe(head: string): Probe {
  const records: unknown[] = [];
  const splitter = new LineSplitter({
    record: (value) => {
      if (records.length < PROBE_RECORDS) records.push(value);
    },
    error: () => undefined,
  });
  splitter.push(completeLines(head, PROBE_RECORDS).join('\n'));
  splitter.end();
  return { container: 'text', records };
}

function describeUnknown(probes: Probe[]): string {
  const json = probes.find((p) => p.container === 'json' && p.records.length > 0);
  if (json) {
    const first = json.records[0];
    if (first && typeof first === 'object' && !Array.isArray(first)) {
      const keys = Object.keys(first).slice(0, 6).join(', ');
      return `JSON, but not a known log format (first record has keys: ${keys})`;
    }
    return 'JSON, but no record could be read from its start';
  }
  const csv = probes.find((p) => p.container === 'csv');
  if (csv?.header) return `CSV, but its header names no known fields (${csv.header.slice(0, 6).join(', ')})`;
  return 'not a log format borrowscan knows (JSON, CSV or text lines; see borrowscan formats)';
}
