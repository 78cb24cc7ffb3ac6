import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadAgentRegistry } from '../../src/config/agents.js';
import { CONFIG_LIMITS } from '../../src/config/limits.js';
import { parseConfig } from '../../src/config/yaml.js';
import { runCli } from '../cli/run-cli.js';
import { configFile as file, refusal, tempDir as dir } from './config-files.js';

/** A schema that accepts any value: what is left to refuse is the YAML itself. */
const anything = z.unknown();
const parse = (text: string) => refusal(() => parseConfig('c.yaml', text, anything));
const accepts = (text: string) => expect(() => parseConfig('c.yaml', text, anything)).not.toThrow();

describe('aliases', () => {
  it('an alias without an anchor before it is refused at the alias', async () => {
    expect(await parse('agents:\n  - name: *nope\n')).toBe('c.yaml:2:11: alias *nope has no anchor &nope before it');
    expect(await parse('a: *later\nb: &later x\n')).toBe('c.yaml:1:4: alias *later has no anchor &later before it');
  });

  it('an alias bomb (nine aliases of nine aliases, nine levels deep) is refused where its expansion passes the limit', async () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    expect(await parse(`${lines.join('\n')}\n`)).toMatch(/^c\.yaml:6:\d+: aliases expand to more than 100,000 values \(an alias bomb\?\)$/);
  });

  it('an alias inside the node it names (a cycle) is refused', async () => {
    expect(await parse('a: &a [x, *a]\n')).toBe('c.yaml:1:11: alias *a is inside the node it names (&a)');
    expect(await parse('a: &a {b: {c: *a}}\n')).toBe('c.yaml:1:15: alias *a is inside the node it names (&a)');
  });

  it('more than 1,000 aliases are refused; 1,000 aliases of one anchor are fine', async () => {
    const uses = (n: number) => `a: &a x\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    accepts(uses(CONFIG_LIMITS.aliases));
    expect(await parse(uses(CONFIG_LIMITS.aliases + 1))).toMatch(/^c\.yaml:2:\d+: more than 1000 aliases in one file$/);
  });

  it('a list of allow patterns shared by 150 tasks through one anchor loads (the library’s own alias count refused it)', async () => {
    const tasks = Array.from(
      { length: 150 },
      (_, i) =>
        `      - { name: t${i}, start: 2026-11-02T10:00:00Z, end: 2026-11-02T11:00:00Z, allow: ${i === 0 ? '&reads ["GET /api/**", "HEAD /api/**"]' : '*reads'} }`,
    );
    const registry = await loadAgentRegistry(
      file(`agents:\n  - name: a\n    owner: o@example.com\n    userAgents: ["A/*"]\n    tasks:\n${tasks.join('\n')}\n`),
    );
    expect(registry.agents[0]!.tasks).toHaveLength(150);
    expect(registry.agents[0]!.tasks[149]!.allow.map((p) => p.text)).toEqual(['GET /api/**', 'HEAD /api/**']);
  });
});

describe('nesting', () => {
  const depth = CONFIG_LIMITS.depth;
  const styles: Record<string, (n: number) => string> = {
    'flow sequences': (n) => `${'['.repeat(n)}${']'.repeat(n)}`,
    'flow maps': (n) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
    'block maps': (n) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`,
    'compact block sequences': (n) => `${'- '.repeat(n)}x\n`,
    'block sequences on their own lines': (n) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n')} x\n`,
    'explicit keys': (n) => `${'? '.repeat(n)}x\n`,
    'maps of sequences of flow maps': (n) => {
      const block = Math.floor(n / 2);
      const lines = Array.from({ length: block }, (_, i) => `${' '.repeat(2 * i)}${i % 2 === 0 ? 'a:' : '-'}`);
      return `${lines.join('\n')} ${'{b: '.repeat(n - block)}1${'}'.repeat(n - block)}\n`;
    },
  };

  for (const [style, make] of Object.entries(styles)) {
    it(`${style}: ${depth} levels load, ${depth + 1} are refused at the level past the limit`, async () => {
      accepts(make(depth));
      expect(await parse(make(depth + 1))).toMatch(/^c\.yaml:\d+:\d+: nested deeper than 64 levels$/);
    });
  }

  it('a megabyte of [ (a few thousand can abort the process inside the YAML composer) is refused while parsing', async () => {
    expect(await parse('['.repeat(CONFIG_LIMITS.bytes - 1))).toMatch(/^c\.yaml:1:\d+: nested deeper than 64 levels$/);
  });
});

