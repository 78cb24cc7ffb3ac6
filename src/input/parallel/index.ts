import type { Sharing } from './shared-read.js';
import type { FormatChoice } from '../select.js';
import { ParseHelper } from './helper.js';

export interface SharingHandle extends Sharing {
  /** Stops the worker, if one was started. */
  close(): Promise<void>;
}

/** Parsing shared with one worker thread, started when the first file large enough is read. */
export function createSharing(choice: FormatChoice, minBytes: number, blockBytes: number): SharingHandle {
  let helper: ParseHelper | undefined;
  return {
    minBytes,
    blockBytes,
    helper: () => (helper ??= new ParseHelper(choice)),
    usable: () => !helper?.failed,
    close: async () => {
      await helper?.close();
    },
  };
}
