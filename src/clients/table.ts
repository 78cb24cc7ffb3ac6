import type { ClientClass } from '../model/client.js';

/**
 * - `substring`: anywhere in the user agent (agents append their token to a full Chrome string);
 * - `prefix`: only at the start (the token is ambiguous when an app puts its own name first);
 * - `exact`: the whole user agent, trimmed (the token is too short to search for).
 * All matching is case-insensitive.
 */
export type TokenMatch = 'substring' | 'exact' | 'prefix';

export interface TokenEntry {
  token: string;
  class: ClientClass;
  family: string;
  match: TokenMatch;
  source: string;
  note?: string;
}

const CUA = 'crawler-user-agents (MIT)';
const AIR = 'ai.robots.txt (MIT)';
const BOTH = 'crawler-user-agents (MIT), ai.robots.txt (MIT)';
const UAP = 'ua-parser-js docs';

function entry(
  token: string,
  cls: ClientClass,
  source: string,
  family = token.replace(/\/$/, ''),
  match: TokenMatch = 'substring',
  note?: string,
): TokenEntry {
  return note === undefined
    ? { token, class: cls, family, match, source }
    : { token, class: cls, family, match, source, note };
}

/**
 * Searched in order; the first hit wins. Groups run from the most to the least specific claim,
 * so an agent token appended to a library or CLI string is still reported as the agent.
 */
