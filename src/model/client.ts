export const CLIENT_CLASSES = [
  'browser',
  'native-app',
  'ai-agent',
  'ai-crawler',
  'headless-browser',
  'http-library',
  'cli',
  'unknown',
] as const;

export type ClientClass = (typeof CLIENT_CLASSES)[number];

/** Classes that mean a person is at the keyboard. */
export const HUMAN_CLASSES: ReadonlySet<ClientClass> = new Set(['browser', 'native-app']);

/** Classes that mean a program drives the session. */
export const AUTOMATION_CLASSES: ReadonlySet<ClientClass> = new Set([
  'ai-agent',
  'headless-browser',
  'http-library',
  'cli',
]);

/** Who a client is, as far as its user agent tells. */
export interface ClientIdentity {
  class: ClientClass;
  /** Product family without version: `Chrome`, `python-requests`, `Claude-User`. */
  family: string;
  /** Operating system family, when the user agent names one: `macOS`, `Windows`, `iOS`. */
  os?: string;
  /** The table token that matched, kept as evidence. */
  matchedToken?: string;
  /** Where the table entry comes from. */
  source?: string;
  /**
   * Stable key for "the same client": class, family and OS, never the version,
   * so that a browser update stays the same client.
   */
  key: string;
}
