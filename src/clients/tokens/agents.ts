import { entry, SRC, type TokenEntry } from './entry.js';

const CODEX =
  'openai/codex codex-rs/core/src/default_client.rs: `<originator>/<version> (<os> <version>; <arch>) <terminal>`, originator codex_cli_rs unless a front end sets its own codex_*';
const GEMINI_CLI =
  'google-gemini/gemini-cli packages/core/src/core/contentGenerator.ts: `GeminiCLI[-<client>]/<version>/<model> (<platform>; <arch>; <surface>)`';
const CLAUDE_CODE = 'anthropics/claude-code issues';
const ELECTRON_IDE = 'crawler-user-agents (MIT) lists the Code/ and Trae/ Electron shells as AI coding agents';
const VSCODE_FORK = 'the same VS Code-fork Electron shell as Code/ (crawler-user-agents, MIT), as web apps log it';
const STAINLESS_PY = '_base_client.py: `{client class}/Python {version}`';
// biome-ignore lint/suspicious/noTemplateCurlyInString: quotes the SDK's own template literal as its source
const STAINLESS_JS = 'client: `${this.constructor.name}/JS ${VERSION}`';
const LLM_SDK = 'an LLM SDK: the program calling through it is an AI application';

/** Agents that act for a person: coding agents and their IDE shells, assistants that fetch, LLM SDKs, MCP clients. */
export const AGENT_TOKENS: readonly TokenEntry[] = [
  // Coding agents: CLIs and IDE extensions
  entry('codex_', 'ai-agent', CODEX, 'Codex', 'prefix'),
  entry('claude-cli/', 'ai-agent', CLAUDE_CODE, 'Claude Code'),
  entry('claude-code/', 'ai-agent', CLAUDE_CODE, 'Claude Code'),
  // Before GeminiCLI: its VS Code form ends `proxy_client=geminicli`.
  entry('CloudCodeVSCode/', 'ai-agent', `${GEMINI_CLI}; CloudCodeVSCode/<version> (aidev_client; ...) in VS Code`, 'Gemini Code Assist'),
  entry('GeminiCLI', 'ai-agent', GEMINI_CLI, 'Gemini CLI'),
  entry('Google-Gemini-CLI', 'ai-agent', SRC.air, 'Gemini CLI', 'substring', 'its web fetch'),
  entry(
    'GitHubCopilotChat/',
    'ai-agent',
    'microsoft/vscode-copilot-chat src/platform/networking/node/nodeFetcher.ts: `GitHubCopilotChat/<version>`',
    'GitHub Copilot',
  ),
  entry('Cline/', 'ai-agent', 'cline/cline buildExternalBasicHeaders: `Cline/<version>`', 'Cline', 'prefix'),
  entry(
    'Aider/',
    'ai-agent',
    "Aider-AI/aider aider/scrape.py: `Aider/<version> +https://aider.chat`, appended to its browser's user agent",
    'Aider',
  ),
  entry('goose/', 'ai-agent', 'block/goose WebFetchTool: `goose/<version>`', 'goose', 'prefix'),
  entry(
    'opencode',
    'ai-agent',
    'sst/opencode packages/opencode/src/session/llm/request.ts: `opencode/<version>`; opencode-smartfetch in crawler-user-agents (MIT)',
    'opencode',
    'prefix',
  ),
  entry(
    'Zed/',
    'ai-agent',
    'zed-industries/zed crates/zed/src/main.rs: `Zed/<version> (<os>; <arch>)`',
    'Zed',
    'prefix',
    "the editor's HTTP client, which its agent's fetch tool uses",
  ),
  entry('Gecko) Code/', 'ai-agent', ELECTRON_IDE, 'VS Code', 'substring', "the IDE's built-in browser, which GitHub Copilot drives"),
  entry('Gecko) Trae/', 'ai-agent', ELECTRON_IDE, 'Trae'),
  entry('Gecko) Cursor/', 'ai-agent', VSCODE_FORK, 'Cursor'),
  entry('Gecko) Windsurf/', 'ai-agent', VSCODE_FORK, 'Windsurf'),
  entry('Devin/', 'ai-agent', SRC.both),

  // Assistants that fetch or browse for a user
  entry('ChatGPT-User/', 'ai-agent', SRC.cua),
  entry('Claude-User', 'ai-agent', SRC.cua),
  entry('Perplexity-User/', 'ai-agent', SRC.cua),
  entry('GoogleAgent-Mariner', 'ai-agent', SRC.cua),
  entry('GoogleAgent-URLContext', 'ai-agent', SRC.cua),
  entry('Google-Agent', 'ai-agent', SRC.cua),
  entry('Gemini-Deep-Research', 'ai-agent', SRC.cua),
  entry('Google-NotebookLM', 'ai-agent', SRC.air),
  entry('NovaAct', 'ai-agent', SRC.both, 'NovaAct', 'substring', 'also spelled Novaact'),
  entry('Amazon-Bedrock-AgentCore-Browser', 'ai-agent', SRC.both),
  entry('Amzn-User', 'ai-agent', SRC.both),
  entry('AmazonBuyForMe', 'ai-agent', SRC.air),
  entry('Manus-User/', 'ai-agent', SRC.both),
  entry('MistralAI-User/', 'ai-agent', SRC.both),
  entry('DuckAssistBot', 'ai-agent', SRC.both),
  entry('Kimi-User', 'ai-agent', SRC.both),
  entry('TwinAgent', 'ai-agent', SRC.both),
  entry('FirecrawlAgent', 'ai-agent', SRC.both),
  entry('Meta-ExternalFetcher', 'ai-agent', SRC.air, 'Meta-ExternalFetcher', 'substring', 'user-initiated fetches'),
  entry('kagi-fetcher', 'ai-agent', SRC.air),
  entry('Shap-User', 'ai-agent', SRC.air),

  // MCP clients
  entry(
    'openai-mcp/',
    'ai-agent',
    "OpenAI's MCP client (ChatGPT connectors, Codex) as MCP servers log it: `openai-mcp/1.0.0`",
    'ChatGPT MCP connector',
  ),
  entry('mcpcli/', 'ai-agent', 'arcadeai-labs/mcpx', 'mcpcli', 'substring', 'MCP client'),
  entry('1MCP-Proxy/', 'ai-agent', '1mcp-app/agent', '1MCP-Proxy', 'substring', 'MCP client'),

  // LLM SDKs and agent frameworks
  entry('OpenAI/Python', 'ai-agent', `openai/openai-python src/openai/${STAINLESS_PY}`, 'openai-python', 'substring', LLM_SDK),
  entry('OpenAI/JS', 'ai-agent', `openai/openai-node ${STAINLESS_JS}`, 'openai-node', 'substring', LLM_SDK),
  entry('OpenAI/Go', 'ai-agent', 'openai/openai-go: `OpenAI/Go <version>`', 'openai-go', 'substring', LLM_SDK),
  entry(
    'Anthropic/Python',
    'ai-agent',
    `anthropics/anthropic-sdk-python src/anthropic/${STAINLESS_PY}`,
    'anthropic-sdk-python',
    'substring',
    LLM_SDK,
  ),
  entry(
    'AnthropicBedrock/',
    'ai-agent',
    'anthropics/anthropic-sdk-python and -typescript: the Bedrock client class',
    'anthropic-sdk (Bedrock)',
    'substring',
    LLM_SDK,
  ),
  entry(
    'AnthropicVertex/',
    'ai-agent',
    'anthropics/anthropic-sdk-python and -typescript: the Vertex client class',
    'anthropic-sdk (Vertex)',
    'substring',
    LLM_SDK,
  ),
  entry(
    'Anthropic/JS',
    'ai-agent',
    `anthropics/anthropic-sdk-typescript ${STAINLESS_JS}`,
    'anthropic-sdk-typescript',
    'substring',
    LLM_SDK,
  ),
  entry(
    'google-genai-sdk/',
    'ai-agent',
    'googleapis/python-genai google/genai/_api_client.py: `google-genai-sdk/<version> gl-python/<version>` appended',
    'Google Gen AI SDK',
    'substring',
    LLM_SDK,
  ),
  entry(
    'ai-sdk/',
    'ai-agent',
    'vercel/ai packages/provider-utils: `ai-sdk/provider-utils/<version> runtime/<runtime>` appended',
    'Vercel AI SDK',
    'substring',
    LLM_SDK,
  ),
  entry(
    'langchain',
    'ai-agent',
    'langchain-ai/langchain libs/partners/groq/langchain_groq/chat_models.py: `langchain/<version>`; integrations send langchain-<name>/<version>',
    'LangChain',
    'substring',
    LLM_SDK,
  ),
  entry(
    'llama-index',
    'ai-agent',
    'run-llama/llama_index integrations: `llama-index-tools-<name>/<version>`',
    'LlamaIndex',
    'substring',
    LLM_SDK,
  ),
];
