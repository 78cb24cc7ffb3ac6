import { agentsFileSchema, compileRegistry, type AgentRegistry } from '../../src/config/agents.js';
import { parseConfig } from '../../src/config/yaml.js';
import { createSessionStore, joinStage } from '../../src/engine/correlate.js';
import { observerFor } from '../../src/engine/detect.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import type { Session } from '../../src/model/session.js';
import { newRuleContext, type Rule, type RuleHit } from '../../src/rules/rule.js';
import { ev, min } from './build.js';

/** The registry most rule tests use; times are on the day of build.ts (T0 = 2026-11-02T09:00Z, so 10:00 = min(60)). */
export const REGISTRY_YAML = `
version: 1
agents:
  - name: report-agent
    owner: alice@example.com
    identities: [svc-report@example.com]
    clients: [0oaREPORT]
    userAgents: ["ReportAgent/*"]
    maxSessionMinutes: 60
    tasks:
      - name: weekly-report
        start: 2026-11-02T10:00:00Z
        end: 2026-11-02T11:00:00Z
        onBehalfOf: alice@example.com
        allow: ["GET /api/reports/**", "POST /api/reports/*/render"]
  - name: reader
    owner: carol@example.com
    identities: [svc-reader@example.com]
    tasks:
      - name: morning-read
        start: 2026-11-02T09:00:00Z
        end: 2026-11-02T10:00:00Z
        allow: ["GET /api/tickets/**", "s3.amazonaws.com:Get*", "app:Salesforce"]
      - name: afternoon-read
        start: 2026-11-02T14:00:00Z
        end: 2026-11-02T15:00:00Z
        allow: ["GET /api/tickets/**"]
  - name: helper
    owner: bob@example.com
    userAgents: ["claude-cli/*"]
breakGlass:
  accounts: [breakglass@example.com]
  approvals:
    - { account: breakglass@example.com, start: 2026-11-03T02:00:00Z, end: 2026-11-03T04:00:00Z, ticket: INC-4711 }
ignore:
  userAgents: ["Okta-Health-Check/*"]
`;

export function registryOf(yaml = REGISTRY_YAML): AgentRegistry {
  return compileRegistry('agents.yaml', parseConfig('agents.yaml', yaml, agentsFileSchema));
}

export const REPORT_UA = 'ReportAgent/2.0 python-httpx/0.27.0';
export const READER_UA = 'python-httpx/0.27.0';

export interface Hit extends RuleHit {
  rule: string;
  session: string;
}

/**
 * Runs rules through the engine's own stages (registry null: a scan without --agents): every event into the session
 * store and the per-event observers, sessions joined, then evaluated, so per-event rules are tested on what they keep,
 * not on an event list.
 */
export function run(rules: Rule[], events: NormalizedEvent[], registry: AgentRegistry | null = registryOf()): Hit[] {
  const store = createSessionStore();
  const context = newRuleContext(store.sessions, registry ?? undefined);
  const observe = observerFor(rules, context);
  for (const event of events) {
    store.add(event);
    observe?.(event, store.lastSession!, store.lastClient!);
  }
  const sessions = joinStage(store, rules);
  const hits: Hit[] = [];
  for (const session of sessions.values()) {
    for (const rule of rules) for (const hit of rule.evaluate(session, context)) hits.push({ ...hit, rule: rule.id, session: session.id });
  }
  return hits;
}

export function sessionsAfter(events: NormalizedEvent[]): Session[] {
  const store = createSessionStore();
  for (const event of events) store.add(event);
  return [...store.sessions.values()];
}

/** A request with any method and path. */
export function call(
  session: string | undefined,
  method: string,
  path: string,
  time: number,
  fields: Partial<NormalizedEvent> = {},
): NormalizedEvent {
  return ev({
    time,
    kind: 'request',
    action: `${method} ${path}`,
    method,
    path,
    status: 200,
    sessionId: session,
    ip: '203.0.113.140',
    ...fields,
  });
}

/** The report agent's token exchange for a person: a derived session of its own, rooted in theirs. */
export function tokenExchange(
  session: string,
  root: string,
  user: string,
  time = min(60),
  fields: Partial<NormalizedEvent> = {},
): NormalizedEvent {
  return ev({
    time,
    kind: 'token',
    action: 'app.oauth2.as.token.grant.access_token',
    grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
    sessionId: session,
    rootSessionId: root,
    user,
    clientId: '0oaREPORT',
    userAgent: REPORT_UA,
    ip: '203.0.113.140',
    ...fields,
  });
}
