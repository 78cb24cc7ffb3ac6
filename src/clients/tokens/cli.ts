import { entry, SRC, type TokenEntry } from './entry.js';

const CLIENT_GO = 'kubernetes/client-go rest/config.go DefaultKubernetesUserAgent: `<command>/<version> (<os>/<arch>) kubernetes/<commit>`';

/** Command-line tools and SDK-based CLIs. */
export const CLI_TOKENS: readonly TokenEntry[] = [
  entry('WindowsPowerShell/', 'cli', SRC.uap),
  entry('PowerShell/', 'cli', SRC.uap),
  entry('curl/', 'cli', SRC.uap),
  entry('curl', 'cli', SRC.cua, 'curl', 'exact', 'curl -A curl, or a build without its version'),
  entry('Wget/', 'cli', `${SRC.uap}; ${SRC.cua}`),
  entry('HTTPie/', 'cli', SRC.uap),
  entry('PostmanRuntime/', 'cli', SRC.uap),
  entry('GitHub CLI ', 'cli', 'cli/cli api/http_client.go: `GitHub CLI <version>`', 'GitHub CLI', 'prefix'),
  entry('git/', 'cli', 'git/git Makefile: GIT_USER_AGENT = git/$(GIT_VERSION)', 'git', 'prefix'),
  entry('kubectl/', 'cli', CLIENT_GO, 'kubectl', 'prefix'),
  entry(
    ' kubernetes/',
    'http-library',
    CLIENT_GO,
    'client-go',
    'substring',
    'a program built on client-go (an operator, a controller, a plugin)',
  ),
  entry('aws-cli/', 'cli', 'CloudTrail samples'),
  entry(
    'amazon-ssm-agent/',
    'http-library',
    'CloudTrail samples',
    'amazon-ssm-agent',
    'prefix',
    "the SSM Agent on an instance, with the instance's role",
  ),
  entry('Boto3/', 'cli', 'CloudTrail samples'),
  entry('aws-sdk-', 'cli', 'CloudTrail samples', 'aws-sdk', 'substring', 'aws-sdk-java, aws-sdk-go, aws-sdk-js, ...'),
  entry('AZURECLI/', 'cli', 'Azure/azure-cli azure-cli-core: UA_AGENT = "AZURECLI/{version}" appended', 'az'),
  entry('gcloud/', 'cli', 'googlecloudsdk/core/transport.py MakeUserAgentString: `gcloud/<version> command/<command> ...`', 'gcloud'),
  entry(
    'Terraform/',
    'cli',
    'hashicorp/terraform-plugin-sdk: `HashiCorp Terraform/<version> (+https://www.terraform.io) Terraform Plugin SDK/<version>`',
    'Terraform',
  ),
];
