import { createClientClassifier } from '../../src/clients/classify.js';
import { SessionStore } from '../../src/engine/sessions.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import type { Session } from '../../src/model/session.js';
import { newRuleContext, type Rule, type RuleHit } from '../../src/rules/rule.js';

export const UA = {
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  chromeMac143: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36',
  chromeWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  firefoxWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  iosApp: 'ExampleMobile/4.2.0 (iPhone; iOS 18.1; Scale/3.00) CFNetwork/1568.200.51 Darwin/24.1.0',
  pythonRequests: 'python-requests/2.32.3',
  claudeCli: 'claude-cli/2.1.205 (external, cli)',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/136.0.7103.25 Safari/537.36',
  gptBot: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
} as const;

export const T0 = Date.parse('2026-11-02T09:00:00Z');
export const min = (m: number) => T0 + m * 60_000;

let line = 0;
export function ev(fields: Partial<NormalizedEvent> & { time: number }): NormalizedEvent {
  line++;
  return {
    source: { file: 'test.log', line },
    format: 'test',
    kind: 'request',
    action: 'GET /',
    outcome: 'success',
    ...fields,
  };
}

export function signIn(session: string, user: string, userAgent: string, ip: string, time = T0): NormalizedEvent {
  return ev({ time, kind: 'signin', action: 'user.session.start', interactive: true, sessionId: session, user, userAgent, ip });
}

export function request(session: string | undefined, userAgent: string, ip: string, time: number, path = '/api/items'): NormalizedEvent {
  return ev({ time, kind: 'request', action: `GET ${path}`, method: 'GET', path, status: 200, sessionId: session, userAgent, ip });
}

export function sessionsOf(events: NormalizedEvent[]): Session[] {
  const store = new SessionStore(createClientClassifier());
  for (const e of events) store.add(e);
  return [...store.sessions.values()];
}

export function hits(rule: Rule, events: NormalizedEvent[]): RuleHit[] {
  const sessions = sessionsOf(events);
  const context = newRuleContext(new Map(sessions.map((s) => [s.id, s])));
  return sessions.flatMap((s) => rule.evaluate(s, context));
}
