import { parseTime } from '../../shared/time.js';

/** `11/2/2026, 9:15:32 AM` or `2/11/2026 21:15:32`: a spreadsheet or locale rewrite of the portal's ISO time. */
const LOCALE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

function clock(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem === undefined) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * The `Date (UTC)` cell as epoch ms. The portal writes ISO 8601; a locale form is read as UTC (the column says so),
 * month first unless the first number cannot be a month.
 */
export function parsePortalDate(value: string): number | undefined {
  const iso = parseTime(value);
  if (iso !== undefined) return iso;
  const m = LOCALE_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, a, b, year, h, min, sec, meridiem] = m;
  const first = Number(a);
  const second = Number(b);
  const [month, day] = first > 12 ? [second, first] : [first, second];
  const hour = clock(Number(h), meridiem);
  if (
    hour === undefined ||
    Number(year) < 1970 ||
    Number(year) >= 2200 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    Number(min) > 59 ||
    Number(sec ?? 0) > 59
  ) {
    return undefined;
  }
  const ms = Date.UTC(Number(year), month - 1, day, hour, Number(min), Number(sec ?? 0));
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}
