import type { Dialect } from './dialect.js';
import { networkCtes } from './network.js';
import type { CompiledRegistry } from './registry.js';

/**
 * The session join in SQL, as the streaming engine does it (engine/sessions.ts, join.ts, merge.ts), written order-free:
 * where the streaming engine keeps "the first event read", SQL takes the earliest by (time, file, line).
 *
 * bs_ev    events with their client (the client table joined by signature) and raw session: the session id, else
 *          `token:` + token id, else `~format:user@ip` (inferred)
 * bs_ev1   token-only events moved to the session the token was first seen with (via 2)
 * bs_evf   activity known only by user and IP moved into the one interactive session of that user whose human
 *          clients used that IP and whose lifetime covers it (via 3): fsid is the final session
 * bs_sess, bs_sess_user, bs_sess_users, bs_sess_start, bs_sess_parent    per final session
 * bs_clix  per session and client: counts, times, first user agent, identity, sign-in, how it was joined, agent
 */
export function correlateCtes(d: Dialect, clients: string, registry: CompiledRegistry | undefined): string[] {
  const earliest = 'ORDER BY t, file, line';
  const first = (name: string, select: string, from: string, partition: string, order = earliest) =>
    `${name} AS (SELECT ${select} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY ${partition} ${order}) AS rn FROM ${from}) x WHERE rn = 1)`;
  const reg = registry;
  return [
    `bs_cl AS (SELECT c.*, ${reg ? reg.ignored('c.ua_event') : 'FALSE'} AS ignored, ${reg ? reg.agentByUserAgent('c.ua_event') : 'CAST(NULL AS INTEGER)'} AS sig_agent FROM ${clients} c)`,
    `bs_evc AS (SELECT e.*, c.ckey, c.ua_event, c.console_browser, c.sig_agent, c.is_automation, c.id_key FROM bs_ev0 e JOIN bs_cl c ON c.sig = e.sig WHERE NOT c.ignored)`,
    `bs_ev AS (SELECT t, file, line, format, ` +
      `CASE WHEN console_candidate AND console_browser THEN 'signin' ELSE kind END AS kind, ` +
      `CASE WHEN console_candidate AND console_browser THEN concat(action, ' (console session)') ELSE action END AS action, ` +
      `outcome, user_name, user_lc, session_id, root_session_id, token_id, client_id, grant_type, ip, ua_event, ` +
      `CASE WHEN console_candidate AND console_browser THEN TRUE ELSE interactive END AS interactive, app, method, path, status, h_mcp_name, ` +
      `ckey, sig_agent, is_automation, id_key, ` +
      `coalesce(session_id, CASE WHEN token_id IS NOT NULL THEN concat('token:', token_id) END, ` +
      `concat('~', format, ':', coalesce(user_lc, '-'), '@', coalesce(ip, '-'))) AS sid0 FROM bs_evc)`,
    first('bs_tok', 'token_id, session_id', `bs_ev WHERE session_id IS NOT NULL AND token_id IS NOT NULL`, 'token_id'),
    `bs_ev1 AS (SELECT e.*, ` +
      `CASE WHEN e.session_id IS NULL AND k.session_id IS NOT NULL THEN k.session_id ELSE e.sid0 END AS sid1, ` +
      `CASE WHEN e.session_id IS NULL AND k.session_id IS NOT NULL THEN 2 ELSE 1 END AS via1 ` +
      `FROM bs_ev e LEFT JOIN bs_tok k ON e.session_id IS NULL AND k.token_id = e.token_id)`,
    `bs_s1 AS (SELECT sid1, min(t) AS first_seen, max(t) AS last_seen, count(DISTINCT user_lc) AS n_users, min(user_lc) AS one_user, ` +
      `min(CASE WHEN kind = 'signout' THEN t END) AS ended_at FROM bs_ev1 GROUP BY sid1)`,
    first(
      'bs_start1',
      'sid1, t AS start_t, coalesce(interactive, FALSE) AS start_interactive',
      `bs_ev1 WHERE kind = 'signin' AND outcome = 'success'`,
      'sid1',
    ),
    `bs_cand AS (SELECT s.sid1, st.start_t AS from_t, coalesce(s.ended_at, s.last_seen + 7200000) AS to_t, ` +
      `CASE WHEN s.sid1 LIKE '~%' THEN 'inferred' ELSE 'session-id' END AS corr ` +
      `FROM bs_s1 s JOIN bs_start1 st ON st.sid1 = s.sid1 WHERE st.start_interactive)`,
    `bs_cand_users AS (SELECT DISTINCT e.sid1, e.user_lc FROM bs_ev1 e JOIN bs_cand c ON c.sid1 = e.sid1 WHERE e.user_lc IS NOT NULL)`,
    `bs_cand_ips AS (SELECT DISTINCT e.sid1, e.ip FROM bs_ev1 e JOIN bs_cand c ON c.sid1 = e.sid1 WHERE e.ip IS NOT NULL AND NOT e.is_automation)`,
    `bs_joiner AS (SELECT s.sid1, s.first_seen, s.one_user FROM bs_s1 s LEFT JOIN bs_start1 st ON st.sid1 = s.sid1 ` +
      `WHERE s.sid1 LIKE '~%' AND st.sid1 IS NULL AND s.n_users = 1)`,
    `bs_joiner_ips AS (SELECT DISTINCT e.sid1, e.ip FROM bs_ev1 e JOIN bs_joiner j ON j.sid1 = e.sid1 WHERE e.ip IS NOT NULL)`,
    `bs_match AS (SELECT DISTINCT j.sid1 AS jid, c.sid1 AS cid, c.corr FROM bs_joiner j ` +
      `JOIN bs_cand c ON c.sid1 <> j.sid1 AND j.first_seen >= c.from_t AND j.first_seen <= c.to_t ` +
      `JOIN bs_cand_users u ON u.sid1 = c.sid1 AND u.user_lc = j.one_user ` +
      `JOIN bs_joiner_ips ji ON ji.sid1 = j.sid1 JOIN bs_cand_ips ci ON ci.sid1 = c.sid1 AND ci.ip = ji.ip)`,
    `bs_best AS (SELECT jid, CASE WHEN count(*) = 1 THEN min(cid) ` +
      `WHEN sum(CASE WHEN corr = 'session-id' THEN 1 ELSE 0 END) = 1 THEN min(CASE WHEN corr = 'session-id' THEN cid END) END AS cid ` +
      `FROM bs_match GROUP BY jid)`,
    `bs_evf AS (SELECT e.*, coalesce(b.cid, e.sid1) AS fsid, CASE WHEN b.cid IS NOT NULL THEN 3 ELSE e.via1 END AS via ` +
      `FROM bs_ev1 e LEFT JOIN bs_best b ON b.jid = e.sid1 AND b.cid IS NOT NULL)`,
    `bs_sess AS (SELECT fsid, CASE WHEN fsid LIKE '~%' THEN 'inferred' ELSE 'session-id' END AS corr, min(t) AS first_seen, ` +
      `max(t) AS last_seen, min(CASE WHEN kind = 'signout' THEN t END) AS ended_at FROM bs_evf GROUP BY fsid)`,
    first('bs_sess_user', 'fsid, user_name', 'bs_evf WHERE user_name IS NOT NULL', 'fsid', 'ORDER BY via, t, file, line'),
    `bs_sess_users AS (SELECT DISTINCT fsid, user_lc FROM bs_evf WHERE user_lc IS NOT NULL)`,
    first(
      'bs_sess_start',
      'fsid, t AS start_t, ckey AS start_key, coalesce(interactive, FALSE) AS start_interactive',
      `bs_evf WHERE kind = 'signin' AND outcome = 'success'`,
      'fsid',
    ),
    first(
      'bs_sess_parent',
      'fsid, root_session_id AS parent_id',
      'bs_evf WHERE via = 1 AND root_session_id IS NOT NULL AND root_session_id <> fsid',
      'fsid',
    ),
    `bs_deleg AS (SELECT p.fsid, lower(u.user_name) AS delegator, u.user_name AS delegator_name FROM bs_sess_parent p JOIN bs_sess_user u ON u.fsid = p.parent_id)`,
    `bs_cli AS (SELECT fsid, ckey, count(*) AS n, min(t) AS first_seen, max(t) AS last_seen, min(via) AS via, min(ip) AS min_ip FROM bs_evf GROUP BY fsid, ckey)`,
    first('bs_cli_first', 'fsid, ckey, ua_event, id_key', 'bs_evf', 'fsid, ckey'),
    first(
      'bs_cli_signin',
      'fsid, ckey, t AS signin_t, coalesce(interactive, FALSE) AS signin_interactive',
      `bs_evf WHERE kind = 'signin' AND outcome = 'success'`,
      'fsid, ckey',
    ),
    `bs_cli_ips AS (SELECT DISTINCT fsid, ckey, ip FROM bs_evf WHERE ip IS NOT NULL)`,
    `bs_cli_ids AS (SELECT DISTINCT fsid, ckey, client_id FROM bs_evf WHERE client_id IS NOT NULL)`,
    ...networkCtes(d, 'bs_nets', 'bs_cli_ips'),
    ...(reg
      ? [
          `bs_agent_id AS (SELECT i.fsid, i.ckey, min(r.agent) AS agent FROM bs_cli_ids i JOIN ${reg.clients} r ON r.client_id = i.client_id GROUP BY i.fsid, i.ckey)`,
          `bs_agent_user AS (SELECT u.fsid, min(r.agent) AS agent FROM bs_sess_users u JOIN ${reg.identities} r ON r.identity_lc = u.user_lc GROUP BY u.fsid)`,
        ]
      : []),
    // One row per session and client; the identity is the client table's row for the client key (the same key, the same identity).
    `bs_clix0 AS (SELECT c.fsid, c.ckey, c.n, c.first_seen, c.last_seen, c.min_ip, ` +
      `CASE c.via WHEN 2 THEN 'token-id' WHEN 3 THEN 'user-ip-time' END AS joined_by, ` +
      `coalesce(f.ua_event, k.hint_text) AS ua, f.id_key, k.cclass, k.family, k.os, k.label, k.authority_kind, k.contradicted, ` +
      `k.is_human, k.is_automation, k.own_credential, k.unjudged, si.signin_t, coalesce(si.signin_interactive, FALSE) AS signin_interactive ` +
      `FROM bs_cli c JOIN bs_cli_first f ON f.fsid = c.fsid AND f.ckey = c.ckey ` +
      `JOIN (SELECT ckey, min(cclass) AS cclass, min(family) AS family, min(os) AS os, min(label) AS label, min(authority_kind) AS authority_kind, ` +
      `max(contradicted) AS contradicted, max(is_human) AS is_human, max(is_automation) AS is_automation, max(own_credential) AS own_credential, ` +
      `max(unjudged) AS unjudged, ` +
      `min(hint_text) AS hint_text FROM bs_cl GROUP BY ckey) k ON k.ckey = c.ckey ` +
      `LEFT JOIN bs_cli_signin si ON si.fsid = c.fsid AND si.ckey = c.ckey)`,
    reg
      ? `bs_clix AS (SELECT c.*, ${reg.agentByUserAgent('c.ua')} AS ua_agent, coalesce(ai.agent, ${reg.agentByUserAgent('c.ua')}) AS agent_by_client, ` +
        `coalesce(au.agent, ai.agent, ${reg.agentByUserAgent('c.ua')}) AS agent_of_client FROM bs_clix0 c ` +
        `LEFT JOIN bs_agent_id ai ON ai.fsid = c.fsid AND ai.ckey = c.ckey LEFT JOIN bs_agent_user au ON au.fsid = c.fsid)`
      : `bs_clix AS (SELECT c.*, CAST(NULL AS INTEGER) AS ua_agent, CAST(NULL AS INTEGER) AS agent_by_client, CAST(NULL AS INTEGER) AS agent_of_client FROM bs_clix0 c)`,
    `bs_starter AS (SELECT st.fsid, st.start_t, st.start_key FROM bs_sess_start st JOIN bs_clix c ON c.fsid = st.fsid AND c.ckey = st.start_key ` +
      `WHERE st.start_interactive AND (c.authority_kind IS NULL OR c.authority_kind = 'not-agent') ` +
      `AND (c.is_human OR (c.cclass = 'unknown' AND NOT c.contradicted)))`,
  ];
}
