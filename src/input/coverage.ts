import type { NormalizedEvent } from '../model/event.js';

/** How many of an input's events carry what correlation needs. */
export interface Coverage {
  sessionOrToken: number;
  user: number;
  rawUserAgent: number;
  parsedClientOnly: number;
  ip: number;
}

export function emptyCoverage(): Coverage {
  return { sessionOrToken: 0, user: 0, rawUserAgent: 0, parsedClientOnly: 0, ip: 0 };
}

export function countCoverage(c: Coverage, e: NormalizedEvent): void {
  if (e.sessionId !== undefined || e.tokenId !== undefined) c.sessionOrToken++;
  if (e.user !== undefined) c.user++;
  if (e.userAgent !== undefined) c.rawUserAgent++;
  else if (e.clientHint !== undefined) c.parsedClientOnly++;
  if (e.ip !== undefined) c.ip++;
}

/** How many events lack something, given how many have it: `all 3 events`, `2 of 3 events`. */
function share(having: number, total: number): string {
  const lacking = total - having;
  return lacking === total ? `all ${total} events` : `${lacking} of ${total} events`;
}

/** What an input lacked for correlation, and what that means for the findings, in words. */
export function describeGaps(c: Coverage, events: number): string[] {
  if (events === 0) return [];
  const gaps: string[] = [];
  const half = events / 2;
  if (c.sessionOrToken < half) {
    gaps.push(
      `${share(c.sessionOrToken, events)} carry no session or token id: they join an identity-provider session only by ` +
        'user, IP and time (a weaker join that findings label), else they are grouped by user and IP; ' +
        'log a session or token id to tie them for certain (README: "Make your logs useful")',
    );
  }
  if (c.rawUserAgent < half) {
    gaps.push(
      c.parsedClientOnly > 0
        ? `${share(c.rawUserAgent, events)} have only a parsed user agent (browser and OS names): automation that ` +
            'names itself only in the raw User-Agent is not recognized there'
        : `${share(c.rawUserAgent, events)} have no user agent: their clients cannot be classified, so no finding ` +
            'can name automation from them',
    );
  }
  if (c.user < half) {
    gaps.push(`${share(c.user, events)} name no user: they cannot be joined by user, and findings on them carry no user`);
  }
  return gaps;
}
