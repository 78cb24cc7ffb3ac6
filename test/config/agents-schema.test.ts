import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AGENTS_SCHEMA_PATH, agentsJsonSchema, agentsJsonSchemaText } from '../../src/config/agents-schema.js';
import { STARTER_AGENTS_YAML } from '../../src/cli/init-command.js';

const require = createRequire(import.meta.url);
// ajv ships CommonJS whose default export NodeNext types do not see; require() gives the constructor.
const Ajv2020 = require('ajv/dist/2020') as new (
  opts: object,
) => {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};

const root = new URL('../../', import.meta.url);
const committed = readFileSync(new URL(AGENTS_SCHEMA_PATH, root), 'utf8');

function validator() {
  return new Ajv2020({ allErrors: true, strict: true }).compile(agentsJsonSchema());
}

describe('the JSON Schema of the agent registry', () => {
  it('is the committed schemas/agents.schema.json, derived from the zod schema the loader uses', () => {
    expect(committed, 'schemas/agents.schema.json is out of date: run  npm run build && node scripts/write-schemas.mjs').toBe(
      agentsJsonSchemaText(),
    );
  });

  it('is a valid 2020-12 schema with an id, a title and descriptions', () => {
    const schema = agentsJsonSchema();
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'borrowscan agent registry' });
    expect(schema.$id).toBeTypeOf('string');
    expect(committed).toContain('"description": "The accountable person (e-mail)"');
    expect(() => validator()).not.toThrow();
  });

  it('accepts the starter file of borrowscan init and the fixture registry', () => {
    const validate = validator();
    for (const text of [STARTER_AGENTS_YAML, readFileSync(new URL('fixtures/agents/task-scope/agents.yaml', root), 'utf8')]) {
      const ok = validate(parse(text));
      expect(validate.errors ?? [], 'schema errors').toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('flags what an editor should: an unknown key, a missing owner, a malformed allow pattern', () => {
    const validate = validator();
    expect(validate({ agents: [{ name: 'a', owner: 'o', clients: ['c'], colour: 'red' }] })).toBe(false);
    expect(validate({ agents: [{ name: 'a', clients: ['c'] }] })).toBe(false);
    const task = { name: 't', start: '2026-11-02T10:00:00Z', end: '2026-11-02T11:00:00Z' };
    expect(validate({ agents: [{ name: 'a', owner: 'o', clients: ['c'], tasks: [{ ...task, allow: ['GET reports'] }] }] })).toBe(false);
    expect(
      validate({
        agents: [
          {
            name: 'a',
            owner: 'o',
            clients: ['c'],
            tasks: [{ ...task, allow: ['GET /api/**', 's3.amazonaws.com:Get*', 'app:Microsoft Teams'] }],
          },
        ],
      }),
    ).toBe(true);
  });
});
