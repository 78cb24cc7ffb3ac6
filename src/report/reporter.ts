import type { ScanResult } from '../engine/run.js';

export interface ReportOptions {
  color: boolean;
}

/** A reporter reads the scan result and returns the text to write; it never reaches into the engine. */
export type Reporter = (result: ScanResult, options: ReportOptions) => string;
