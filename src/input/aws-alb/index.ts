import type { LogFormat } from '../format.js';
import { detectAlb } from './detect.js';
import { ALB_ID, mapAlb } from './map.js';

export const awsAlb: LogFormat = {
  id: ALB_ID,
  title: 'AWS Application Load Balancer access log',
  container: 'text',
  detection: { tier: 'product' },
  detect: detectAlb,
  map: mapAlb,
  docs: {
    summary:
      'AWS Application Load Balancer access logs as delivered to S3 (`*.log.gz`, one request per line, ' +
      'space-separated with quoted fields); the 29 documented fields, extra trailing fields accepted. The ' +
      'request\'s absolute URL (`"GET https://host:443/path?q HTTP/1.1"`) gives the path only. ALB never logs ' +
      'a user or a session; `trace_id` has no place in the event model and is not read.',
    detectedBy: `most of the first lines start with a listener type (http, https, h2, grpcs, ws, wss), an ISO time and an \`app/…\` load balancer`,
    fields: {
      user: 'none (ALB does not log identity, even after an `authenticate` action)',
      session: 'none',
      client: 'user agent: `user_agent`, field 14',
      time: '`time`, field 2 (when the response was sent); `request_creation_time` when it is unreadable',
      ip: '`client:port`, field 4, split on the last `:`',
    },
  },
};
