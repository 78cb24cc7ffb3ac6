import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ESC = '\x1b[2J\x1b]0;pwned\x07';
const SHOWN = '\\x1b[2J\\x1b]0;pwned\\x07';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('command-line arguments in error messages are escaped as log fields are', () => {
  const cases: [string, string[], string][] = [
    ['an unknown option', ['scan', `--bogus${ESC}`], `borrowscan: error: unknown option '--bogus${SHOWN}'`],
    ['an unknown command', [`scan${ESC}`], `borrowscan: error: unknown command 'scan${SHOWN}'`],
    [
      'a choice that is not one',
      ['scan', '--format', ESC],
      `borrowscan: error: option '--format <format>' argument '${SHOWN}' is invalid.`,
    ],
    [
      'a number that is none',
      ['scan', '--max-errors', ESC],
      `borrowscan: error: option '--max-errors <n>' argument '${SHOWN}' is invalid.`,
    ],
    ['a file name', ['scan', `logs${ESC}.json`], `borrowscan: error: no file matches logs${SHOWN}.json`],
    [
      'a bidirectional override in a file name',
      ['scan', 'a\u202egnp.json'],
      'borrowscan: error: cannot read a\\u202egnp.json: no such file or directory',
    ],
  ];
  for (const [what, args, line] of cases) {
    it(`${what}: shown as visible escapes, exit 2`, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(RAW_CONTROL);
      expect(run.stderr.split('\n')[0]).toContain(line);
    });
  }

  it('a missing option argument is one line that ends with the usage hint', async () => {
    const run = await runCli(['scan', '--output']);
    expect(run.stderr).toBe("borrowscan: error: option '-o, --output <file>' argument missing (run with --help for usage)\n");
    expect(run.code).toBe(2);
  });

  const flagMistakes: [string, string[], string][] = [
    [
      'an option with a suggestion',
      ['scan', '--formt', 'json'],
      "borrowscan: error: unknown option '--formt' (Did you mean --format?) (run with --help for usage)",
    ],
    [
      'a command with a suggestion',
      ['scann'],
      "borrowscan: error: unknown command 'scann' (Did you mean scan?) (run with --help for usage)",
    ],
    ['a missing argument', ['explain'], "borrowscan: error: missing required argument 'id' (run with --help for usage)"],
  ];
  for (const [what, args, line] of flagMistakes) {
    it(`a mistyped flag or command (${what}) is one error line, exit 2`, async () => {
      const run = await runCli(args);
      expect(run.stderr).toBe(`${line}\n`);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(2);
    });
  }

  it('a file name holding a newline cannot start a line of its own: every line is an error line', async () => {
    const run = await runCli(['scan', 'a\n::error::forged b\\n c']);
    const lines = run.stderr.split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^borrowscan: error: /);
    // A backslash and an n typed in the name are text, not a line break.
    expect(lines.at(-1)).toBe('borrowscan: error: ::error::forged b\\n c: no such file or directory');
  });
});
