import type { Duration } from 'date-fns';
// The function's own entry point: the package root loads all of date-fns (about 170 ms at every start).
import { sub } from 'date-fns/sub';
import { UsageError } from '../shared/errors.js';
import { parseTime } from '../shared/time.js';

const RELATIVE = /^(\d+)\s*(s|m|h|d|w)$/i;
const UNITS: Record<string, keyof Duration> = { s: 'seconds', m: 'minutes', h: 'hours', d: 'days', w: 'weeks' };

/** `--since`/`--until`: ISO 8601 (a date, or a date and time; no zone means UTC), or an age such as 30m, 24h, 7d. */
export function parseTimeArg(flag: string, value: string, now: Date): number {
  const rel = RELATIVE.exec(value.trim());
  if (rel) {
    const amount = Number(rel[1]);
    const ms = Number.isSafeInteger(amount) ? sub(now, { [UNITS[rel[2]!.toLowerCase()]!]: amount }).getTime() : Number.NaN;
    // A Date holds 275,000 years either side of 1970: an age past that is no time.
    if (!Number.isFinite(ms))
      throw new UsageError(`${flag} ${JSON.stringify(value)} is too long ago to be a time: give an age such as 30m, 24h, 7d`);
    return ms;
  }
  const t = parseTime(value);
  if (t === undefined || /^\d+$/.test(value.trim())) {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not a time: use ISO 8601 (2026-11-02T09:00:00Z) or an age (30m, 24h, 7d)`);
  }
  return t;
}
