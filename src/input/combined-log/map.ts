import { jsonKind, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseClfTimeIn, parseTime } from '../../shared/time.js';
import { readIp, readStatus } from '../common/values.js';
import { mayHaveCriPrefix, PARTIAL_LINE, stripCri } from '../common/cri.js';
import { EXPECTED_SHAPE, OTHER_LINES } from './layout.js';
import { readCombinedLine, type CombinedRead } from './read-line.js';
import { quoteRaw, unescapeQuoted } from '../common/quote.js';
import { requestEvent } from '../common/request-event.js';
import { parseRequestLineIn } from '../common/request-line.js';

export const COMBINED_ID = 'combined-log';

/** The groups of a combined or common line, after any CRI prefix; undefined when the line is not one. */
export function matchCombined(line: string): CombinedRead | undefined {
  return readCombinedLine(line);
}

function describeMismatch(line: string): string {
  const known = OTHER_LINES.find((o) => o.pattern.test(line));
  if (known) return known.reason;
  return `not a combined or common log line (${EXPECTED_SHAPE}): ${quoteRaw(line)}`;
}

/** `readStatus` of the status field, which is three digits or `-`: three digits are read without a pattern. */
function statusOf(status: string): number | undefined {
  if (status.length !== 3) return readStatus(status);
  const n = (status.charCodeAt(0) - 48) * 100 + (status.charCodeAt(1) - 48) * 10 + (status.charCodeAt(2) - 48);
  return n >= 100 && n <= 599 ? n : undefined;
}

export function mapCombined(record: unknown, ctx: RecordContext): MapResult {
  if (typeof record !== 'string') return { skip: `record is not a text line (${jsonKind(record)})` };
  let line = record;
  if (mayHaveCriPrefix(record)) {
    const inner = stripCri(record);
    if (inner.partial) return { skip: PARTIAL_LINE };
    line = inner.text;
  }
  const g = matchCombined(line);
  if (!g) return { skip: describeMismatch(line) };
  const time = parseClfTimeIn(line, g.timeStart, g.timeStart + g.time.length) ?? parseTime(g.time);
  if (time === undefined) return { skip: `no readable time (${quoteRaw(`[${g.time}]`)})` };
  const request = parseRequestLineIn(line, g.requestStart, g.requestStart + g.request.length);
  if ('skip' in request) return request;
  return requestEvent(COMBINED_ID, ctx, {
    time,
    method: request.method,
    path: request.path,
    status: statusOf(g.status),
    ip: readIp(g.host),
    user: text(unescapeQuoted(g.user)),
    userAgent: g.agent === undefined ? undefined : text(unescapeQuoted(g.agent)),
  });
}
