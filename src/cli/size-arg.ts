import { InvalidArgumentError } from 'commander';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;
const FACTOR: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Smallest and largest `--max-record-size`: below 1 KB no log line fits; above 256 MB V8 cannot hold the text. */
export const MIN_RECORD_SIZE = 1024;
export const MAX_RECORD_SIZE = 256 * 1024 * 1024;

/** `--max-record-size`: a byte count with an optional binary unit (`512KB`, `16MB`, `1GB`; 1 KB = 1024 bytes). */
export function parseRecordSize(value: string): number {
  const m = SIZE.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 512KB, 16MB or 64MB');
  const unit = (m[2] ?? 'b').charAt(0).toLowerCase();
  const bytes = Math.floor(Number(m[1]) * FACTOR[unit]!);
  if (!(bytes >= MIN_RECORD_SIZE && bytes <= MAX_RECORD_SIZE)) {
    throw new InvalidArgumentError('expected a size from 1KB to 256MB');
  }
  return bytes;
}
