/** Receives what a container reader finds: parsed records, or lines it could not read. */
export interface RecordSink {
  record(value: unknown, line: number): void;
  error(line: number, reason: string): void;
}
