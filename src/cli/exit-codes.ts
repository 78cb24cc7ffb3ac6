/** The exit-code contract, as documented in the README. */
export const EXIT = {
  /** No finding at or above --fail-on. */
  ok: 0,
  /** Findings at or above --fail-on. */
  findings: 1,
  /** Bad usage, unreadable path, invalid option or config. */
  usage: 2,
} as const;
