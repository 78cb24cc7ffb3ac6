import type { BreakGlassApproval } from '../config/registry.js';
import { isAutomationClient } from '../model/client.js';
import type { Session } from '../model/session.js';
import type { Severity } from '../model/severity.js';
import { REF } from './references.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';
import { iso, labelWithClass, sortedIps } from './session-facts.js';

export const BREAK_GLASS_USE = 'break-glass-use';

function approvalDetails(a: BreakGlassApproval): Record<string, unknown> {
  return { start: iso(a.start), end: iso(a.end), ticket: a.ticket ?? null, reason: a.reason ?? null, file: a.file, line: a.line };
}

function evaluate(session: Session, context: RuleContext): RuleHit[] {
  const registry = context.registry;
  if (!registry) return [];
  const account = [...session.users].find((u) => registry.isBreakGlass(u));
  if (account === undefined) return [];
  const display = session.user ?? account;
  const hits: RuleHit[] = [];
  for (const client of session.clients.values()) {
    const automation = isAutomationClient(client.identity);
    const approval = registry.approvalFor(account, client.firstSeen);
    const covered = approval !== undefined && client.lastSeen <= approval.end;
    // An approval that covers only part of the use is named, so the reviewer sees where the use ran past it.
    const overlapping =
      approval ??
      registry.approvals.find((a) => a.account.toLowerCase() === account && a.start <= client.lastSeen && client.firstSeen <= a.end);
    const severity: Severity = covered ? 'low' : automation ? 'critical' : 'high';
    const ticket = overlapping?.ticket ? ` ${overlapping.ticket}` : '';
    const approvalText = covered
      ? `inside its approved window${ticket} (${iso(approval!.start)} to ${iso(approval!.end)})`
      : overlapping
        ? `partly outside its approved window${ticket} (${iso(overlapping.start)} to ${iso(overlapping.end)})`
        : 'with no approved window';
    hits.push({
      severity,
      title: `Break-glass account ${display} used${automation ? ' by automation' : ''}`,
      reason: `break-glass account ${display} was used by ${labelWithClass(client)} ${client.count} time(s), ${approvalText}`,
      client,
      firstSeen: client.firstSeen,
      lastSeen: client.lastSeen,
      count: client.count,
      evidence: client.evidence,
      recommendation: covered
        ? 'Close the approval: check that the use matches the ticket, then rotate the break-glass credentials.'
        : 'Treat as an incident until explained: confirm who used the emergency account and why, rotate its ' +
          'credentials, and record an approval window for legitimate use.' +
          (automation ? ' A program holding an emergency account is never the intended use.' : ''),
      details: {
        account: display,
        automation,
        approved: covered,
        approval: overlapping ? approvalDetails(overlapping) : null,
        ips: sortedIps(client),
      },
    });
  }
  return hits;
}

export const breakGlassUse: Rule = {
  id: BREAK_GLASS_USE,
  severity: 'high',
  title: 'Break-glass account used',
  description:
    'Any use of a break-glass (emergency) account declared in the registry (--agents FILE): high; critical when the ' +
    'client is automation (an AI agent, HTTP library, headless browser or CLI); low when the whole use falls inside ' +
    'an approved window, which the finding names with its ticket. Quiet without a registry.',
  references: [REF.owaspAsi03, REF.attackT1078],
  evaluate,
};
