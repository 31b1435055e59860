// The OAuth 2.1 resource server of the HTTP transport: metadata, and each request's bearer token to a principal or a
// refusal.
import type { IncomingMessage } from 'node:http';
import type { OAuthConfig } from '../config.js';
import { log } from '../log.js';
import type { Principal, Refusal } from '../transports/http.js';
import { cannotVerify, insufficientScope, invalidToken, missingToken, type ChallengeContext } from './challenge.js';
import { introspector } from './introspection.js';
import {
  discoverAuthorizationServer,
  protectedResourceMetadata,
  resourceMetadataPaths,
  resourceMetadataUrl,
} from './metadata.js';
import { accessFor, scopesToRequest, type ScopeNames } from './scopes.js';
import { jwtVerifier, looksLikeJwt, TokenError, type Verify } from './tokens.js';
import { bearerToken } from './bearer.js';

export interface ResourceServer {
  authenticate(request: IncomingMessage): Promise<{ principal: Principal } | { refusal: Refusal }>;
  /** The protected resource metadata at its well-known paths; undefined elsewhere. */
  publicDocument(path: string): unknown;
  /**
   * Tells it the URL the server listens on (the resource, when no public URL was configured) and
   * starts discovering the issuer, so a misconfiguration shows in the log at start.
   */
  listening(url: string): void;
  /** The resource tokens must be issued for (the public URL). */
  readonly resource: string | undefined;
}

/** After a failed discovery, requests wait this long before the issuer is asked again. */
const RETRY_DISCOVERY_MS = 5_000;

interface Verifiers {
  jwt?: Verify;
  opaque?: Verify;
}

/**
 * MCP authorization (2025-11-25): publishes the protected resource metadata, and turns each
 * request's bearer token into a principal (its subject, read-only or not) or a refusal whose
 * challenge tells the client what to do.
 */
export function createResourceServer(config: OAuthConfig, serverReadOnly: boolean): ResourceServer {
  const names: ScopeNames = { read: config.readScope, write: config.writeScope };
  const toRequest = scopesToRequest(names, serverReadOnly);
  let resource = config.publicUrl;
  let challenge: ChallengeContext | undefined;
  let metadataPaths = new Set<string>();
  const setResource = (url: string) => {
    resource = url;
    challenge = { resourceMetadata: resourceMetadataUrl(url), scopes: toRequest };
    metadataPaths = new Set(resourceMetadataPaths(url));
  };
  if (resource) setResource(resource);

  let verifiers: Promise<Verifiers> | undefined;
  const discover = (): Promise<Verifiers> => {
    verifiers ??= discoverAuthorizationServer(config.issuer).then((metadata) => {
      const checks = {
        issuer: metadata.issuer,
        audiences: [resource!, ...config.audiences],
        algorithms: config.algorithms,
        clockSkewSeconds: config.clockSkewSeconds,
      };
      const opaque =
        metadata.introspection_endpoint && config.introspection
          ? introspector(
              {
                endpoint: metadata.introspection_endpoint,
                ...config.introspection,
                authMethods: metadata.introspection_endpoint_auth_methods_supported,
              },
              checks,
            )
          : undefined;
      if (config.introspection && !metadata.introspection_endpoint)
        log('warn', `OAuth: ${config.issuer} has no introspection endpoint: opaque access tokens will be refused`);
      log(
        'info',
        // wide: one message kept whole so it reads as sent
        `OAuth: access tokens from ${metadata.issuer} for ${resource} (${[metadata.jwks_uri && 'JWTs', opaque && 'opaque tokens by introspection'].filter(Boolean).join(', ')})`,
      );
      return { jwt: metadata.jwks_uri ? jwtVerifier(metadata.jwks_uri, checks) : undefined, opaque };
    });
    verifiers.catch((error: unknown) => {
      log(
        'error',
        `OAuth: ${error instanceof Error ? error.message : String(error)}; retrying on the next request ` +
          `after ${RETRY_DISCOVERY_MS / 1000} s`,
      );
      setTimeout(() => (verifiers = undefined), RETRY_DISCOVERY_MS).unref();
    });
    return verifiers;
  };

  return {
    get resource() {
      return resource;
    },
    listening(url) {
      if (!resource) {
        setResource(url);
        log('info', `OAuth: the resource is ${url} (no --public-url): clients must use exactly this URL`);
      }
      discover().catch(() => {});
    },
    publicDocument(path) {
      if (!resource || !metadataPaths.has(path)) return undefined;
      return protectedResourceMetadata(resource, config.issuer, [names.read, names.write]);
    },
    async authenticate(request) {
      if (!challenge) return { refusal: cannotVerify('the server is starting') };
      const token = bearerToken(request.headers.authorization);
      if (!token) return { refusal: missingToken(challenge) };
      let verify: Verifiers;
      try {
        verify = await discover();
      } catch {
        return { refusal: cannotVerify('the authorization server cannot be reached') };
      }
      try {
        const check = looksLikeJwt(token) && verify.jwt ? verify.jwt : verify.opaque;
        if (!check) {
          const why = looksLikeJwt(token)
            ? 'the issuer publishes no signing keys to check this JWT with'
            : 'this server accepts JWT access tokens only (no introspection credentials)';
          return { refusal: invalidToken(challenge, why) };
        }
        const verified = await check(token);
        const access = accessFor(verified.scopes, names);
        if (!access) return { refusal: insufficientScope(challenge) };
        return { principal: { subject: verified.subject, readOnly: access.readOnly } };
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        log('debug', `OAuth: refused an access token: ${error.message}`);
        return { refusal: error.unavailable ? cannotVerify(error.message) : invalidToken(challenge, error.message) };
      }
    },
  };
}
