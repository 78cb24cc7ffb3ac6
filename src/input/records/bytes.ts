type SliceableBuffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/**
 * The bytes from `start` to `end` (within the buffer) as text, by Buffer's own decoders: `toString` checks its
 * arguments and looks the encoding up by name on each call, about 100 ns a line that a reader of a million lines pays.
 */
export function utf8Text(b: Buffer, start: number, end: number): string {
  return (b as SliceableBuffer).utf8Slice(start, end);
}

/** The bytes as a one-byte string: for bytes known to be ASCII. */
export function latin1Text(b: Buffer, start: number, end: number): string {
  return (b as SliceableBuffer).latin1Slice(start, end);
}
