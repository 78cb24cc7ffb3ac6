import { escapeTerminal, safeJson } from '../report/escape.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { runScan, scanOptions, type ScanFlags } from './scan-command.js';
import type { AgentInventory, ObservedAgent } from '../model/report.js';

/**
 * `borrowscan agents --agents FILE [paths]`: per declared agent, what the logs show it did (sessions, clients,
 * requests in and out of scope, first and last activity, tasks used): the inventory a reviewer reads beside the
 * findings. The scan is the same as `scan --agents`; only the output differs.
 */
export async function runAgentsCommand(paths: string[], flags: ScanFlags, format: string, io: CliIO): Promise<number> {
  const result = await runScan(await scanOptions(paths, { ...flags, baseline: undefined }, io), flags, io);
  const observed = result.observedAgents;
  if (format === 'json') {
    const declared = flags.agents !== undefined ? { registry: flags.agents, agents: result.agents ?? [] } : {};
    io.stdout.write(`${safeJson({ tool: result.tool, ...declared, summary: result.summary, observedAgents: observed }, 2)}\n`);
    return EXIT.ok;
  }
  const range = result.summary.timeRange;
  const footer = range ? `\nLogs cover ${range.start} .. ${range.end}.\n` : '\nNo events in these logs.\n';
  const sections = [
    ...(flags.agents !== undefined ? [`Declared agents (${escapeTerminal(flags.agents)})\n\n${table(result.agents ?? [])}`] : []),
    `Agents seen in the logs (${observed.length})\n\n${observedTable(observed)}`,
  ];
  io.stdout.write(`${sections.join('\n')}${footer}`);
  return EXIT.ok;
}

const ACTED: Record<keyof ObservedAgent['acted'], string> = {
  ownIdentity: 'through its own identity',
  delegated: 'delegated',
  onPersonSession: "on a person's session",
  other: 'other',
};

function observedTable(agents: ObservedAgent[]): string {
  if (agents.length === 0) return 'No agent in these logs: no client classed ai-agent, none named by the identity provider or a token.\n';
  const e = escapeTerminal;
  const blocks = agents.map((a) => {
    const acted = (Object.keys(ACTED) as (keyof ObservedAgent['acted'])[])
      .filter((k) => a.acted[k] > 0)
      .map((k) => `${a.acted[k]} ${ACTED[k]}`);
    const lines = [
      `${e(a.name)}  (known by ${a.knownBy.join(', ')})`,
      `    sessions   ${a.sessions}: ${acted.join(', ')}`,
      ...a.proof.map((p) => `    proof      ${e(p)}`),
      ...(a.people.length > 0 ? [`    people     ${a.people.map(e).join(', ')}`] : []),
      ...a.clients.map((c) => {
        const cls = c.label.endsWith(`(${c.class})`) ? '' : ` (${c.class})`;
        return `    client     ${e(c.label)}${cls}: ${c.events} event(s), "${e(c.userAgent)}"`;
      }),
      `    activity   ${a.firstSeen} .. ${a.lastSeen}, ${a.events} event(s)`,
    ];
    const findings = Object.entries(a.findings).map(([rule, n]) => `${rule} ${n}`);
    lines.push(`    findings   ${findings.length > 0 ? findings.join(', ') : 'none'}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

function span(first: string | null, last: string | null): string {
  return first === null || last === null ? 'no activity in these logs' : `${first} .. ${last}`;
}

function table(agents: AgentInventory[]): string {
  if (agents.length === 0) return 'The registry declares no agents.\n';
  const e = escapeTerminal;
  const blocks = agents.map((a) => {
    const k = a.sessionKinds;
    const kinds = [
      k.own > 0 ? `${k.own} own` : '',
      k.delegated > 0 ? `${k.delegated} delegated${a.actingFor.length > 0 ? ` for ${a.actingFor.map(e).join(', ')}` : ''}` : '',
      k.onHumanSession > 0 ? `${k.onHumanSession} on a human session` : '',
      k.other > 0 ? `${k.other} other` : '',
    ].filter(Boolean);
    const lines = [
      `${e(a.name)}  (owner ${e(a.owner)}; declared at ${e(a.declaredAt.file)}:${a.declaredAt.line})`,
      `    sessions   ${a.sessions}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`,
    ];
    if (a.clients.length === 0) lines.push('    clients    none seen');
    for (const c of a.clients) {
      const ids = c.clientIds.length > 0 ? `, client id ${c.clientIds.map(e).join(', ')}` : '';
      const cls = c.label.endsWith(`(${c.class})`) ? '' : ` (${c.class})`;
      lines.push(`    client     ${e(c.label)}${cls}${ids}: ${c.events} event(s) in ${c.sessions} session(s), "${e(c.userAgent)}"`);
    }
    if (a.requests) {
      const r = a.requests;
      const unchecked = r.notChecked > 0 ? `; ${r.notChecked} event(s) before it was recognized, not checked` : '';
      lines.push(`    requests   ${r.judged} judged: ${r.inScope} in scope, ${r.outOfScope} out of scope${unchecked}`);
      lines.push(`    windows    ${a.outsideTaskWindows ?? 0} event(s) outside every task window`);
    } else {
      lines.push('    requests   not judged: the agent has no tasks');
    }
    lines.push(`    activity   ${span(a.firstSeen, a.lastSeen)}${a.events > 0 ? `, ${a.events} event(s)` : ''}`);
    for (const t of a.tasks) {
      const who = t.onBehalfOf ? ` for ${e(t.onBehalfOf)}` : '';
      lines.push(
        `    task       ${e(t.name)} ${t.start} .. ${t.end}${who}: ${t.used ? 'active in its window' : 'no activity in its window'}`,
      );
    }
    const findings = Object.entries(a.findings).map(([rule, n]) => `${rule} ${n}`);
    lines.push(`    findings   ${findings.length > 0 ? findings.join(', ') : 'none'}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