describe('malformed YAML and JSON: one line with file:line:column', () => {
  it('a duplicate key, in YAML and JSON, at the second key', async () => {
    expect(await parse('a: 1\nb: 2\na: 3\n')).toBe('c.yaml:3:1: Map keys must be unique');
    expect(await parse('{"a": 1,\n "a": 2}')).toBe('c.yaml:2:2: Map keys must be unique');
  });

  it('a duplicate key at the end of a map of 90,000 keys (a check that compares every pair would take minutes)', async () => {
    const keys = Array.from({ length: 90_000 }, (_, i) => `k${i}: v`);
    expect(await parse(`${keys.join('\n')}\nk7: again\n`)).toBe('c.yaml:90001:1: Map keys must be unique');
  });

  it('tabs as indentation, an unclosed flow sequence, a second document', async () => {
    expect(await parse('agents:\n\t- name: a\n')).toBe('c.yaml:2:1: Tabs are not allowed as indentation');
    expect(await parse('a: [1, 2\n')).toMatch(/^c\.yaml:\d+:\d+: .*\]/);
    expect(await parse('version: 1\n---\nversion: 1\n')).toBe(
      'c.yaml:2:1: a config file holds one YAML document; this is a second (after ---)',
    );
  });

  it('an empty file, or one of comments only', async () => {
    expect(await refusal(() => loadAgentRegistry(file('')))).toMatch(
      /agents\.yaml:1:1: the file holds no YAML value: it is empty, or only comments$/,
    );
    expect(await refusal(() => loadAgentRegistry(file('# nothing yet\n')))).toMatch(/agents\.yaml:1:1: the file holds no YAML value/);
  });

  it('lists the first 20 problems of a file and counts the rest', async () => {
    const agents = Array.from({ length: 30 }, (_, i) => `  - { name: a${i}, owner: o, clients: [c${i}], colour: red }`);
    const message = await refusal(() => loadAgentRegistry(file(`agents:\n${agents.join('\n')}\n`)));
    const lines = message.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.slice(0, 20).every((l) => /agents\.yaml:\d+:\d+: Unrecognized key: "colour"/.test(l))).toBe(true);
    expect(lines[20]).toMatch(/agents\.yaml: 10 more problem\(s\) not listed$/);
  });

  it('cuts a problem that quotes a huge value back to one readable line', async () => {
    const pattern = `GET /api?${'q'.repeat(100_000)}`;
    const path = file(
      `agents:\n  - name: a\n    owner: o\n    clients: [c]\n    tasks:\n      - { name: t, start: 2026-11-02T10:00:00Z, end: 2026-11-02T11:00:00Z, allow: ["${pattern}"] }\n`,
    );
    const message = await refusal(() => loadAgentRegistry(path));
    expect(message.split('\n')).toHaveLength(1);
    expect(message.length).toBeLessThan(path.length + CONFIG_LIMITS.messageLength + 100);
    expect(message).toMatch(/agents\.yaml:6:\d+: "GET \/api\?q+… \(100,\d{3} characters\) \(agents\.0\.tasks\.0\.allow\.0\)$/);
  });
});

describe('borrowscan scan with a hostile registry', () => {
  it('an alias without anchor, or an alias bomb: exit 2 and one error line, no internal error', async () => {
    const fixture = join(dir(), 'empty-folder');
    mkdirSync(fixture);
    for (const text of [
      'agents:\n  - name: *nope\n',
      `a: &a [${Array(9).fill('x').join(',')}]\n${[...'bcdefgh']
        .map(
          (k, i) =>
            `${k}: &${k} [${Array(9)
              .fill(`*${i === 0 ? 'a' : 'bcdefgh'[i - 1]}`)
              .join(',')}]`,
        )
        .join('\n')}\n`,
    ]) {
      const run = await runCli(['scan', '--agents', file(text), fixture]);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^borrowscan: error: .*agents\.yaml:\d+:\d+: alias/);
    }
  });
});
