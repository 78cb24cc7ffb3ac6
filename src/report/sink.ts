/**
 * Where a reporter writes its report, piece by piece, so that no report is ever held whole: memory follows the
 * largest piece (one finding), not the number of findings. A write that returns a promise asks the reporter to wait
 * for it (the reader is slower than the reporter); a write that throws ends the report (the reader is gone).
 */
export interface ReportSink {
  write(chunk: string): void | Promise<void>;
}

/** A sink that keeps everything written, for tests and for reports small enough to hold (the agent inventory). */
export class StringSink implements ReportSink {
  private readonly chunks: string[] = [];

  write(chunk: string): void {
    this.chunks.push(chunk);
  }

  text(): string {
    return this.chunks.join('');
  }
}
