import type { AgentEvidence } from '../../model/event.js';
import { bounded, boundedText, MAX_NAME, MAX_PROOF } from './bounded.js';

/** `path = value`, as a person searches the log for it; capped. */
export function proofOf(path: string, value: unknown): string {
  const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return bounded(`${path} = ${bounded(shown, MAX_NAME)}`, MAX_PROOF);
}

/** Several proofs of one verdict, joined. */
export function proofs(...parts: (string | undefined)[]): string {
  return bounded(parts.filter((p): p is string => p !== undefined).join('; '), MAX_PROOF);
}

/** Agent evidence with every value capped, and only the fields the log gave. */
export function agentEvidence(kind: AgentEvidence['kind'], proof: string, agent?: unknown, onBehalfOf?: unknown): AgentEvidence {
  const evidence: AgentEvidence = { kind, proof: bounded(proof, MAX_PROOF) };
  const name = boundedText(agent, MAX_NAME);
  if (name !== undefined) evidence.agent = name;
  const person = boundedText(onBehalfOf, MAX_NAME);
  if (person !== undefined) evidence.onBehalfOf = person;
  return evidence;
}
