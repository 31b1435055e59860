// Access-token verification: JWTs against the issuer's JWKS (jose), shared checks of issuer, audience, lifetime,
// subject.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { tokenScopes } from './scopes.js';

/** A token refused, with why in words a client may see (never the token itself). */
export class TokenError extends Error {
  /** unavailable: it could not be checked now (the issuer is unreachable), which is not the client's fault. */
  constructor(
    message: string,
    readonly unavailable = false,
  ) {
    super(message);
  }
}

export interface VerifiedToken {
  /** `sub`, or for a machine client without one, `client_id:` and its client_id (see subjectOf). */
  subject: string;
  scopes: string[];
}

export interface TokenChecks {
  /** The issuer exactly as its metadata names it. */
  issuer: string;
  /** Audiences accepted: the public URL first. */
  audiences: string[];
  algorithms: string[];
  clockSkewSeconds: number;
}

export type Verify = (token: string) => Promise<VerifiedToken>;

/**
 * An unknown key id fetches the key set again at most this often: a key the issuer rotates in
 * is picked up within seconds, and a flood of made-up key ids costs the issuer one request per
 * period, not one per token.
 */
const JWKS_COOLDOWN_MS = 2_000;
/** Keys are fetched again after this long even when every key id is known (a key may have been withdrawn). */
const JWKS_MAX_AGE_MS = 10 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** A compact JWS (three base64url parts); anything else (JWE, random strings) is opaque here. */
export const looksLikeJwt = (token: string) => JWT_SHAPE.test(token);

const CLIENT_PREFIX = 'client_id:';
const USER_PREFIX = 'sub:';

/**
 * The subject a session is bound to. Users and machine clients live in separate namespaces: a
 * token with `client_id: alice` and no `sub` is the client alice (`client_id:alice`), never the
 * user alice. A `sub` that itself starts with either prefix is prefixed again, so no user's
 * subject can equal a client's.
 */
export function subjectOf(claims: Record<string, unknown>): string {
  const named = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (named(claims.sub)) {
    const sub = claims.sub;
    return sub.startsWith(CLIENT_PREFIX) || sub.startsWith(USER_PREFIX) ? USER_PREFIX + sub : sub;
  }
  if (named(claims.client_id)) return CLIENT_PREFIX + claims.client_id;
  throw new TokenError('the access token names no subject (sub)');
}

/** Checks JWT access tokens locally; opaque ones go to introspection (./introspection.ts). */
export function jwtVerifier(jwksUri: string, checks: TokenChecks): Verify {
  const keys = createRemoteJWKSet(new URL(jwksUri), {
    timeoutDuration: FETCH_TIMEOUT_MS,
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_MAX_AGE_MS,
  });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: checks.issuer,
        audience: checks.audiences,
        algorithms: checks.algorithms,
        clockTolerance: checks.clockSkewSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw explain(error, checks);
    }
    return { subject: subjectOf(payload), scopes: tokenScopes(payload) };
  };
}

/** jose's error, as a reason a client (and the operator, at debug level) can act on. */
function explain(error: unknown, checks: TokenChecks): TokenError {
  if (error instanceof errors.JWTExpired) return new TokenError('the access token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return new TokenError(`the access token has no ${error.claim} claim`);
    if (error.claim === 'aud')
      return new TokenError(
        `the access token was issued for another resource (its audience is not ${checks.audiences[0]})`,
      );
    if (error.claim === 'iss')
      return new TokenError(`the access token was issued by another issuer than ${checks.issuer}`);
    if (error.claim === 'nbf') return new TokenError('the access token is not valid yet');
    return new TokenError(`the access token's ${error.claim} claim is not valid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new TokenError(
      `the access token's signature algorithm is not accepted (this server accepts ${checks.algorithms.join(', ')})`,
    );
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return new TokenError('the access token is signed with a key the issuer does not publish');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new TokenError("the access token's signature does not verify with the issuer's keys");
  if (error instanceof errors.JWKSTimeout)
    return new TokenError("the issuer's signing keys (JWKS) did not arrive in time", true);
  if (error instanceof errors.JWKSInvalid)
    return new TokenError("the issuer's signing keys (JWKS) could not be read", true);
  if (error instanceof errors.JOSEError) return new TokenError('the access token is not a valid signed JWT');
  // fetch failed: the issuer is unreachable.
  if (error instanceof TypeError) return new TokenError("the issuer's signing keys (JWKS) cannot be fetched", true);
  return new TokenError('the access token is not valid');
}
