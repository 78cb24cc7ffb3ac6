import type { AgentRegistry } from '../../src/config/registry.js';
import { createSessionStore, joinStage } from '../../src/engine/correlate.js';
import { detect, observerFor } from '../../src/engine/detect.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import type { Finding } from '../../src/model/finding.js';
import { RULES } from '../../src/rules/index.js';
import { newRuleContext } from '../../src/rules/rule.js';

/** The streaming engine's stages on events already normalized, as scan() runs them (no file, no triage). */
export function streamingFindings(events: readonly NormalizedEvent[], registry?: AgentRegistry): Finding[] {
  const store = createSessionStore();
  const context = newRuleContext(store.sessions, registry);
  const observe = observerFor(RULES, context);
  for (const event of events) {
    if (registry?.isIgnored(event.userAgent)) continue;
    store.add(event);
    observe?.(event, store.lastSession!, store.lastClient!);
  }
  return detect(joinStage(store, RULES), RULES, context);
}
