// WWW-Authenticate challenges (RFC 6750, RFC 9728) for requests refused for want of a valid token (401) or scope (403).
import type { Refusal } from '../transports/http.js';

export type ChallengeError = 'invalid_token' | 'insufficient_scope';

export interface ChallengeContext {
  /** The URL of this server's protected resource metadata. */
  resourceMetadata: string;
  /** The scopes a client should ask for. */
  scopes: readonly string[];
}

/** RFC 6750 allows only these characters in a quoted error_description: no quote, no backslash. */
const quotable = (text: string) => text.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, ' ');

export function bearerChallenge(context: ChallengeContext, error?: ChallengeError, description?: string): string {
  const params: string[] = [];
  if (error) params.push(`error="${error}"`);
  if (error && description) params.push(`error_description="${quotable(description)}"`);
  params.push(`resource_metadata="${context.resourceMetadata}"`);
  if (context.scopes.length) params.push(`scope="${context.scopes.join(' ')}"`);
  return `Bearer ${params.join(', ')}`;
}

/** 401 for a request without a token: the challenge tells the client where to get one. */
export function missingToken(context: ChallengeContext): Refusal {
  return {
    status: 401,
    message: 'Unauthorized: sign in (OAuth) and send the access token in Authorization: Bearer <token>',
    headers: { 'www-authenticate': bearerChallenge(context) },
  };
}

/** 401 for a token that does not hold: expired, forged, for another resource... */
export function invalidToken(context: ChallengeContext, why: string): Refusal {
  return {
    status: 401,
    message: `Unauthorized: ${why}`,
    headers: { 'www-authenticate': bearerChallenge(context, 'invalid_token', why) },
  };
}

/** 403 for a valid token without any scope this server serves: names the scopes to ask for. */
export function insufficientScope(context: ChallengeContext): Refusal {
  const why = `the access token grants none of the scopes this server needs; ask for ${context.scopes.join(' ')}`;
  return {
    status: 403,
    message: `Forbidden: ${why}`,
    headers: { 'www-authenticate': bearerChallenge(context, 'insufficient_scope', why) },
  };
}

/** 503 when the token cannot be checked now (the authorization server is unreachable): not the client's fault. */
export function cannotVerify(why: string): Refusal {
  return {
    status: 503,
    message: `Cannot check the access token now: ${why}; try again shortly`,
    headers: { 'retry-after': '5' },
  };
}
