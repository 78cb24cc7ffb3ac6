import { agentOnHumanSession } from './agent-on-human-session.js';
import { agentSignedInAsPerson } from './agent-signed-in-as-person.js';
import { breakGlassUse } from './break-glass-use.js';
import { inhumanCadence } from './inhuman-cadence.js';
import { outsideTaskWindow } from './outside-task-window.js';
import { overlongSession } from './overlong-session.js';
import type { Rule } from './rule.js';
import { scopeExceeded } from './scope-exceeded.js';
import { sessionContextChange } from './session-context-change.js';
import { undeclaredAgent } from './undeclared-agent.js';
import { unrecognizedClientOnHumanSession } from './unrecognized-client-on-human-session.js';

/** Every detection, in report order. Adding a rule adds its file and one line here. */
export const RULES: readonly Rule[] = [
  agentOnHumanSession,
  agentSignedInAsPerson,
  unrecognizedClientOnHumanSession,
  sessionContextChange,
  inhumanCadence,
  // Declared agents (--agents FILE): quiet without a registry.
  scopeExceeded,
  outsideTaskWindow,
  overlongSession,
  undeclaredAgent,
  breakGlassUse,
];
