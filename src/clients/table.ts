import { AGENT_TOKENS } from './tokens/agents.js';
import { CLI_TOKENS } from './tokens/cli.js';
import { AI_CRAWLER_TOKENS, NAMED_CRAWLER_TOKENS } from './tokens/crawlers.js';
import { AUTOMATION_TOKENS } from './tokens/automation.js';
import { LEGACY_AUTH_TOKENS } from './tokens/legacy-auth.js';
import { LIBRARY_TOKENS } from './tokens/libraries.js';

import type { TokenEntry } from './tokens/entry.js';

export type { TokenClass, TokenEntry, TokenMatch } from './tokens/entry.js';

/**
 * What a crawler is, when nothing names it an AI crawler: the classes name the client's technology, so a crawler
 * that presents a browser engine (`AppleWebKit/`, `Chrome/`, `Gecko/`, `Safari/`, `Trident/`) is a program driving a
 * browser (`headless-browser`: rendering crawlers, synthetic monitors, screenshot services are headless Chromium),
 * and one that does not is a program's own HTTP client (`http-library`). Both are automation, so either one on a
 * person's session is reported as such. A crawler named by an AI vendor stays `ai-crawler`.
 */
export const CRAWLER_BY_SHAPE = { browserEngine: 'headless-browser', other: 'http-library' } as const;

/**
 * Searched in order; the first hit wins. Groups run from the most to the least specific claim, so an agent token
 * appended to a library, CLI or browser string is still reported as the agent.
 *
 * Beside the table, a user agent that declares itself automation is automation (see `declared.ts`):
 * - the word `Agent` or `Assistant` in a product (`Acme-Agent/1.0`, `ThousandEyes Agent`) or a product named `…-User`
 *   (the form of ChatGPT-User, Claude-User, Perplexity-User) is `ai-agent`: it says it acts for someone, and an agent
 *   on a person's session is what borrowscan looks for; a run-together name (`ReportAgent`) is not read as one;
 * - a name ending in `bot` or `fetcher`, or holding `crawl`, `spider`, `slurp` or `scrap`, a `compatible; Name`
 *   product other than a browser's, or a contact URL, e-mail address or host name beside a product (robots give one
 *   so site owners can reach them; browsers and apps never do) is a crawler, classed by its shape as
 *   {@link CRAWLER_BY_SHAPE} says;
 * - a tool that names the agent running it (`GitHub CLI 2.80.0 Agent/claude-code`) is that agent;
 * - `Name/Python 1.2.3`, `Name/JS 1.2.3` (the form every Stainless-generated API SDK sends) is `http-library`.
 * A product token that says none of this (`SomeTool/1.0`, a browser string with an extra product appended) is
 * `unknown`: a person's own app looks the same, so it is reported at low severity, not as automation.
 */
export const CLIENT_TOKENS: readonly TokenEntry[] = [
  ...AGENT_TOKENS,
  ...LEGACY_AUTH_TOKENS,
  ...AI_CRAWLER_TOKENS,
  ...NAMED_CRAWLER_TOKENS,
  ...AUTOMATION_TOKENS,
  ...CLI_TOKENS,
  ...LIBRARY_TOKENS,
];
