import type { AgentRegistry } from '../config/registry.js';
import type { Finding } from '../model/finding.js';
import type { TimelineSource } from '../model/report.js';
import type { ActivityPool, Session } from '../model/session.js';
import { sessionTimeline } from './session-timeline.js';

/**
 * Timelines made when a report asks for one, from the sessions the scan kept: a report of 300,000 findings never holds
 * 300,000 timelines. `clientKeys` says which client each finding (by id) is about.
 */
export function timelineSource(
  sessions: ReadonlyMap<string, Session>,
  pool: ActivityPool,
  registry: AgentRegistry | undefined,
  clientKeys: ReadonlyMap<string, string>,
): TimelineSource {
  return {
    forFinding(finding: Finding) {
      const session = sessions.get(finding.session);
      const key = clientKeys.get(finding.id);
      return session && key !== undefined ? sessionTimeline(session, pool, registry, key) : null;
    },
    forSession(id: string) {
      const session = sessions.get(id);
      return session ? sessionTimeline(session, pool, registry) : null;
    },
  };
}
