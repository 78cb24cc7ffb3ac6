import { describe, expect, it } from 'vitest';
import { classifyClient } from '../../src/clients/classify.js';
import { CHROME_MAC_131 } from './ua.js';

/** Each user agent is built the way the project's own source builds it (see the table entry's source). */
describe('agent clients teams run, as their own code spells them', () => {
  it.each([
    // the examples of issue 15
    ['codex_cli_rs/0.46.0 (Mac OS 15.6.1; arm64) iTerm.app/3.6.1', 'ai-agent', 'Codex'],
    ['Anthropic/Python 0.42.0', 'ai-agent', 'anthropic-sdk-python'],
    ['OpenAI/JS 7.5.0', 'ai-agent', 'openai-node'],
    ['GeminiCLI/0.56.0/gemini-2.5-pro (linux; x64; terminal)', 'ai-agent', 'Gemini CLI'],
    ['GitHubCopilotChat/0.42.0', 'ai-agent', 'GitHub Copilot'],
    ['Playwright/1.55.0 (x64; ubuntu 22.04) node/20.19', 'headless-browser', 'Playwright'],
    ['kubectl/v1.33.3 (darwin/arm64) kubernetes/80779bd', 'cli', 'kubectl'],
  ])('%s is %s %s', (ua, cls, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: cls, family });
  });

  it.each([
    // coding agents and their IDE shells
    ['codex_exec/0.125.0 (Mac OS 15.7.3; x86_64) ghostty/1.3.1', 'Codex'],
    ['codex_vscode/0.46.0 (Windows 10.0.26100; x86_64) vscode/1.105.1', 'Codex'],
    ['GeminiCLI-acp/0.56.0/gemini-2.5-flash (darwin; arm64; terminal)', 'Gemini CLI'],
    [
      'CloudCodeVSCode/2.50.0 (aidev_client; os_type=macOS; os_version=24.6.0; arch=arm64; host_path=VSCode/1.105.1; proxy_client=geminicli)',
      'Gemini Code Assist',
    ],
    ['claude-cli/2.1.205 (external, cli)', 'Claude Code'],
    ['Cline/3.38.0', 'Cline'],
    ['goose/1.12.0', 'goose'],
    ['opencode/1.18.31 ai-sdk/provider-utils/4.0.23 runtime/bun/1.3.14', 'opencode'],
    ['Zed/0.210.4 (macos; aarch64)', 'Zed'],
    [`${CHROME_MAC_131.replace('Chrome/', 'Cursor/2.1.32 Chrome/').replace('Safari/', 'Electron/37.7.0 Safari/')}`, 'Cursor'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Windsurf/1.110.1 Chrome/142.0.7444.265 Electron/39.6.0 Safari/537.36',
      'Windsurf',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Code/1.115.0 Chrome/142.0.7444.265 Electron/39.8.5 Safari/537.36',
      'VS Code',
    ],
    // Aider scrapes with Playwright's Chrome, "Headless" removed, its own token appended
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.7103.25 Safari/537.36 Aider/0.86.1 +https://aider.chat',
      'Aider',
    ],
    // LLM SDKs and frameworks
    ['AsyncOpenAI/Python 1.109.1', 'openai-python'],
    ['AzureOpenAI/Python 1.109.1', 'openai-python'],
    ['OpenAI/Go 2.7.1', 'openai-go'],
    ['AsyncAnthropic/Python 0.69.0', 'anthropic-sdk-python'],
    ['Anthropic/JS 0.65.0', 'anthropic-sdk-typescript'],
    ['AnthropicBedrock/Python 0.69.0', 'anthropic-sdk (Bedrock)'],
    ['python-requests/2.32.5 google-genai-sdk/1.41.0 gl-python/3.12.11', 'Google Gen AI SDK'],
    ['node ai-sdk/provider-utils/3.0.1 runtime/node.js/22', 'Vercel AI SDK'],
    ['langchain/0.3.27', 'LangChain'],
    ['llama-index-tools-apiverve/0.1.0', 'LlamaIndex'],
    // MCP clients and assistants that fetch for a user
    ['openai-mcp/1.0.0', 'ChatGPT MCP connector'],
    ['Claude-User (claude-code/2.1.86; +https://support.anthropic.com/)', 'Claude Code'],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot', 'ChatGPT-User'],
  ])('%s is the ai-agent %s', (ua, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: 'ai-agent', family });
  });

  it.each([
    ['GitHub CLI 2.80.0', 'cli', 'GitHub CLI'],
    ['git/2.47.0', 'cli', 'git'],
    ['python/3.12.4 (Linux-6.8.0-x86_64-with-glibc2.39) AZURECLI/2.78.0 (DEB)', 'cli', 'az'],
    ['google-cloud-sdk gcloud/527.0.0 command/gcloud.run.deploy invocation-id/abc environment/None', 'cli', 'gcloud'],
    [
      'HashiCorp Terraform/1.13.3 (+https://www.terraform.io) Terraform Plugin SDK/2.10.1 terraform-provider-aws/6.14.1',
      'cli',
      'Terraform',
    ],
    ['aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8', 'cli', 'aws-cli'],
    ['my-operator/v0.4.1 (linux/amd64) kubernetes/$Format', 'http-library', 'client-go'],
    ['python-urllib3/2.5.0', 'http-library', 'python-urllib3'],
    ['Faraday v2.14.0', 'http-library', 'Faraday'],
    ['Zapier', 'http-library', 'Zapier'],
    ['n8n', 'http-library', 'n8n'],
    ['Make/production', 'http-library', 'Make'],
    [`${CHROME_MAC_131}; Selenium`, 'headless-browser', 'Selenium'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36 Puppeteer',
      'headless-browser',
      'HeadlessChrome',
    ],
  ])('%s is %s %s', (ua, cls, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: cls, family });
  });

  it('a tool that names the agent running it is that agent (GitHub CLI appends Agent/<name>)', () => {
    expect(classifyClient('GitHub CLI 2.80.0 Agent/claude-code')).toMatchObject({ class: 'ai-agent', family: 'claude-code' });
    // a version there is a product's own, not an agent's name
    expect(classifyClient('Datadog Agent/7.69.2')).toMatchObject({ class: 'ai-agent', family: 'Datadog Agent' });
  });

  it("an agent token appended to a browser string is the agent, and keeps the browser's OS", () => {
    expect(classifyClient(`${CHROME_MAC_131} Aider/0.86.1 +https://aider.chat`)).toMatchObject({ class: 'ai-agent', os: 'macOS' });
  });
});
