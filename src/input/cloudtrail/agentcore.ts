import type { AgentEvidence, ClientHeaders } from '../../model/event.js';
import { getPath, isObject, type JsonObject } from '../fields.js';
import { agentEvidence, proofOf, proofs } from '../common/agent-evidence.js';
import { boundedText, MAX_NAME } from '../common/bounded.js';
import { clientHeaders } from '../common/client-headers.js';

/**
 * Amazon Bedrock AgentCore in CloudTrail (`eventSource` bedrock-agentcore.amazonaws.com):
 * - AgentCore Identity hands a registered agent (`requestParameters.workloadName`) a workload access token:
 *   `GetWorkloadAccessToken` for the agent itself (`own`), `GetWorkloadAccessTokenForJWT` and
 *   `GetWorkloadAccessTokenForUserId` (`requestParameters.userId`) for a user it acts for (`delegated`);
 * - AgentCore Gateway's MCP data events (`InvokeMcp`, later `InvokeGateway`) carry the JSON-RPC request in
 *   `requestParameters.body`: its `method` and the tool (`params.name`) or resource (`params.uri`) are read as the MCP
 *   headers would be, where CloudTrail did not redact them.
 */
export const AGENTCORE_SOURCE = 'bedrock-agentcore.amazonaws.com';

const OWN_TOKEN = 'GetWorkloadAccessToken';
export const WORKLOAD_TOKENS: ReadonlySet<string> = new Set([OWN_TOKEN, 'GetWorkloadAccessTokenForJWT', 'GetWorkloadAccessTokenForUserId']);
const MCP_EVENTS: ReadonlySet<string> = new Set(['InvokeMcp', 'InvokeGateway']);

const param = (record: JsonObject, name: string): string | undefined => boundedText(getPath(record, `requestParameters.${name}`), MAX_NAME);

export function agentCoreAgent(record: JsonObject, eventName: string): AgentEvidence | undefined {
  if (!WORKLOAD_TOKENS.has(eventName)) return undefined;
  const workload = param(record, 'workloadName');
  const name = proofOf('eventName', eventName);
  const proof = workload !== undefined ? proofs(name, proofOf('requestParameters.workloadName', workload)) : name;
  if (eventName === OWN_TOKEN) return agentEvidence('own', proof, workload);
  return agentEvidence('delegated', proof, workload, param(record, 'userId'));
}

export function agentCoreHeaders(record: JsonObject, eventName: string): ClientHeaders | undefined {
  if (!MCP_EVENTS.has(eventName)) return undefined;
  const body = getPath(record, 'requestParameters.body');
  if (!isObject(body)) return undefined;
  const params = isObject(body.params) ? body.params : {};
  return clientHeaders({ mcpMethod: body.method, mcpName: params.name ?? params.uri });
}
