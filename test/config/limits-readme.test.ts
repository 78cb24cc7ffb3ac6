import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, describeBytes } from '../../src/config/limits.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README states the config limits the loader enforces', () => {
  it('file size, nesting, aliases and error lines', () => {
    const table = readme.slice(readme.indexOf('**Limits of a config file**'));
    expect(table).toContain(`| file size | ${describeBytes(CONFIG_LIMITS.bytes)} `);
    expect(table).toContain(`| nesting | ${CONFIG_LIMITS.depth} levels `);
    expect(table).toContain(
      `| aliases | ${CONFIG_LIMITS.aliases.toLocaleString('en')} per file, adding at most ${CONFIG_LIMITS.aliasExpansion.toLocaleString('en')} values`,
    );
    expect(table).toContain(`the first ${CONFIG_LIMITS.listedProblems} problems`);
    expect(table).toContain(`cut at ${CONFIG_LIMITS.messageLength} characters`);
  });

  it('the Limits section has them too', () => {
    const limits = readme.slice(readme.indexOf('## Limits'));
    expect(limits).toContain(`| a config file (\`--agents\`, the ignore file) | ${describeBytes(CONFIG_LIMITS.bytes)} |`);
    expect(limits).toContain(`| nesting in a config file | ${CONFIG_LIMITS.depth} levels |`);
    expect(limits).toContain(
      `| aliases in a config file | ${CONFIG_LIMITS.aliases.toLocaleString('en')}, adding at most ${CONFIG_LIMITS.aliasExpansion.toLocaleString('en')} values`,
    );
    expect(limits).toContain(
      `| problems listed for an invalid config file | the first ${CONFIG_LIMITS.listedProblems}; a message that quotes a long value is cut at ${CONFIG_LIMITS.messageLength} characters |`,
    );
  });
});
