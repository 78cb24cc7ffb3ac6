import { z } from 'zod';
import { parseTime } from '../shared/time.js';
import { parseAllowPattern, ALLOW_PATTERN_REGEX, type AllowPattern } from './allow-pattern.js';
import { buildRegistry, type AgentRegistry, type BreakGlassApproval, type DeclaredAgent, type DeclaredTask } from './registry.js';
import { loadConfig, type LoadedConfig } from './yaml.js';

/**
 * The agent registry (`--agents FILE`): which agents exist, what identifies each, which tasks it may perform and
 * when, and the break-glass accounts. One zod schema is the single definition: the loader validates with it and
 * `agentsJsonSchema()` (agents-schema.ts) derives the published JSON Schema from it.
 */

export { DEFAULT_AGENTS_FILE } from './files.js';
export * from './registry.js';

const dateString = z
  .string()
  .meta({ description: 'ISO 8601 date or date-time, e.g. 2026-11-02T10:00:00Z; no offset means UTC' })
  .transform((v, ctx) => {
    const ms = parseTime(v);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `unparseable date "${v}": use YYYY-MM-DD or ISO 8601 such as 2026-11-02T10:00:00Z` });
      return z.NEVER;
    }
    return ms;
  });

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a string`) })
    .trim()
    .min(1, `${what} must not be empty`);

/** Login or e-mail of a principal: exact, compared case-insensitively. */
const principal = text('an identity')
  .refine((v) => !/[*?]/.test(v), { message: 'identities are exact login names, not patterns (globs go in userAgents)' })
  .meta({ description: 'Login or e-mail, exactly as the logs spell it (compared case-insensitively)' });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A user-agent glob (`*` any run, `?` one character, case-insensitive). Refused: empty, control characters,
 * brackets and braces (globs of other dialects), and a pattern of wildcards only, which would match every client.
 */
const userAgentGlob = z
  .string({ message: 'a user-agent pattern must be a string' })
  .min(1, 'a user-agent pattern must not be empty')
  .superRefine((v, ctx) => {
    if (v.trim() === '') ctx.addIssue({ code: 'custom', message: 'a user-agent pattern must not be blank' });
    else if (CONTROL.test(v)) ctx.addIssue({ code: 'custom', message: 'a user-agent pattern must not contain control characters' });
    else if (/[[\]{}]/.test(v))
      ctx.addIssue({ code: 'custom', message: `bad glob "${v}": only * and ? are wildcards; [ ] and { } are not supported` });
    else if (/^[*?]+$/.test(v)) ctx.addIssue({ code: 'custom', message: `bad glob "${v}": it matches every user agent` });
  })
  .meta({ description: 'Glob on the User-Agent header: * any run of characters, ? one character, case-insensitive' });

const allowPattern = z
  .string({ message: 'an allow pattern must be a string' })
  .superRefine((v, ctx) => {
    const parsed = parseAllowPattern(v);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  })
  .meta({
    // For editors: a looser check than the loader's, which names what is wrong.
    pattern: ALLOW_PATTERN_REGEX.source,
    description:
      '"METHOD /path-glob" (METHOD an HTTP method or *; ** spans segments, * stays within one), ' +
      'an operation "eventSource:eventName" (s3.amazonaws.com:Get*), an identity-provider app "app:Name", or an MCP ' +
      'tool, resource or prompt "mcp:name" as its Mcp-Name header names it (mcp:search_*)',
    examples: ['GET /api/reports/**', 'POST /api/reports/*/render', 's3.amazonaws.com:Get*', 'app:Salesforce', 'mcp:search_*'],
  });

function endAfterStart(value: { start: number; end: number }, ctx: z.RefinementCtx): void {
  if (value.end <= value.start) ctx.addIssue({ code: 'custom', message: 'end must be after start', path: ['end'] });
}

export const taskSchema = z
  .strictObject({
    name: text('a task name').meta({ description: 'Name of the task, unique within the agent' }),
    start: dateString.meta({ description: 'When the task (and its access) begins' }),
    end: dateString.meta({ description: 'When the task ends: any use after it is a credential that should have been revoked' }),
    onBehalfOf: principal.optional().meta({ description: 'The person the agent acts for in this task (constrained delegation)' }),
    allow: z
      .array(allowPattern)
      .min(1, 'a task allows at least one pattern')
      .meta({ description: 'What the agent may do during the task; anything else is out of scope' }),
  })
  .superRefine(endAfterStart)
  .meta({ description: 'A task the agent may perform: a time window and what it allows' });

export const agentSchema = z
  .strictObject({
    name: text('an agent name').meta({ description: 'Unique name of the agent, used in findings' }),
    owner: text('an owner').meta({ description: 'The accountable person (e-mail)' }),
    identities: z.array(principal).optional().meta({ description: 'Principals the agent signs in as' }),
    clients: z
      .array(text('a client id'))
      .optional()
      .meta({ description: 'OAuth client ids of the agent (Okta client id, Entra appId, token azp)' }),
    userAgents: z.array(userAgentGlob).optional().meta({ description: 'Globs on the user agents the agent sends' }),
    maxSessionMinutes: z
      .number({ message: 'maxSessionMinutes must be a number of minutes' })
      .int('maxSessionMinutes must be a whole number of minutes')
      .positive('maxSessionMinutes must be positive')
      .max(525_600, 'maxSessionMinutes is at most a year (525600)')
      .optional()
      .meta({ description: 'Longest a session or credential of the agent should stay in use after it began' }),
    tasks: z
      .array(taskSchema)
      .optional()
      .meta({ description: 'Tasks with windows and allowed operations; without tasks, scope and windows are not judged' }),
  })
  .superRefine((agent, ctx) => {
    const clues = (agent.identities?.length ?? 0) + (agent.clients?.length ?? 0) + (agent.userAgents?.length ?? 0);
    if (clues === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `agent "${agent.name}" has nothing to recognize it by: give identities, clients or userAgents`,
      });
    }
    const seen = new Set<string>();
    agent.tasks?.forEach((task, i) => {
      const key = task.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate task name "${task.name}"`, path: ['tasks', i, 'name'] });
      seen.add(key);
    });
  })
  .meta({ description: 'An agent and everything that recognizes it: identities, OAuth clients, user agents' });

