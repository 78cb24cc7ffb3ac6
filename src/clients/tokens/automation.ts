import { entry, SRC, type TokenEntry } from './entry.js';

const PLAYWRIGHT =
  'microsoft/playwright packages/playwright-core/src/server/utils/userAgent.ts: `Playwright/<version> (<arch>; <os> <version>) <embedder>/<version>`; appended to Chrome in crawler-user-agents (MIT)';

/** Browsers a program drives, and no-code automation. */
export const AUTOMATION_TOKENS: readonly TokenEntry[] = [
  entry('HeadlessChrome/', 'headless-browser', `microsoft/playwright #31743; ${SRC.cua}`),
  entry('PhantomJS/', 'headless-browser', SRC.cua),
  entry('Lightpanda', 'headless-browser', SRC.air),
  entry('Playwright/', 'headless-browser', PLAYWRIGHT),
  entry('Puppeteer', 'headless-browser', SRC.cua, 'Puppeteer', 'substring', "appended to the browser's user agent"),
  entry('Selenium', 'headless-browser', SRC.cua, 'Selenium', 'substring', "appended to the browser's user agent"),
  entry('Chrome-Lighthouse', 'headless-browser', SRC.cua),
  entry('Anchor Browser', 'headless-browser', SRC.cua, 'Anchor Browser', 'substring', 'a hosted browser for agents'),

  // No-code automation: a workflow runs on the person's behalf
  entry(
    'Zapier',
    'http-library',
    `zapier/zapier-platform docs (requests from a Zap send \`User-Agent: Zapier\`); ${SRC.cua}`,
    'Zapier',
    'prefix',
  ),
  entry(
    'n8n',
    'http-library',
    'n8n-io/n8n packages/nodes-base: nodes send `User-Agent: n8n`; community nodes n8n-nodes-<name>',
    'n8n',
    'prefix',
  ),
  entry('IFTTT/', 'http-library', SRC.cua, 'IFTTT', 'prefix'),
  entry('Make/production', 'http-library', SRC.cua, 'Make', 'prefix'),
  entry('Integromat/', 'http-library', SRC.cua, 'Make', 'prefix', "Make's former name"),
];
