import { z } from 'zod';
import { agentsFileSchema } from './agents.js';

export { AGENTS_SCHEMA_PATH } from './files.js';

/**
 * The JSON Schema of the agent registry, derived from the same zod schema the loader validates with, so the two
 * cannot disagree. It describes what a file may contain (the input side: dates are strings); checks across entries
 * (end after start, unique names, one way to recognize each agent) run only in borrowscan.
 */
export function agentsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(agentsFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: 'urn:borrowscan:schema:agents:1', ...rest };
}

/** The file's text: what `npm run schemas` writes and the test compares with. */
export function agentsJsonSchemaText(): string {
  return `${JSON.stringify(agentsJsonSchema(), null, 2)}\n`;
}
