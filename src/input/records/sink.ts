/** Receives what a container reader finds: parsed records, or lines it could not read. */
export interface RecordSink {
  record(value: unknown, line: number): void;
  error(line: number, reason: string): void;
  /**
   * One line of one-value-per-line JSON as bytes (UTF-8, without its line end), offered before it is decoded and
   * parsed: true when the sink took it (mapped it straight from the bytes), false to have it read as usual.
   */
  line?(bytes: Buffer, start: number, end: number, line: number): boolean;
}
