import type { Sharing } from './shared-read.js';
import type { FormatChoice } from '../select.js';
import { ParseHelper } from './helper.js';
import { alwaysSend, IdleProbe, measuredSend } from './share-policy.js';

export interface SharingHandle extends Sharing {
  /** Stops the worker, if one was started. */
  close(): Promise<void>;
}

/**
 * Parsing shared with one worker thread, started when the first file large enough is read. `measured`: blocks go to
 * the worker only while it pays, as measured (`--worker auto`); else whenever it has room (`--worker always`).
 */
export function createSharing(choice: FormatChoice, minBytes: number, blockBytes: number, measured = false): SharingHandle {
  let helper: ParseHelper | undefined;
  const idle = new IdleProbe();
  return {
    minBytes,
    blockBytes,
    policy: measured ? () => measuredSend({ idle }) : alwaysSend,
    helper: () => (helper ??= new ParseHelper(choice)),
    usable: () => !helper?.failed,
    retire: () => void helper?.close(),
    close: async () => {
      await helper?.close();
    },
  };
}
