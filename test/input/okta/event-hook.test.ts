import { describe, expect, it } from 'vitest';
import { mappingSink } from '../../../src/input/map-record.js';
import { hookEvents } from '../../../src/input/okta/event-hook.js';
import { okta } from '../../../src/input/okta/index.js';
import type { NormalizedEvent } from '../../../src/model/event.js';

const logEvent = (eventType: string, published?: string) => ({
  uuid: `u-${eventType}`,
  ...(published === undefined ? {} : { published }),
  eventType,
  actor: { id: '00u1', type: 'User', alternateId: 'dana@example.com', displayName: 'Dana' },
  authenticationContext: { externalSessionId: '102hook' },
  outcome: { result: 'SUCCESS' },
});
const delivery = (events: unknown) => ({ eventType: 'com.okta.event_hook', eventTypeVersion: '1.0', eventId: 'e-1', data: { events } });

function read(record: unknown, fieldMap?: Record<string, string>): { events: NormalizedEvent[]; skips: [number, string][] } {
  const events: NormalizedEvent[] = [];
  const skips: [number, string][] = [];
  mappingSink(okta, 'hook.ndjson', fieldMap, { event: (e) => events.push(e), error: (line, reason) => skips.push([line, reason]) }).record(
    record,
    4,
  );
  return { events, skips };
}

describe('Okta event hook deliveries', () => {
  it('opens a delivery to its LogEvents and leaves any other record alone', () => {
    const start = logEvent('user.session.start', '2026-11-02T08:30:04.211Z');
    expect(hookEvents(delivery([start]))).toEqual([start]);
    expect(hookEvents(start)).toBeUndefined();
    expect(hookEvents({ eventtype: 'com.okta.event_hook', data: { events: [start] } })).toEqual([start]);
  });

  it('says why a delivery holds nothing to read', () => {
    expect(hookEvents(delivery([]))).toEqual({ skip: 'Okta event hook delivery with no events (data.events is empty)' });
    expect(hookEvents(delivery('x'))).toEqual({ skip: 'Okta event hook delivery without a data.events array (string)' });
    expect(hookEvents({ eventType: 'com.okta.event_hook' })).toEqual({
      skip: 'Okta event hook delivery without a data.events array (missing)',
    });
  });

  it("maps each LogEvent as the System Log reads it, on the delivery's line, and skips the unreadable ones", () => {
    const { events, skips } = read(delivery([logEvent('user.session.start', '2026-11-02T08:30:04.211Z'), logEvent('user.session.end')]));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'signin',
      interactive: true,
      user: 'dana@example.com',
      sessionId: '102hook',
      source: { file: 'hook.ndjson', line: 4 },
    });
    expect(events[0]).toEqual(okta.map(logEvent('user.session.start', '2026-11-02T08:30:04.211Z'), { file: 'hook.ndjson', line: 4 }));
    expect(skips).toEqual([[4, 'no readable time (published missing)']]);
  });

  it('applies --map overrides to each LogEvent inside', () => {
    const { events } = read(delivery([logEvent('user.session.start', '2026-11-02T08:30:04.211Z')]), { user: 'actor.displayName' });
    expect(events[0]!.user).toBe('Dana');
  });

  it('is claimed by the okta format, even when its deliveries hold no events', () => {
    expect(okta.detect({ container: 'json', records: [delivery([logEvent('user.session.start', '2026-11-02T08:30:04.211Z')])] })).toBe(
      true,
    );
    expect(okta.detect({ container: 'json', records: [delivery([]), delivery([])] })).toBe(true);
    expect(okta.detect({ container: 'json', records: [{ eventType: 'com.example.hook', data: { events: [] } }] })).toBe(false);
  });
});
