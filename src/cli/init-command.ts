import { writeFile } from 'node:fs/promises';
import { AGENTS_SCHEMA_PATH, DEFAULT_AGENTS_FILE } from '../config/files.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';
import { escapeTerminal } from '../report/escape.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';

/** A commented starter registry; it validates as written (a test loads it), so a user edits rather than debugs. */
export const STARTER_AGENTS_YAML = `# yaml-language-server: $schema=./node_modules/borrowscan/${AGENTS_SCHEMA_PATH}
#
# borrowscan agent registry: each agent, how to recognize it, and what each of its tasks lets it do.
#   Check the logs against it:  borrowscan scan --agents agents.yaml exports/
#   See what each agent did:    borrowscan agents --agents agents.yaml exports/
# Replace the examples below with your own.
version: 1

agents:
  # One entry per agent, recognized by any of its identities, clients or userAgents (at least one of them).
  - name: report-agent                          # unique; findings name it
    owner: alice@example.com                    # the accountable person
    identities: [svc-report-agent@example.com]  # principals it signs in as (exact, compared case-insensitively)
    clients: [0oa8f2kq1xYz]                     # its OAuth client ids (Okta client id, Entra appId, token azp)
    userAgents: ["ReportAgent/*"]               # globs on its User-Agent: * any run of characters, ? one character
    maxSessionMinutes: 60                       # longest a session or credential of it should stay in use
    tasks:
      # A task is a time window and what the agent may do in it. Anything else is out of scope; activity
      # outside every window is reported, above all after the last one ended (a credential not revoked).
      - name: weekly-report
        start: 2026-11-02T10:00:00Z             # ISO 8601; no offset means UTC
        end: 2026-11-02T11:00:00Z
        onBehalfOf: alice@example.com           # optional: the person it acts for (a delegated token)
        allow:
          # "METHOD /path": METHOD an HTTP method or *; in the path * is one segment, ** any number of them.
          # Also "eventSource:eventName" (s3.amazonaws.com:Get*), "app:Name" (an identity-provider app) and
          # "mcp:name" (an MCP tool, resource or prompt, as its Mcp-Name header names it: mcp:search_*).
          - "GET /api/reports/**"
          - "POST /api/reports/*/render"

# Emergency accounts: every use is reported, critical when a program uses one, low inside an approved window.
breakGlass:
  accounts: [breakglass-admin@example.com]
  approvals:
    - { account: breakglass-admin@example.com, start: 2026-11-03T02:00:00Z, end: 2026-11-03T04:00:00Z, ticket: INC-4711 }

# Known benign automation: events with these user agents are left out of the scan.
ignore:
  userAgents: ["Okta-Health-Check/*"]
`;

export interface InitFlags {
  output: string;
  force: boolean;
}

/** Writes the starter registry; an existing file is kept unless --force. `-o -` prints it instead. */
export async function runInitCommand(flags: InitFlags, io: CliIO): Promise<number> {
  const output = flags.output || DEFAULT_AGENTS_FILE;
  if (output === '-') {
    io.stdout.write(STARTER_AGENTS_YAML);
    return EXIT.ok;
  }
  try {
    // 'wx' fails when the file exists, with no window between a check and the write.
    await writeFile(output, STARTER_AGENTS_YAML, { flag: flags.force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${output} already exists; keep it, or overwrite it with --force`);
    }
    throw new UsageError(`cannot write ${output}: ${describeFsError(err)}`);
  }
  io.stderr.write(
    `borrowscan: wrote ${escapeTerminal(output)}: declare your agents, then run borrowscan scan --agents ${escapeTerminal(output)} PATHS\n`,
  );
  return EXIT.ok;
}
