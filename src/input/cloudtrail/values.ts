import { getPath, text } from '../fields.js';

/** Published samples replace ids with `<accessKeyId>`-style placeholders: they name nothing, so they are dropped. */
const PLACEHOLDER = /^<[^<>]*>$/;

/** A usable string at a path: trimmed, not empty, not a placeholder. */
export function value(record: unknown, path: string): string | undefined {
  return usable(text(getPath(record, path)));
}

export function usable(v: string | undefined): string | undefined {
  return v === undefined || PLACEHOLDER.test(v) ? undefined : v;
}
