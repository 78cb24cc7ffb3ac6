/**
 * Positions (0-based) of the ALB access log fields read, as documented by AWS:
 * `type time elb client:port target:port request_processing_time target_processing_time
 * response_processing_time elb_status_code target_status_code received_bytes sent_bytes "request"
 * "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name" "chosen_cert_arn"
 * matched_rule_priority request_creation_time "actions_executed" ...` (29 fields today; later ones,
 * such as `conn_trace_id` and the URL-rewrite fields, are accepted and not read).
 */
export const ALB_FIELDS = {
  type: 0,
  time: 1,
  elb: 2,
  client: 3,
  elbStatus: 8,
  request: 12,
  userAgent: 13,
  requestCreationTime: 21,
} as const;

/** Fields up to the user agent: fewer, and the line cannot be read. */
export const MIN_FIELDS = ALB_FIELDS.userAgent + 1;

/** `type`: the listener's protocol. */
export const REQUEST_TYPES = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']);

/** `elb`: `app/<name>/<id>` for an Application Load Balancer. */
export const ELB_PREFIX = 'app/';

export const FIELD_LIST = 'type time elb client:port ... elb_status_code ... "request" "user_agent"';
