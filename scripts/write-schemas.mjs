// Writes schemas/agents.schema.json from the zod schema the code validates with. Run after a build:
//   npm run build && node scripts/write-schemas.mjs
// test/config/agents-schema.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { AGENTS_SCHEMA_PATH, agentsJsonSchemaText } from '../dist/config/agents-schema.js';

const target = new URL(`../${AGENTS_SCHEMA_PATH}`, import.meta.url);
writeFileSync(target, agentsJsonSchemaText());
console.log(`wrote ${AGENTS_SCHEMA_PATH}`);
