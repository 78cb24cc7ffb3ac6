/**
 * The shard key: everything one finding depends on lands in one shard, so running the detection query on each shard
 * and concatenating the findings gives the findings of the whole (test/lake/shards.test.ts proves it with 4 shards).
 *
 * key = the lower-cased user of the session's parent (a derived session goes with the person it derives from), else
 * of the session itself (its smallest user name: events without a user, such as access-log lines that carry only the
 * session id, go with their session), else the event's own user, else its session id.
 *
 * Sessions are found as the engine finds them: the session id, else the session that a token id was first seen
 * with, else the token id. Activity known only by user and IP joins a session of the same user, so the user is the key.
 */
/** Every exported row of `relation` with its `shard_key` column (portable SQL: DuckDB, Trino, Spark). */
export function shardKeyQuery(relation: string): string {
  return [
    'WITH',
    `bs_r AS (SELECT t.*, actor.session.uid AS k_session, borrowscan.token_uid AS k_token, lower(actor.user.name) AS k_user, ` +
      `borrowscan.root_session_uid AS k_root, borrowscan.time_ms AS k_t, borrowscan.file AS k_file, borrowscan.line AS k_line FROM ${relation} t),`,
    `bs_tok AS (SELECT k_token, k_session FROM (SELECT k_token, k_session, ROW_NUMBER() OVER (PARTITION BY k_token ORDER BY k_t, k_file, k_line) AS rn ` +
      `FROM bs_r WHERE k_session IS NOT NULL AND k_token IS NOT NULL) x WHERE rn = 1),`,
    `bs_rs AS (SELECT r.*, coalesce(r.k_session, k.k_session, concat('token:', r.k_token)) AS k_sid FROM bs_r r ` +
      `LEFT JOIN bs_tok k ON r.k_session IS NULL AND k.k_token = r.k_token),`,
    `bs_su AS (SELECT k_sid, min(k_user) AS s_user, min(CASE WHEN k_root <> k_sid THEN k_root END) AS s_root FROM bs_rs GROUP BY k_sid),`,
    `bs_keyed AS (SELECT r.*, coalesce(p.s_user, s.s_user, r.k_user, r.k_sid, '') AS shard_key FROM bs_rs r ` +
      `LEFT JOIN bs_su s ON s.k_sid = r.k_sid LEFT JOIN bs_su p ON p.k_sid = s.s_root)`,
    `SELECT * FROM bs_keyed`,
  ].join('\n');
}
