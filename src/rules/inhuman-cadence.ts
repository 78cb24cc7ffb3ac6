import type { ClientUsage, EvidenceEvent, Session } from '../model/session.js';
import { findMetronomeRun, findSustainedRate, PACING, sortTimeline, type PacedRun, type SortedTimeline } from './pacing.js';
import { REF } from './references.js';
import type { Rule, RuleHit } from './rule.js';
import { iso, label } from './session-facts.js';

function runEvidence(client: ClientUsage, sorted: SortedTimeline, run: PacedRun): EvidenceEvent[] {
  const pool = client.timeline!.pool;
  const picks = [run.firstIndex, run.firstIndex + 1, run.firstIndex + 2, run.lastIndex].filter(
    (v, i, all) => v <= run.lastIndex && all.indexOf(v) === i,
  );
  return picks.map((sortedIndex) => {
    const sample = sorted.samples[sortedIndex]!;
    return {
      file: pool.fileNames[pool.files[sample]!]!,
      line: pool.lines[sample]!,
      time: pool.times[sample]!,
      summary: `request ${sortedIndex - run.firstIndex + 1} of ${run.requests} in the run`,
    };
  });
}

function describePace(run: PacedRun): string {
  const minutes = Math.max(1, Math.round((run.end - run.start) / 60_000));
  return run.kind === 'metronome'
    ? `${run.requests} requests every ${(run.pace / 1000).toFixed(1)} s (variation ${Math.round((run.variation ?? 0) * 100)}%) across ${run.distinctResources} resources`
    : `${run.requests} requests in ${minutes} min (${run.pace}/min, no pause over ${PACING.maxPauseMs / 1000} s) across ${run.distinctResources} resources`;
}

const MIN_SAMPLES = Math.min(PACING.runIntervals + 1, PACING.perMinuteRequests * PACING.sustainedMinutes);

export const inhumanCadence: Rule = {
  id: 'inhuman-cadence',
  severity: 'medium',
  title: 'Browser client at machine pace',
  description:
    'A client that claims to be a browser makes requests at a pace no person keeps: a long run of near-constant ' +
    `intervals (${PACING.runIntervals}+ intervals within ${PACING.maxVariation * 100}% of each other, ${PACING.minIntervalMs} ms to ` +
    `${PACING.maxIntervalMs / 60_000} min apart) across ${PACING.runMinResources}+ distinct resources, or ` +
    `${PACING.sustainedMinutes}+ consecutive minutes of ${PACING.perMinuteRequests}+ requests to ${PACING.perMinuteResources}+ ` +
    `distinct resources a minute with no pause over ${PACING.maxPauseMs / 1000} s. An agent driving a real browser, or a ` +
    "script sending a browser user agent, shows up this way. A page load's burst and a page polling one endpoint on a " +
    'timer are human and stay quiet.',
  references: [REF.owaspAsi03, REF.attackT1550004],
  evaluate(session: Session): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const client of session.clients.values()) {
      // Too few requests for either pattern: no need to sort them.
      if (client.identity.class !== 'browser' || !client.timeline || client.timeline.length < MIN_SAMPLES) continue;
      const sorted = sortTimeline(client.timeline);
      const metronome = findMetronomeRun(sorted);
      const sustained = findSustainedRate(sorted);
      const run = metronome && sustained ? (metronome.requests >= sustained.requests ? metronome : sustained) : (metronome ?? sustained);
      if (!run) continue;
      hits.push({
        severity: 'medium',
        title: `${label(client)} requests at machine pace`,
        reason: `${label(client)} made ${describePace(run)}`,
        client,
        firstSeen: run.start,
        lastSeen: run.end,
        count: run.requests,
        evidence: runEvidence(client, sorted, run),
        recommendation:
          "Find what drives this browser: an AI agent or automation framework using a person's browser session should " +
          'get its own identity and task-scoped credentials. If a person is behind it, the pace says otherwise; check the ' +
          'device for remote-control or browser-automation tooling.',
        details: {
          pattern: run.kind,
          runStart: iso(run.start),
          runEnd: iso(run.end),
          requests: run.requests,
          distinctResources: run.distinctResources,
          ...(run.kind === 'metronome' ? { meanIntervalMs: run.pace, variation: run.variation } : { requestsPerMinute: run.pace }),
          samplesDropped: client.timeline.dropped,
        },
      });
    }
    return hits;
  },
};
