// OAuth metadata: what this server publishes (RFC 9728) and discovery of the issuer's (RFC 8414, OpenID Connect).

export const RESOURCE_METADATA_PATH = '/.well-known/oauth-protected-resource';

/** The resource's path for a well-known suffix: none for the root. */
const pathOf = (resource: string) => {
  const path = new URL(resource).pathname;
  return path === '/' ? '' : path.replace(/\/$/, '');
};

/** Where clients find the metadata of `resource` (RFC 9728 §3.1: the well-known path, then the resource's path). */
export function resourceMetadataUrl(resource: string): string {
  return `${new URL(resource).origin}${RESOURCE_METADATA_PATH}${pathOf(resource)}`;
}

/**
 * The local paths that serve the metadata: the root form, the resource's own suffixed form, and
 * the local endpoint's (/mcp), for a proxy that maps the public path onto it.
 */
export function resourceMetadataPaths(resource: string, localEndpoint = '/mcp'): string[] {
  return [
    ...new Set([
      RESOURCE_METADATA_PATH,
      RESOURCE_METADATA_PATH + pathOf(resource),
      RESOURCE_METADATA_PATH + localEndpoint,
    ]),
  ];
}

export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  scopes_supported: string[];
  bearer_methods_supported: string[];
  resource_name: string;
}

export function protectedResourceMetadata(
  resource: string,
  issuer: string,
  scopes: string[],
): ProtectedResourceMetadata {
  return {
    resource,
    authorization_servers: [issuer],
    scopes_supported: scopes,
    // Tokens in a query string or form body are refused (MCP authorization, OAuth 2.1 §5.2).
    bearer_methods_supported: ['header'],
    resource_name: 'Brevo (brevo-mcp)',
  };
}

/** What this server reads of the authorization server's metadata. */
export interface AuthorizationServerMetadata {
  issuer: string;
  jwks_uri?: string;
  introspection_endpoint?: string;
  introspection_endpoint_auth_methods_supported?: string[];
}

/**
 * Where an issuer's metadata may be: RFC 8414 (path inserted after the well-known prefix, and
 * appended as Okta's custom servers do), then OpenID Connect Discovery (appended, and inserted).
 */
export function discoveryUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  const origin = url.origin;
  return [
    ...new Set([
      `${origin}/.well-known/oauth-authorization-server${path}`,
      `${origin}${path}/.well-known/oauth-authorization-server`,
      `${origin}${path}/.well-known/openid-configuration`,
      `${origin}/.well-known/openid-configuration${path}`,
    ]),
  ];
}

const sameIssuer = (a: string, b: string) => a === b || a.replace(/\/$/, '') === b.replace(/\/$/, '');

/** Thrown when the issuer's metadata cannot be had: unreachable, or not this issuer's. */
export class DiscoveryError extends Error {}

/** Fetches the issuer's metadata from the first well-known URL that has it, and checks it names this issuer. */
export async function discoverAuthorizationServer(
  issuer: string,
  timeoutMs = 5_000,
): Promise<AuthorizationServerMetadata> {
  const problems: string[] = [];
  for (const url of discoveryUrls(issuer)) {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      problems.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      problems.push(`${url}: HTTP ${res.status}`);
      continue;
    }
    let metadata: AuthorizationServerMetadata;
    try {
      metadata = (await res.json()) as AuthorizationServerMetadata;
    } catch {
      problems.push(`${url}: not JSON`);
      continue;
    }
    if (typeof metadata.issuer !== 'string' || !sameIssuer(metadata.issuer, issuer)) {
      // RFC 8414 §3.3: metadata naming another issuer must not be used.
      throw new DiscoveryError(
        `the metadata at ${url} is for the issuer "${metadata.issuer}", not "${issuer}": set --oauth-issuer ` +
          `to the issuer exactly`,
      );
    }
    if (!metadata.jwks_uri && !metadata.introspection_endpoint) {
      throw new DiscoveryError(
        `the metadata at ${url} names neither a jwks_uri nor an introspection_endpoint: tokens could not be checked`,
      );
    }
    return metadata;
  }
  throw new DiscoveryError(`no authorization server metadata for ${issuer} (${problems.join('; ')})`);
}
