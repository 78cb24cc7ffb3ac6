import { jsonKind, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { readIp, readStatus } from '../common/values.js';
import { PARTIAL_LINE, stripCri } from '../common/cri.js';
import { EXPECTED_SHAPE, OTHER_LINES, PREFIX, PREFIX_NO_VHOST, STATUS_BYTES, type CombinedGroups } from './layout.js';
import { quoteRaw, unescapeQuoted } from '../common/quote.js';
import { endsOrGoesOn, quotedFieldEnd } from '../common/quoted-fields.js';
import { requestEvent } from '../common/request-event.js';
import { parseRequestLine } from '../common/request-line.js';

export const COMBINED_ID = 'combined-log';


function describeMismatch(line: string): string {
  const known = OTHER_LINES.find((o) => o.pattern.test(line));
  if (known) return known.reason;
  return `not a combined or common log line (${EXPECTED_SHAPE}): ${quoteRaw(line)}`;
}

/**
 * The groups of a combined or common line: `%h %l %u [%t] "%r" %>s %b`, then ` "referer" "agent"` or not, then
 * nothing or a space and more fields. A double-quoted field ends at its first `"` not escaped by a backslash (nginx
 * escapes `"` as `\x22`, Apache as `\"`). In time linear in the line, on no stack; it matches what the single regex
 * `^(?:vhost )?host ident user [time] "request" status bytes(?: "referer" "agent")?(?: .*)?$` matched. Undefined
 * when the line (after any CRI prefix) is not one.
 */
export function matchCombined(line: string): CombinedGroups | undefined {
  const head = PREFIX.exec(line);
  if (!head) return undefined;
  // The prefix took a virtual host if it could; when the rest does not follow, the line may still be one without.
  return afterPrefix(line, head) ?? (head[1] !== undefined ? afterPrefix(line, PREFIX_NO_VHOST.exec(line)) : undefined);
}

/** The rest of the line after its prefix (groups: vhost, host, ident, user, time), from the request line on. */
function afterPrefix(line: string, head: RegExpExecArray | null): CombinedGroups | undefined {
  if (!head) return undefined;
  const requestEnd = quotedFieldEnd(line, head[0].length - 1);
  if (requestEnd < 0) return undefined;
  STATUS_BYTES.lastIndex = requestEnd;
  const codes = STATUS_BYTES.exec(line);
  if (!codes) return undefined;
  const after = STATUS_BYTES.lastIndex;
  // What follows the byte count is the end of the line or a space (a longer run of digits would have been taken).
  if (after < line.length && line.charCodeAt(after) !== 32) return undefined;
  const groups: CombinedGroups = { host: head[2]!, user: head[4]!, time: head[5]!, request: line.slice(head[0].length, requestEnd - 1), status: codes[1]! };
  if (line.charCodeAt(after + 1) === 34) {
    const refererEnd = quotedFieldEnd(line, after + 1);
    if (refererEnd > 0 && line.charCodeAt(refererEnd) === 32 && line.charCodeAt(refererEnd + 1) === 34) {
      const agentEnd = quotedFieldEnd(line, refererEnd + 1);
      if (agentEnd > 0 && endsOrGoesOn(line, agentEnd)) {
        groups.agent = line.slice(refererEnd + 2, agentEnd - 1);
        return groups;
      }
    }
  }
  return endsOrGoesOn(line, after) ? groups : undefined;
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
