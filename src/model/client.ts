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
export const AUTOMATION_CLASSES: ReadonlySet<ClientClass> = new Set(['ai-agent', 'headless-browser', 'http-library', 'cli']);

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
  /**
   * What outranks the user agent: the identity provider's, the token's or the log's own word on an agent behind the
   * client (see AgentEvidence). `own` and `delegated` mean the agent acts with a credential of its own.
   */
  authority?: { kind: 'own' | 'delegated' | 'present' | 'not-agent'; proof: string; agent?: string; onBehalfOf?: string };
  /** Why a client that claims to be a browser is taken for a program (its own client hints contradict it). */
  contradiction?: string;
  /**
   * What besides its user agent tells this client apart (agent evidence, identifying headers): part of a finding's
   * id, so that a delegated or signed client never shares an id with the plain one of the same user agent.
   */
  evidenceKey?: string;
}

/** A person at the keyboard: a browser or native app whose own client hints do not contradict it. */
export function isHumanClient(identity: ClientIdentity): boolean {
  return HUMAN_CLASSES.has(identity.class) && identity.contradiction === undefined && identity.authority?.kind !== 'present';
}

/** A program driving the session: an automation class, or a "browser" whose own client hints contradict it. */
export function isAutomationClient(identity: ClientIdentity): boolean {
  return AUTOMATION_CLASSES.has(identity.class) || identity.contradiction !== undefined;
}

/** The identity provider or the token says this agent acts with a credential of its own (its identity, or a delegation). */
export function actsOnOwnCredential(identity: ClientIdentity): boolean {
  const kind = identity.authority?.kind;
  return kind === 'own' || kind === 'delegated';
}