export const approvalSchema = z
  .strictObject({
    account: principal.meta({ description: 'The break-glass account' }),
    start: dateString.meta({ description: 'Start of the approved use' }),
    end: dateString.meta({ description: 'End of the approved use' }),
    ticket: text('a ticket').optional().meta({ description: 'Ticket or incident that approved it' }),
    reason: text('a reason').optional().meta({ description: 'Why the use was approved' }),
  })
  .superRefine(endAfterStart)
  .meta({ description: 'An approved window of break-glass use' });

export const agentsFileSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema of this file, for editors' }),
    version: z.literal(1, { message: 'version must be 1' }).optional().meta({ description: 'File format version' }),
    agents: z.array(agentSchema).optional().meta({ description: 'Declared agents' }),
    breakGlass: z
      .strictObject({
        accounts: z
          .array(principal)
          .min(1, 'list at least one break-glass account')
          .meta({ description: 'Emergency accounts: any use is reported' }),
        approvals: z.array(approvalSchema).optional().meta({ description: 'Approved use windows' }),
      })
      .optional()
      .meta({ description: 'Break-glass (emergency access) accounts' }),
    ignore: z
      .strictObject({
        userAgents: z
          .array(userAgentGlob)
          .optional()
          .meta({ description: 'Known benign automation: events with these user agents are left out of the scan' }),
      })
      .optional()
      .meta({ description: 'Activity to leave out' }),
  })
  .superRefine((file, ctx) => {
    const names = new Map<string, number>();
    const identities = new Map<string, string>();
    const clients = new Map<string, string>();
    file.agents?.forEach((agent, i) => {
      const key = agent.name.toLowerCase();
      if (names.has(key)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate agent name "${agent.name}" (also agent ${names.get(key)! + 1})`,
          path: ['agents', i, 'name'],
        });
      } else {
        names.set(key, i);
      }
      agent.identities?.forEach((id, j) => {
        const other = identities.get(id.toLowerCase());
        if (other !== undefined && other !== agent.name) {
          ctx.addIssue({
            code: 'custom',
            message: `identity "${id}" is already declared by agent "${other}"`,
            path: ['agents', i, 'identities', j],
          });
        }
        identities.set(id.toLowerCase(), agent.name);
      });
      agent.clients?.forEach((id, j) => {
        const other = clients.get(id);
        if (other !== undefined && other !== agent.name) {
          ctx.addIssue({
            code: 'custom',
            message: `client "${id}" is already declared by agent "${other}"`,
            path: ['agents', i, 'clients', j],
          });
        }
        clients.set(id, agent.name);
      });
    });
    const accounts = new Set((file.breakGlass?.accounts ?? []).map((a) => a.toLowerCase()));
    file.breakGlass?.approvals?.forEach((approval, i) => {
      if (!accounts.has(approval.account.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          message: `approval for "${approval.account}", which is not listed in breakGlass.accounts`,
          path: ['breakGlass', 'approvals', i, 'account'],
        });
      }
    });
  })
  .meta({
    title: 'borrowscan agent registry',
    description:
      'Declared agents with their identities, task windows and allowed operations, break-glass accounts and known ' +
      'benign automation, for borrowscan scan --agents FILE.',
  });

export type AgentsFile = z.output<typeof agentsFileSchema>;

export async function loadAgentRegistry(file: string): Promise<AgentRegistry> {
  return compileRegistry(file, await loadConfig(file, agentsFileSchema, 'agent registry'));
}

export function compileRegistry(file: string, loaded: LoadedConfig<AgentsFile>): AgentRegistry {
  const { data } = loaded;
  const agents: DeclaredAgent[] = (data.agents ?? []).map((a, i) => ({
    name: a.name,
    owner: a.owner,
    identities: a.identities ?? [],
    clients: a.clients ?? [],
    userAgents: a.userAgents ?? [],
    maxSessionMinutes: a.maxSessionMinutes,
    tasks: (a.tasks ?? []).map((t) => {
      const allow = t.allow.map((p) => parseAllowPattern(p) as AllowPattern);
      return {
        name: t.name,
        start: t.start,
        end: t.end,
        onBehalfOf: t.onBehalfOf,
        allow,
        http: httpAccess(allow),
      };
    }),
    file,
    line: loaded.lineOf(['agents', i]),
  }));
  const approvals: BreakGlassApproval[] = (data.breakGlass?.approvals ?? []).map((a, i) => ({
    ...a,
    file,
    line: loaded.lineOf(['breakGlass', 'approvals', i]),
  }));
  return buildRegistry(file, agents, data.breakGlass?.accounts ?? [], approvals, data.ignore?.userAgents ?? []);
}

function httpAccess(allow: AllowPattern[]): DeclaredTask['http'] {
  const http = allow.filter((p) => p.kind === 'http');
  if (http.length === 0) return 'none';
  return http.every((p) => p.readOnly) ? 'read-only' : 'read-write';
}
