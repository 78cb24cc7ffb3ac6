/**
 * What the access-log fixtures write into query strings and credential headers (`?token=`, `X-Amz-Signature`,
 * `FAKE-…` values): none of it may reach an event, whatever field it would land in.
 */
export const QUERY_SECRETS: readonly string[] = ['access_token', 'api_key', 'X-Amz', 'sig=', 'token=', 'code=', 'FAKE-'];