export const CLIENT_TOKENS: readonly TokenEntry[] = [
  // AI agents acting for a user
  entry('ChatGPT-User/', 'ai-agent', CUA),
  entry('Claude-User/', 'ai-agent', CUA),
  entry('claude-cli/', 'ai-agent', 'anthropics/claude-code issues', 'Claude Code'),
  entry('claude-code/', 'ai-agent', 'anthropics/claude-code issues', 'Claude Code'),
  entry('Perplexity-User/', 'ai-agent', CUA),
  entry('GoogleAgent-Mariner', 'ai-agent', CUA),
  entry('GoogleAgent-URLContext', 'ai-agent', CUA),
  entry('Google-Agent', 'ai-agent', CUA),
  entry('Gemini-Deep-Research', 'ai-agent', CUA),
  entry('Google-Gemini-CLI', 'ai-agent', AIR),
  entry('Google-NotebookLM', 'ai-agent', AIR),
  entry('NovaAct', 'ai-agent', BOTH, 'NovaAct', 'substring', 'also spelled Novaact'),
  entry('Amazon-Bedrock-AgentCore-Browser', 'ai-agent', BOTH),
  entry('Amzn-User', 'ai-agent', BOTH),
  entry('AmazonBuyForMe', 'ai-agent', AIR),
  entry('Manus-User/', 'ai-agent', BOTH),
  entry('Devin/', 'ai-agent', BOTH),
  entry('MistralAI-User/', 'ai-agent', BOTH),
  entry('DuckAssistBot', 'ai-agent', BOTH),
  entry('Kimi-User', 'ai-agent', BOTH),
  entry('TwinAgent', 'ai-agent', BOTH),
  entry('FirecrawlAgent', 'ai-agent', BOTH),
  entry('Meta-ExternalFetcher', 'ai-agent', AIR, 'Meta-ExternalFetcher', 'substring', 'user-initiated fetches'),
  entry('kagi-fetcher', 'ai-agent', AIR),
  entry('Shap-User', 'ai-agent', AIR),
  entry('mcpcli/', 'ai-agent', 'arcadeai-labs/mcpx', 'mcpcli', 'substring', 'MCP client'),
  entry('1MCP-Proxy/', 'ai-agent', '1mcp-app/agent', '1MCP-Proxy', 'substring', 'MCP client'),

  // Entra legacy authentication (no modern auth, no MFA)
  entry('BAV2ROPC', 'cli', 'SigmaHQ rules', 'legacy-auth (BAV2ROPC)'),
  entry('CBAinPROD', 'cli', 'SigmaHQ rules', 'legacy-auth (CBAinPROD)'),
  entry('CBAinTAR', 'cli', 'SigmaHQ rules', 'legacy-auth (CBAinTAR)'),

  // AI crawlers (training, indexing, search)
  entry('GPTBot/', 'ai-crawler', BOTH),
  entry('OAI-SearchBot/', 'ai-crawler', BOTH),
  entry('Claude-SearchBot/', 'ai-crawler', BOTH),
  entry('Claude-Web/', 'ai-crawler', BOTH),
  entry('ClaudeBot', 'ai-crawler', BOTH),
  entry('anthropic-ai', 'ai-crawler', BOTH),
  entry('PerplexityBot/', 'ai-crawler', BOTH),
  entry('meta-externalagent/', 'ai-crawler', BOTH),
  entry('meta-webindexer', 'ai-crawler', AIR),
  entry('cohere-ai', 'ai-crawler', BOTH),
  entry('Google-CloudVertexBot', 'ai-crawler', BOTH),
  entry('Bytespider', 'ai-crawler', AIR),
  entry('TikTokSpider', 'ai-crawler', AIR),
  entry('CCBot', 'ai-crawler', AIR),
  entry('Amazonbot', 'ai-crawler', AIR),
  entry('Applebot', 'ai-crawler', AIR, 'Applebot', 'substring', 'Apple search crawler; listed as an AI search crawler'),
  entry('AI2Bot', 'ai-crawler', AIR, 'AI2Bot', 'substring', 'also matches Ai2Bot-Dolma'),
  entry('DeepSeekBot', 'ai-crawler', AIR),
  entry('Diffbot', 'ai-crawler', AIR),
  entry('FacebookBot', 'ai-crawler', AIR),
  entry('PanguBot', 'ai-crawler', AIR),
  entry('PetalBot', 'ai-crawler', AIR),
  entry('TavilyBot', 'ai-crawler', AIR),
  entry('Timpibot', 'ai-crawler', AIR),
  entry('YouBot', 'ai-crawler', AIR),

  // General search crawlers: not AI, not a person; listed so their Chrome/Safari text is not read as a browser
  entry('Googlebot', 'unknown', CUA),
  entry('AdsBot-Google', 'unknown', CUA),
  entry('Mediapartners-Google', 'unknown', CUA),
  entry('bingbot', 'unknown', CUA),
  entry('LinkedInBot', 'unknown', CUA, 'LinkedInBot', 'substring', 'link previews; embeds Apache-HttpClient'),

  // Headless browsers
  entry('HeadlessChrome/', 'headless-browser', 'microsoft/playwright #31743; crawler-user-agents (MIT)'),
  entry('PhantomJS/', 'headless-browser', CUA),
  entry('Lightpanda', 'headless-browser', AIR),

  // Command-line tools and SDK-based CLIs
  entry('WindowsPowerShell/', 'cli', UAP),
  entry('PowerShell/', 'cli', UAP),
  entry('curl/', 'cli', UAP),
  entry('Wget/', 'cli', `${UAP}; ${CUA}`),
  entry('HTTPie/', 'cli', UAP),
  entry('PostmanRuntime/', 'cli', UAP),
  entry('aws-cli/', 'cli', 'CloudTrail samples'),
  entry('Boto3/', 'cli', 'CloudTrail samples'),
  entry('aws-sdk-', 'cli', 'CloudTrail samples', 'aws-sdk', 'substring', 'aws-sdk-java, aws-sdk-go, aws-sdk-js, ...'),

  // HTTP libraries
  entry('python-requests/', 'http-library', CUA),
  entry('python-httpx/', 'http-library', CUA),
  entry('aiohttp/', 'http-library', CUA, 'aiohttp', 'substring', 'follows Python/x.y, never starts the string'),
  entry('Python-urllib/', 'http-library', CUA),
  entry('axios/', 'http-library', `${CUA}; ${UAP}`),
  entry('node-fetch', 'http-library', `${CUA}; ${UAP}`),
  entry('Go-http-client/', 'http-library', CUA),
  entry(
    'okhttp/',
    'http-library',
    `${CUA}; ${UAP}`,
    'okhttp',
    'prefix',
    'an Android app that puts its own name first is ambiguous, so only a bare okhttp counts',
  ),
  entry('Java-http-client/', 'http-library', `${CUA}; ${UAP}`),
  entry('Java/', 'http-library', `${CUA}; ${UAP}`),
  entry('Apache-HttpClient/', 'http-library', `${CUA}; ${UAP}`),
  entry('GuzzleHttp/', 'http-library', `${CUA}; ${UAP}`),
  entry('libwww-perl/', 'http-library', CUA),
  entry('Scrapy/', 'http-library', `${CUA}; ${AIR}`),
  entry('Bun/', 'http-library', UAP),
  entry('Deno/', 'http-library', UAP),
  entry('fasthttp', 'http-library', `${CUA}; ${UAP}`),
  entry('node', 'http-library', 'nodejs/undici #2306; microsoft/vscode #264502', 'node', 'exact', "Node's built-in fetch"),
  entry('undici', 'http-library', 'nodejs/undici #2306', 'undici', 'exact', "older Node's built-in fetch"),
];
