import type { Sharing } from '../../src/input/parallel/shared-read.js';

/**
 * Counts the blocks a sharing sends to its worker (its helper's `parse`, wrapped); `onSend` runs before each with the
 * block's number, from 1 (a test can stop the worker there). Returns the count so far.
 */
export function countSends(sharing: Sharing, onSend?: (sent: number, helper: ReturnType<Sharing['helper']>) => void): () => number {
  let sent = 0;
  const helper = sharing.helper;
  sharing.helper = () => {
    const h = helper();
    const parse = h.parse.bind(h);
    h.parse = (block) => {
      sent++;
      onSend?.(sent, h);
      return parse(block);
    };
    return h;
  };
  return () => sent;
}
