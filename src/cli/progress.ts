/** A one-line progress bar on stderr, redrawn at most every 100 ms. */
export class ProgressBar {
  private last = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(bytesRead: number, totalBytes: number | undefined): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const mb = (bytesRead / 1048576).toFixed(1);
    let line: string;
    if (totalBytes && totalBytes > 0) {
      const ratio = Math.min(1, bytesRead / totalBytes);
      const width = 30;
      const filled = Math.round(ratio * width);
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}%  ${mb} MB`;
    } else {
      line = `reading... ${mb} MB`;
    }
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
