import { agentOnHumanSession } from './agent-on-human-session.js';
import { inhumanCadence } from './inhuman-cadence.js';
import type { Rule } from './rule.js';
import { sessionContextChange } from './session-context-change.js';

/** Every detection, in report order. Adding a rule adds its file and one line here. */
export const RULES: readonly Rule[] = [agentOnHumanSession, sessionContextChange, inhumanCadence];
