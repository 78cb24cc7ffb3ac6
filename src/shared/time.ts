import { ownEntry } from './lookup.js';

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;
const CLF = /^(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*([+-]\d{4})?$/;
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** A zone's offset in minutes; NaN for one no clock has (RFC 3339: hours 00 to 23, minutes 00 to 59). */
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z' || zone === 'UTC') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a calendar date and clock time exist (month 1 to 12; a second of 60 is a leap second). */
function realTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

function fractionMs(fraction: string | undefined): number {
  if (!fraction) return 0;
  return Number(`0.${fraction}`) * 1000;
}

function valid(ms: number): number | undefined {
  // Years 1970..2200: anything else is a misread field, not a log time.
  return Number.isFinite(ms) && ms >= 0 && ms < 7_258_118_400_000 ? ms : undefined;
}

/** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude. */
export function parseEpoch(n: number): number | undefined {
  // Below 1e8 seconds (1973) a number is a count or an id, not a log time.
  if (!Number.isFinite(n) || n < 1e8) return undefined;
  if (n > 1e17) return valid(n / 1e6);
  if (n > 1e14) return valid(n / 1e3);
  if (n > 1e11) return valid(n);
  return valid(n * 1000);
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The start of a day or minute read last, and its epoch ms: a log's times share their date and most often their
 * minute with the line before, so the fast paths below compare those characters instead of reading them again. `at`
 * is where the time starts in `text` (a CLF time is read in place in its line: see parseClfTimeIn).
 */
interface Prefix {
  text: string;
  at: number;
  ms: number;
}
const lastIsoMinute: Prefix = { text: '', at: 0, ms: 0 };
const lastClf: Prefix = { text: '', at: 0, ms: 0 };

/** Whether `text` from `at` has the characters `prefix` has from its own start, at offsets `from` to `to`. */
function sameChars(text: string, at: number, prefix: Prefix, from: number, to: number): boolean {
  const known = prefix.text;
  const base = prefix.at;
  if (known.length < base + to) return false;
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(at + i) !== known.charCodeAt(base + i)) return false;
  return true;
}

/**
 * The most common form, `2026-11-02T09:15:32.123Z` or `2026-11-02T09:15:32Z`, read without a regex or
 * Date.parse: it runs once per event. Anything else returns undefined and takes the general path.
 */
function parseIsoUtcMillis(text: string): number | undefined {
  const len = text.length;
  if ((len !== 24 && len !== 20) || text.charCodeAt(len - 1) !== 90 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return undefined;
  }
  const s = digits(text, 17, 2);
  const ms = len === 24 ? (text.charCodeAt(19) === 46 ? digits(text, 20, 3) : -1) : 0;
  if (s < 0 || ms < 0 || s > 60) return undefined;
  // `YYYY-MM-DDTHH:MM:` as the last time that had them: a real minute, whose epoch ms is known.
  if (sameChars(text, 0, lastIsoMinute, 0, 17)) return valid(lastIsoMinute.ms + s * 1000 + ms);
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  if (y < 0 || h < 0 || mi < 0 || !realTime(y, mo, d, h, mi, s)) return undefined;
  const minute = daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000;
  lastIsoMinute.text = text;
  lastIsoMinute.ms = minute;
  return valid(minute + s * 1000 + ms);
}

/** Month numbers (1 to 12) by their three letters' codes, folded to lower case, in one number. */
const MONTH_CODES = new Map(
  Object.entries(MONTHS).map(([name, m]) => [(name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2), m + 1]),
);

function monthNumber(a: number, b: number, c: number): number {
  return MONTH_CODES.get(((a | 32) << 16) | ((b | 32) << 8) | (c | 32)) ?? -1;
}

/**
 * Common Log Format as web servers write it, `10/Jun/2023:15:36:28 +0000`, read without a regex: it runs once per
 * line of a text access log. Anything else returns undefined and takes the general path.
 */
function parseClfMillis(text: string): number | undefined {
  return text.length === 26 ? parseClfAt(text, 0) : undefined;
}

/**
 * `parseTime` of the 26 characters of `line` from `from` to `to`, when they are a time of the Common Log Format fast
 * path; undefined otherwise (the caller then reads the cut with `parseTime`). Read in place: the characters of a cut
 * (a view of the line, not a copy) are several times slower to read one by one, and this runs once per line.
 */
export function parseClfTimeIn(line: string, from: number, to: number): number | undefined {
  return to - from === 26 && to <= line.length ? parseClfAt(line, from) : undefined;
}

function parseClfAt(text: string, at: number): number | undefined {
  if (text.charCodeAt(at + 2) !== 47 || text.charCodeAt(at + 6) !== 47 || text.charCodeAt(at + 11) !== 58) return undefined;
  if (text.charCodeAt(at + 14) !== 58 || text.charCodeAt(at + 17) !== 58 || text.charCodeAt(at + 20) !== 32) return undefined;
  const s = digits(text, at + 18, 2);
  if (s < 0 || s > 60) return undefined;
  // `DD/Mon/YYYY:HH:MM:` and the zone as the last time that had them: a real minute and zone, already read.
  if (sameChars(text, at, lastClf, 0, 17) && sameChars(text, at, lastClf, 21, 26)) return valid(lastClf.ms + s * 1000);
  const sign = text.charCodeAt(at + 21);
  if (sign !== 43 && sign !== 45) return undefined;
  const a = text.charCodeAt(at + 3);
  const b = text.charCodeAt(at + 4);
  const c = text.charCodeAt(at + 5);
  if (!isAsciiLetter(a) || !isAsciiLetter(b) || !isAsciiLetter(c)) return undefined;
  const mo = monthNumber(a, b, c);
  const d = digits(text, at, 2);
  const y = digits(text, at + 7, 4);
  const h = digits(text, at + 12, 2);
  const mi = digits(text, at + 15, 2);
  const zh = digits(text, at + 22, 2);
  const zm = digits(text, at + 24, 2);
  if (mo < 0 || d < 0 || y < 0 || h < 0 || mi < 0 || zh < 0 || zm < 0 || !realTime(y, mo, d, h, mi, s)) return undefined;
  if (zh > 23 || zm > 59) return undefined;
  const offset = (sign === 45 ? -1 : 1) * (zh * 60 + zm);
  const minute = daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 - offset * 60_000;
  lastClf.text = text;
  lastClf.at = at;
  lastClf.ms = minute;
  return valid(minute + s * 1000);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): integer math only. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Microseconds and nanoseconds as digit strings: split before converting, so that a value past 2^53
 * keeps its whole milliseconds exact.
 */
function epochDigits(digits: string): number | undefined {
  const sub = digits.length >= 18 ? 6 : digits.length >= 15 ? 3 : 0;
  if (sub === 0) return parseEpoch(Number(digits));
  const ms = Number(digits.slice(0, digits.length - sub));
  return valid(ms + Number(digits.slice(digits.length - sub)) / 10 ** sub);
}

/**
 * Reads the time forms found in identity and access logs, to epoch milliseconds:
 * ISO 8601 with any number of fractional digits and any offset; the SIEM form
 * `2022-03-22 14:21:53.225000000` (no zone: read as UTC); Common Log Format
 * `10/Jun/2023:15:36:28 +0000`; epoch numbers (or numeric strings) in s, ms, us or ns.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') return parseEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length === 0) return undefined;
  return parseIsoUtcMillis(text) ?? parseClfMillis(text) ?? parseTimeByPatterns(text);
}

/** `parseTime` of trimmed text without its fast paths, which must agree with it (a property test holds them equal). */
export function parseTimeByPatterns(text: string): number | undefined {
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const [year, month, day, hour, minute, second] = [y, mo, d, h ?? 0, mi ?? 0, s ?? 0].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!realTime(year, month, day, hour, minute, second)) return undefined;
    const base = Date.UTC(year, month - 1, day, hour, minute, second);
    return valid(base + fractionMs(frac) - offsetMinutes(zone) * 60_000);
  }
  const clf = CLF.exec(text);
  if (clf) {
    const [, d, mon, y, h, mi, s, frac, zone] = clf;
    const month = ownEntry(MONTHS, mon!.toLowerCase());
    if (month === undefined) return undefined;
    if (!realTime(Number(y), month + 1, Number(d), Number(h), Number(mi), Number(s))) return undefined;
    const base = Date.UTC(Number(y), month, Number(d), Number(h), Number(mi), Number(s));
    return valid(base + fractionMs(frac) - offsetMinutes(zone) * 60_000);
  }
  if (/^\d{14,}$/.test(text)) return epochDigits(text);
  if (/^\d+(\.\d+)?$/.test(text)) return parseEpoch(Number(text));
  return undefined;
}
