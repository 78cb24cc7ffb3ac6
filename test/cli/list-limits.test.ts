import { describe, expect, it } from 'vitest';
import { borrowedSessionLog } from './okta-lines.js';
import { runCli } from './run-cli.js';

/** Five people whose sessions python-requests borrowed: five critical agent-on-human-session findings. */
const fiveBorrowed = Array.from({ length: 5 }, (_, i) =>
  borrowedSessionLog('python-requests/2.32.3', `102s${i}`).replace(/bob@/g, `user${i}@`),
).join('\n');

describe('--table-limit and --markdown-limit', () => {
  it('--table-limit N lists N findings per rule and severity and counts the rest', async () => {
    const run = await runCli(['scan', '-', '--table-limit', '2'], { stdin: fiveBorrowed });
    expect(run.stdout.match(/^ {2}agent-on-human-session /gm)).toHaveLength(2);
    expect(run.stdout).toContain('... 3 more agent-on-human-session (critical) not listed');
    expect(run.code).toBe(1);
  });

  it('--markdown-limit N caps the Markdown report alike', async () => {
    const run = await runCli(['scan', '-', '--format', 'markdown', '--markdown-limit', '1'], { stdin: fiveBorrowed });
    expect(run.stdout.match(/^### CRITICAL/gm)).toHaveLength(1);
    expect(run.stdout).toContain('- agent-on-human-session (critical): 4 more');
  });

  it('refuses a limit that is no whole number: one error line, exit 2', async () => {
    const run = await runCli(['scan', '-', '--table-limit', '-1'], { stdin: fiveBorrowed });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^borrowscan: error: option '--table-limit <n>' argument '-1' is invalid\. expected a whole number \(run with --help for usage\)\n$/,
    );
  });
});
