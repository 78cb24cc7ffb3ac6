import { DETECTION_TIERS, type LogFormat, type Probe } from './format.js';

/** A format that says a probe of the file is its own. */
export interface Claim {
  format: LogFormat;
  probe: Probe;
}

const rank = (claim: Claim): number => DETECTION_TIERS.indexOf(claim.format.detection.tier);

function prefers(a: LogFormat, b: LogFormat): boolean {
  return a.detection.preferredOver?.[b.id] !== undefined;
}

/**
 * The claim that decides a file's format: the strongest tier's, and within it the one no other claim of that tier
 * is declared preferred over. Two claims left standing are a tie nobody decided: the file is not guessed at.
 */
export function decideClaim(claims: readonly Claim[]): Claim | { reason: string } {
  const strongest = Math.min(...claims.map(rank));
  const top = claims.filter((c) => rank(c) === strongest);
  const standing = top.filter((c) => !top.some((other) => other !== c && prefers(other.format, c.format)));
  if (standing.length === 1) return standing[0]!;
  const ids = (standing.length > 0 ? standing : top).map((c) => c.format.id);
  return {
    reason:
      `claimed by ${ids.join(' and ')} (detection tier ${DETECTION_TIERS[strongest]}), and no preference between them ` +
      'is declared: name one with --input-format',
  };
}
