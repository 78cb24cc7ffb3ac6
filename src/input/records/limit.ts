/**
 * The one record size limit every reader applies (`--max-record-size`): a text line, a JSON value (one line of
 * NDJSON or an element of an array) or a CSV row larger than this is skipped, with its line and the reason, and
 * reading goes on after it in bounded memory.
 *
 * Size is the record's UTF-8 length as decoded (a byte that is no valid UTF-8 counts as the three bytes of the
 * U+FFFD that replaces it), without its line end: the same number whichever thread reads the record.
 */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** The reason a record over the limit is skipped: the same words whichever reader met it. */
export function oversizeReason(maxBytes: number): string {
  return `record larger than ${formatSize(maxBytes)} (--max-record-size), skipped`;
}

/** Whether text is over the limit, in UTF-8 bytes; the exact count is made only when the length leaves a doubt. */
export function exceedsLimit(text: string, maxBytes: number): boolean {
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes (a surrogate pair, two units, is 4).
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** `16 MB`, `512 KB`, `1.5 MB`: sizes in binary units (1 KB = 1024 bytes), as the flag takes them. */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1 && value % 1024 === 0) {
    value /= 1024;
    unit++;
  }
  if (unit === 0 && bytes >= 1024) {
    // Not a whole number of KB: say it with one decimal in the largest unit that fits.
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return `${Number(value.toFixed(1))} ${UNITS[unit]}`;
  }
  return `${value} ${UNITS[unit]}`;
}
