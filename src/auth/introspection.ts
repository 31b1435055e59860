// Opaque access tokens, checked through the issuer's introspection endpoint (RFC 7662), answers cached briefly.
import { createHash } from 'node:crypto';
import { log } from '../log.js';
import { RateCap } from './rate-cap.js';
import { tokenScopes } from './scopes.js';
import { subjectOf, TokenError, type TokenChecks, type VerifiedToken, type Verify } from './tokens.js';
import { BoundedMap } from '../bounded-map.js';

export interface IntrospectionClient {
  endpoint: string;
  clientId: string;
  clientSecret: string;
  /** From the issuer's metadata: client_secret_post is used only when basic is not offered. */
  authMethods?: string[];
}

/** An answer is kept no longer than its token lives and at most this long, so a revocation takes effect soon. */
const MAX_CACHE_MS = 60_000;
/** A refusal is kept a few seconds: a flood of bad tokens does not become a flood of introspections. */
const REFUSAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;
const TIMEOUT_MS = 5_000;
/**
 * Introspections of tokens not in the cache, per second on average (with a burst): each distinct
 * made-up token would otherwise cost the issuer one request. Past it a new token is answered 503
 * (try again shortly) without asking; tokens already known are not affected.
 */
const INTROSPECTIONS_PER_SECOND = 10;
const INTROSPECTION_BURST = 20;

interface Answer {
  active?: unknown;
  scope?: unknown;
  sub?: unknown;
  client_id?: unknown;
  aud?: unknown;
  iss?: unknown;
  exp?: unknown;
  nbf?: unknown;
}

type Judged = VerifiedToken & { expiresAt?: number };

const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** Checks opaque tokens with this server's client credentials at the issuer. */
export function introspector(client: IntrospectionClient, checks: TokenChecks): Verify {
  // Keyed by tokens clients send: bounded, the oldest forgotten first.
  const cache = new BoundedMap<string, { until: number; outcome: Promise<Judged> }>(MAX_ENTRIES);
  const rate = new RateCap(INTROSPECTIONS_PER_SECOND, INTROSPECTION_BURST);
  let warned = 0;

  const ask = async (token: string): Promise<Judged> => {
    const usePost =
      client.authMethods &&
      !client.authMethods.includes('client_secret_basic') &&
      client.authMethods.includes('client_secret_post');
    const body = new URLSearchParams({ token, token_type_hint: 'access_token' });
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (usePost) {
      body.set('client_id', client.clientId);
      body.set('client_secret', client.clientSecret);
    } else {
      // RFC 6749 §2.3.1: each part form-encoded before base64.
      headers.authorization = `Basic ${Buffer.from(`${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`).toString('base64')}`;
    }
    let res: Response;
    try {
      res = await fetch(client.endpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch {
      throw new TokenError('the introspection endpoint cannot be reached', true);
    }
    if (!res.ok) {
      await res.body?.cancel();
      log(
        'error',
        `OAuth: the introspection endpoint answered HTTP ${res.status}: check BREVO_MCP_OAUTH_CLIENT_ID ` +
          `and BREVO_MCP_OAUTH_CLIENT_SECRET`,
      );
      throw new TokenError('the access token cannot be introspected', true);
    }
    const answer = (await res.json().catch(() => ({}))) as Answer;
    return judge(answer, checks);
  };

  return (token) => {
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const cached = cache.get(key);
    if (cached && cached.until > now) return cached.outcome;
    if (!rate.take()) {
      // Said once in a while, not once per token: the log is not another thing to flood.
      if (now - warned > 10_000) {
        warned = now;
        log('warn', 'OAuth: too many unknown access tokens to introspect; refusing new ones for a moment');
      }
      return Promise.reject(new TokenError('too many unknown access tokens are being checked', true));
    }
    const outcome = ask(token);
    // Until it settles, concurrent requests with the same token share one introspection.
    const entry = { until: now + TIMEOUT_MS, outcome };
    cache.set(key, entry);
    outcome.then(
      (verified) => (entry.until = Math.min(verified.expiresAt ?? Infinity, Date.now() + MAX_CACHE_MS)),
      (error: unknown) => {
        if (error instanceof TokenError && !error.unavailable) entry.until = Date.now() + REFUSAL_CACHE_MS;
        else cache.delete(key);
      },
    );
    return outcome.then(({ subject, scopes }) => ({ subject, scopes }));
  };
}

/** The checks a JWT gets, on an introspection answer. */
function judge(answer: Answer, checks: TokenChecks): Judged {
  if (answer.active !== true)
    throw new TokenError('the access token is not active (expired, revoked or unknown to the issuer)');
  const now = Date.now() / 1000;
  const exp = typeof answer.exp === 'number' ? answer.exp : undefined;
  if (exp !== undefined && exp + checks.clockSkewSeconds < now) throw new TokenError('the access token has expired');
  if (typeof answer.nbf === 'number' && answer.nbf - checks.clockSkewSeconds > now)
    throw new TokenError('the access token is not valid yet');
  if (answer.iss !== undefined && answer.iss !== checks.issuer)
    throw new TokenError(`the access token was issued by another issuer than ${checks.issuer}`);
  const audiences = Array.isArray(answer.aud) ? answer.aud : answer.aud === undefined ? [] : [answer.aud];
  if (!audiences.some((a) => checks.audiences.includes(a as string))) {
    throw new TokenError(
      `the access token was issued for another resource (its audience is not ${checks.audiences[0]})`,
    );
  }
  return {
    subject: subjectOf(answer as Record<string, unknown>),
    scopes: tokenScopes(answer as Record<string, unknown>),
    expiresAt: exp === undefined ? undefined : exp * 1000,
  };
}
