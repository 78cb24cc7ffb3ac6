import { entry, SRC, type TokenEntry } from './entry.js';

/** Crawlers that train, index or search for AI products. */
export const AI_CRAWLER_TOKENS: readonly TokenEntry[] = [
  entry('GPTBot/', 'ai-crawler', SRC.both),
  entry('OAI-SearchBot/', 'ai-crawler', SRC.both),
  entry('Claude-SearchBot/', 'ai-crawler', SRC.both),
  entry('Claude-Web/', 'ai-crawler', SRC.both),
  entry('ClaudeBot', 'ai-crawler', SRC.both),
  entry('anthropic-ai', 'ai-crawler', SRC.both),
  entry('PerplexityBot/', 'ai-crawler', SRC.both),
  entry('meta-externalagent/', 'ai-crawler', SRC.both),
  entry('meta-webindexer', 'ai-crawler', SRC.air),
  entry('cohere-ai', 'ai-crawler', SRC.both),
  entry('Google-CloudVertexBot', 'ai-crawler', SRC.both),
  entry('Bytespider', 'ai-crawler', SRC.air),
  entry('TikTokSpider', 'ai-crawler', SRC.air),
  entry('CCBot', 'ai-crawler', SRC.air),
  entry('Amazonbot', 'ai-crawler', SRC.air),
  entry('Applebot', 'ai-crawler', SRC.air, 'Applebot', 'substring', 'Apple search crawler; listed as an AI search crawler'),
  entry('AI2Bot', 'ai-crawler', SRC.air, 'AI2Bot', 'substring', 'also matches Ai2Bot-Dolma'),
  entry('DeepSeekBot', 'ai-crawler', SRC.air),
  entry('Diffbot', 'ai-crawler', SRC.air),
  entry('FacebookBot', 'ai-crawler', SRC.air),
  entry('PanguBot', 'ai-crawler', SRC.air),
  entry('PetalBot', 'ai-crawler', SRC.air),
  entry('TavilyBot', 'ai-crawler', SRC.air),
  entry('Timpibot', 'ai-crawler', SRC.air),
  entry('YouBot', 'ai-crawler', SRC.air),
];

/**
 * Search, ad and link-preview crawlers, named so that their Chrome or Safari text is not read as a browser and so
 * that the ones whose name says no `bot` are known too. Their class follows from their shape (`crawler`).
 */
export const NAMED_CRAWLER_TOKENS: readonly TokenEntry[] = [
  entry('Googlebot', 'crawler', SRC.cua),
  entry('AdsBot-Google', 'crawler', SRC.cua),
  entry('Mediapartners-Google', 'crawler', SRC.cua),
  entry('Google-InspectionTool', 'crawler', SRC.cua),
  entry('GoogleOther', 'crawler', SRC.cua),
  entry('Google-Read-Aloud', 'crawler', SRC.cua),
  entry('Google-Safety', 'crawler', SRC.cua),
  entry('Google Favicon', 'crawler', SRC.cua),
  entry('Google Web Preview', 'crawler', SRC.cua),
  entry('bingbot', 'crawler', SRC.cua),
  entry('BingPreview', 'crawler', SRC.cua, 'BingPreview', 'substring', 'page previews'),
  entry('LinkedInBot', 'crawler', SRC.cua, 'LinkedInBot', 'substring', 'link previews; embeds Apache-HttpClient'),
  entry('facebookexternalhit', 'crawler', SRC.cua, 'facebookexternalhit', 'substring', 'link previews'),
  entry('WhatsApp', 'crawler', SRC.cua, 'WhatsApp', 'prefix', 'link previews fetched by the app'),
  entry('Iframely', 'crawler', SRC.cua, 'Iframely', 'substring', 'link previews'),
  entry('Embedly', 'crawler', SRC.cua, 'Embedly', 'substring', 'link previews'),
  entry('AppInsights', 'crawler', SRC.cua, 'AppInsights', 'substring', 'Azure Application Insights availability tests'),
];
