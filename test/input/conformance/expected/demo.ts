import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { NormalizedEvent } from '../../../../src/model/event.js';
import type { Expectations } from '../support/expectation.js';

/** The file's requests carry query strings; the shape checks hold every event's path to keeping none. */
const queriesInFile = {
  name: 'the file has query strings to drop',
  run(events: readonly NormalizedEvent[]): void {
    expect(readFileSync(events[0]!.source.file, 'utf8')).toContain('?');
  },
};

// The demo's working day (docs/demo.md) and the declared-agents case: each file read whole, by its content.
export const fixtures: Expectations = {
  'demo/okta-system-log.json': { format: 'okta', events: 70, skipped: 0 },
  'demo/entra-signins.json': { format: 'entra-signin', events: 14, skipped: 0 },
  'demo/api-gateway-access.jsonl': { format: 'access-log', events: 860, skipped: 0, check: queriesInFile },
  'demo/webapp-access.csv': { format: 'access-log-csv', events: 145, skipped: 0, check: queriesInFile },
  'agents/task-scope/okta-system-log.ndjson': { format: 'okta', skipped: 0 },
  'agents/task-scope/api-access.jsonl': { format: 'access-log', skipped: 0 },
  'agents/task-scope/agents.yaml': { format: null, notRead: /not a log format borrowscan knows/ },
};
