import { decideClaim, type Claim } from './claim.js';
import type { Container, LogFormat, Probe } from './format.js';
import { readCsvHead } from './records/csv.js';
import { JsonRecordSplitter } from './records/json.js';
import { LineSplitter } from './records/lines.js';

const PROBE_RECORDS = 5;
/** How much of the head a JSON probe reads at a time. */
const PROBE_PIECE_CHARS = 4096;

export type Detection = Claim | { reason: string };

/** Builds what each kind of container shows of the file's head, then lets the claims of every format decide. */
export function detectFormat(head: string, formats: readonly LogFormat[], transform?: (record: unknown) => unknown): Detection {
  const probes = headProbes(head, transform);
  if (probes.length === 0) return { reason: 'empty file' };
  const claims = claimsOn(probes, formats);
  return claims.length > 0 ? decideClaim(claims) : { reason: describeUnknown(probes) };
}

/** Every format that claims the file's head, whichever would win. */
export function listClaims(head: string, formats: readonly LogFormat[]): Claim[] {
  return claimsOn(headProbes(head), formats);
}

function headProbes(head: string, transform?: (record: unknown) => unknown): Probe[] {
  return probesFor(head).map((p) => (transform && p.container !== 'text' ? { ...p, records: p.records.map(transform) } : p));
}

function claimsOn(probes: readonly Probe[], formats: readonly LogFormat[]): Claim[] {
  const claims: Claim[] = [];
  for (const probe of probes) {
    for (const format of formats) {
      if (format.container !== probe.container || claims.some((c) => c.format === format)) continue;
      if (claimsSafely(format, probe)) claims.push({ format, probe });
    }
  }
  return claims;
}

function claimsSafely(format: LogFormat, probe: Probe): boolean {
  try {
    return format.detect(probe) === true;
  } catch {
    return false;
  }
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

/**
 * The head goes to the splitter piece by piece until it has given the probe's records: the splitter reads text cut
 * anywhere as it reads it whole, so these are the first records of the whole head, without parsing the 64 KiB of
 * it that no format looks at (issue 12: most of the demo's format detection). Not tried whole (`wholeUpTo: 0`):
 * that reads the same records, but only once all the text is in.
 */
function jsonProbe(head: string): Probe {
  const records: unknown[] = [];
  const splitter = new JsonRecordSplitter(
    {
      record: (value) => {
        if (records.length < PROBE_RECORDS) records.push(value);
      },
      error: () => undefined,
    },
    { wholeUpTo: 0 },
  );
  for (let from = 0; from < head.length && records.length < PROBE_RECORDS; from += PROBE_PIECE_CHARS) {
    splitter.push(head.slice(from, from + PROBE_PIECE_CHARS));
  }
  if (records.length === 0) splitter.end();
  return { container: 'json', records };
}

function completeLines(head: string, max: number): string[] {
  const lines = head.split('\n');
  if (!head.endsWith('\n') && lines.length > 1) lines.pop();
  return lines
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim().length > 0)
    .slice(0, max);
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
