import type { ClientUsage, EvidenceEvent, SamplePool, Session, Timeline, TimelineSamples } from '../model/session.js';
import { findMetronomeRun, findSustainedRate, PACING, sortTimeline, type PacedRun, type SortedTimeline } from './pacing.js';
import { REF } from './references.js';
import { type Rule, type RuleContext, type RuleHit, scanMemo } from './rule.js';
import { iso, label } from './session-facts.js';

const MIN_SAMPLES = Math.min(PACING.runIntervals + 1, PACING.perMinuteRequests * PACING.sustainedMinutes);

function runEvidence(read: TimelineSamples, fileNames: readonly string[], sorted: SortedTimeline, run: PacedRun): EvidenceEvent[] {
  const picks = [run.firstIndex, run.firstIndex + 1, run.firstIndex + 2, run.lastIndex].filter(
    (v, i, all) => v <= run.lastIndex && all.indexOf(v) === i,
  );
  return picks.map((sortedIndex) => {
    const sample = sorted.samples[sortedIndex]!;
    return {
      file: fileNames[read.files[sample]!]!,
      line: read.lines[sample]!,
      time: read.times[sample]!,
      summary: `request ${sortedIndex - run.firstIndex + 1} of ${run.requests} in the run`,
    };
  });
}

/** A timeline's longest machine-paced run, with its evidence, if it has one. */
interface Paced {
  run: PacedRun;
  evidence: EvidenceEvent[];
}

function pacedRunOf(read: TimelineSamples, fileNames: readonly string[]): Paced | undefined {
  const sorted = sortTimeline(read);
  const metronome = findMetronomeRun(sorted);
  const sustained = findSustainedRate(sorted);
  const run = metronome && sustained ? (metronome.requests >= sustained.requests ? metronome : sustained) : (metronome ?? sustained);
  return run ? { run, evidence: runEvidence(read, fileNames, sorted, run) } : undefined;
}

function judged(client: ClientUsage): boolean {
  // Too few requests for either pattern: no need to read them back.
  return client.identity.class === 'browser' && client.timeline !== undefined && client.timeline.length >= MIN_SAMPLES;
}

/** The paced runs of the given timelines (only those that have one), reading each pool back once. */
function pacedRuns(timelines: readonly Timeline[]): Map<Timeline, Paced> {
  const byPool = new Map<SamplePool, Timeline[]>();
  for (const t of timelines) {
    const list = byPool.get(t.pool);
    if (list) list.push(t);
    else byPool.set(t.pool, [t]);
  }
  const found = new Map<Timeline, Paced>();
  for (const [pool, list] of byPool) {
    pool.visit(list, (timeline, read) => {
      const paced = pacedRunOf(read, pool.fileNames);
      if (paced) found.set(timeline, paced);
    });
  }
  return found;
}

/**
 * Samples may have spilled to disk, where reading them back is one pass over all of them: the first session evaluated
 * reads back every timeline of the scan's sessions (`context.sessions`), and keeps the few runs found.
 */
function scanPacedRuns(context: RuleContext): Map<Timeline, Paced> {
  return scanMemo(context, 'inhuman-cadence:paced-runs', () => {
    const timelines: Timeline[] = [];
    for (const session of context.sessions.values()) {
      for (const client of session.clients.values()) if (judged(client)) timelines.push(client.timeline!);
    }
    return pacedRuns(timelines);
  });
}

function pacedRunsOf(session: Session, context: RuleContext | undefined): Map<Timeline, Paced> {
  if (context !== undefined && context.sessions.get(session.id) === session) return scanPacedRuns(context);
  // A session outside the scan's map (a rule tested on its own): its own timelines only.
  const timelines: Timeline[] = [];
  for (const client of session.clients.values()) if (judged(client)) timelines.push(client.timeline!);
  return pacedRuns(timelines);
}

function describePace(run: PacedRun): string {
  const minutes = Math.max(1, Math.round((run.end - run.start) / 60_000));
  return run.kind === 'metronome'
    ? `${run.requests} requests every ${(run.pace / 1000).toFixed(1)} s (variation ${Math.round((run.variation ?? 0) * 100)}%) across ${run.distinctResources} resources`
    : `${run.requests} requests in ${minutes} min (${run.pace}/min, no pause over ${PACING.maxPauseMs / 1000} s) across ${run.distinctResources} resources`;
}

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
  evaluate(session: Session, context?: RuleContext): RuleHit[] {
    const hits: RuleHit[] = [];
    const found = pacedRunsOf(session, context);
    for (const client of session.clients.values()) {
      const paced = client.timeline && judged(client) ? found.get(client.timeline) : undefined;
      if (!paced) continue;
      const run = paced.run;
      hits.push({
        severity: 'medium',
        title: `${label(client)} requests at machine pace`,
        reason: `${label(client)} made ${describePace(run)}`,
        client,
        firstSeen: run.start,
        lastSeen: run.end,
        count: run.requests,
        evidence: paced.evidence,
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
          samplesDropped: client.timeline!.dropped,
        },
      });
    }
    return hits;
  },
};
