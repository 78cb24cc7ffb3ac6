import type { ClientUsage, Session } from '../model/session.js';
import { networkOf } from '../shared/network.js';
import { REF } from './references.js';
import type { Rule, RuleHit } from './rule.js';
import { humanClients, humanStarter, iso, label, networksOf, sortedIps } from './session-facts.js';

/**
 * What moved, if anything: another operating system, or another browser family. A version update or a new
 * IP is the same client; a native app beside a browser on the same system is the same machine (one identity
 * provider session serves a person's browser and desktop apps through single sign-on).
 */
function change(reference: ClientUsage, other: ClientUsage): 'operating system' | 'browser family' | undefined {
  const a = reference.identity;
  const b = other.identity;
  if (a.os !== undefined && b.os !== undefined && a.os !== b.os) return 'operating system';
  if (a.class === 'browser' && b.class === 'browser' && a.family !== b.family) return 'browser family';
  return undefined;
}

export const sessionContextChange: Rule = {
  id: 'session-context-change',
  severity: 'medium',
  title: 'Session carried to another browser or device',
  description:
    'A human session, tied by the session id the logs carry, is used by a second human client on another operating ' +
    'system, or by a browser of another family: the session cookie or token was carried to another machine or ' +
    'program that presents a browser user agent. A new IP with the same client (Wi-Fi to mobile data), a browser ' +
    'update, and a native app beside the browser on the same system (single sign-on) are not findings. Sessions ' +
    'grouped only by user and IP are not judged.',
  references: [REF.attackT1539, REF.attackT1550004, REF.owaspAsi03],
  evaluate(session: Session): RuleHit[] {
    if (session.correlation !== 'session-id') return [];
    const humans = humanClients(session);
    if (humans.length < 2) return [];
    const reference =
      humanStarter(session) ?? [...humans].sort((a, b) => a.firstSeen - b.firstSeen || (a.identity.key < b.identity.key ? -1 : 1))[0]!;
    const referenceNets = networksOf([reference]);
    const hits: RuleHit[] = [];
    for (const other of humans) {
      const changed = other === reference ? undefined : change(reference, other);
      if (changed === undefined) continue;
      const otherNetwork = [...other.ips].some((ip) => !referenceNets.has(networkOf(ip)));
      hits.push({
        severity: 'medium',
        title: `Session of ${label(reference)} also used by ${label(other)}`,
        reason:
          `${label(other)} used a session begun by ${label(reference)} (another ${changed}` +
          `${otherNetwork ? ', from another network' : ''})`,
        client: other,
        firstSeen: other.firstSeen,
        lastSeen: other.lastSeen,
        count: other.count,
        evidence: [...(reference.signIn ? [reference.signIn] : reference.evidence.slice(0, 1)), ...other.evidence.slice(0, 4)],
        recommendation:
          'Confirm with the user whether they switched devices. If not, revoke the session and its refresh tokens, and ' +
          'bind sessions to the device (token binding, device-bound session credentials) so a copied cookie stops working. ' +
          'If an agent presents a browser user agent with this cookie, give it its own identity instead.',
        details: {
          originalClient: { userAgent: reference.userAgent, label: label(reference), ips: sortedIps(reference) },
          otherClient: { userAgent: other.userAgent, label: label(other), ips: sortedIps(other) },
          changed,
          network: otherNetwork ? 'other' : 'same',
          originalFirstSeen: iso(reference.firstSeen),
        },
      });
    }
    return hits;
  },
};
