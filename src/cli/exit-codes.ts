/** The exit-code contract, as documented in the README. */
export const EXIT = {
  /** Nothing new at or above --fail-on. */
  ok: 0,
  /** New findings at or above --fail-on (or stale suppressions with --fail-on-stale). */
  findings: 1,
  /** Bad usage, unreadable path, invalid option or config. */
  usage: 2,
  /** A report (or standard output) could not be written; a closed pipe on standard output is no failure. */
  writeFailed: 2,
  /** The input could not be trusted: more unreadable records than --max-errors. */
  untrustedInput: 3,
} as const;
