import { jsonKind, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { readIp, readStatus } from '../common/values.js';
import { PARTIAL_LINE, stripCri } from '../common/cri.js';
import { COMBINED_LINE, EXPECTED_SHAPE, OTHER_LINES, type CombinedGroups } from './layout.js';
import { quoteRaw, unescapeQuoted } from '../common/quote.js';
import { requestEvent } from '../common/request-event.js';
import { parseRequestLine } from '../common/request-line.js';

export const COMBINED_ID = 'combined-log';


/** The groups of a combined or common line, after any CRI prefix; undefined when the line is not one. */
export function matchCombined(line: string): CombinedGroups | undefined {
  return COMBINED_LINE.exec(line)?.groups as CombinedGroups | undefined;
}

function describeMismatch(line: string): string {
  const known = OTHER_LINES.find((o) => o.pattern.test(line));
  if (known) return known.reason;
  return `not a combined or common log line (${EXPECTED_SHAPE}): ${quoteRaw(line)}`;
}

export function mapCombined(record: unknown, ctx: RecordContext): MapResult {
  if (typeof record !== 'string') return { skip: `record is not a text line (${jsonKind(record)})` };
  const { text: line, partial } = stripCri(record);
  if (partial) return { skip: PARTIAL_LINE };
  const g = matchCombined(line);
  if (!g) return { skip: describeMismatch(line) };
  const time = parseTime(g.time);
  if (time === undefined) return { skip: `no readable time (${quoteRaw(`[${g.time}]`)})` };
  const request = parseRequestLine(g.request);
  if ('skip' in request) return request;
  return requestEvent(COMBINED_ID, ctx, {
    time,
    method: request.method,
    path: request.path,
    status: readStatus(g.status),
    ip: readIp(g.host),
    user: text(unescapeQuoted(g.user)),
    userAgent: g.agent === undefined ? undefined : text(unescapeQuoted(g.agent)),
  });
}
