import { UsageError } from '../shared/errors.js';
import { escapeTerminal, safeJson } from '../report/escape.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { runScan, scanOptions, type ScanFlags } from './scan-command.js';
import type { AgentInventory } from '../model/report.js';

/**
 * `borrowscan agents --agents FILE [paths]`: per declared agent, what the logs show it did (sessions, clients,
 * requests in and out of scope, first and last activity, tasks used): the inventory a reviewer reads beside the
 * findings. The scan is the same as `scan --agents`; only the output differs.
 */
export async function runAgentsCommand(paths: string[], flags: ScanFlags, format: string, io: CliIO): Promise<number> {
  if (flags.agents === undefined) throw new UsageError('agents needs --agents FILE');
  const result = await runScan(await scanOptions(paths, { ...flags, baseline: undefined }, io), flags, io);
  const agents = result.agents ?? [];
  if (format === 'json') {
    io.stdout.write(`${safeJson({ tool: result.tool, registry: flags.agents, summary: result.summary, agents }, 2)}\n`);
  } else {
    io.stdout.write(table(agents, result.summary.timeRange));
  }
  return EXIT.ok;
}

function span(first: string | null, last: string | null): string {
  return first === null || last === null ? 'no activity in these logs' : `${first} .. ${last}`;
}

function table(agents: AgentInventory[], range: { start: string; end: string } | null): string {
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
      lines.push(`    task       ${e(t.name)} ${t.start} .. ${t.end}${who}: ${t.used ? 'active in its window' : 'no activity in its window'}`);
    }
    const findings = Object.entries(a.findings).map(([rule, n]) => `${rule} ${n}`);
    lines.push(`    findings   ${findings.length > 0 ? findings.join(', ') : 'none'}`);
    return lines.join('\n');
  });
  const footer = range ? `\nLogs cover ${range.start} .. ${range.end}.\n` : '\nNo events in these logs.\n';
  return `${blocks.join('\n\n')}\n${footer}`;
}
