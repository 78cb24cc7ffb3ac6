import { InvalidArgumentError } from './commander.js';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;
const FACTOR: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** Smallest and largest `--max-record-size`: below 1 KB no log line fits; above 256 MB V8 cannot hold the text. */
export const MIN_RECORD_SIZE = 1024;
export const MAX_RECORD_SIZE = 256 * 1024 * 1024;

/** Smallest and largest `--sample-memory`: the pool spills at least every few dozen samples, and at most keeps 32 GB. */
export const MIN_SAMPLE_MEMORY = 1024;
export const MAX_SAMPLE_MEMORY = 32 * 1024 ** 3;

/** A byte count with an optional binary unit (`512KB`, `16MB`, `1GB`; 1 KB = 1024 bytes), from `min` to `max`. */
function parseSize(value: string, min: number, max: number, range: string): number {
  const m = SIZE.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 512KB, 16MB or 64MB');
  const unit = (m[2] ?? 'b').charAt(0).toLowerCase();
  const bytes = Math.floor(Number(m[1]) * FACTOR[unit]!);
  if (!(bytes >= min && bytes <= max)) throw new InvalidArgumentError(`expected a size from ${range}`);
  return bytes;
}

/** `--max-record-size`. */
export function parseRecordSize(value: string): number {
  return parseSize(value, MIN_RECORD_SIZE, MAX_RECORD_SIZE, '1KB to 256MB');
}

/** `--sample-memory`. */
export function parseSampleMemory(value: string): number {
  return parseSize(value, MIN_SAMPLE_MEMORY, MAX_SAMPLE_MEMORY, '1KB to 32GB');
}
