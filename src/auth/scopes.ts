// Which part of the catalog a token's scopes open: read scope -> read-only selection, write scope -> the full one.

/** The operator's scope names (BREVO_MCP_OAUTH_READ_SCOPE, BREVO_MCP_OAUTH_WRITE_SCOPE). */
export interface ScopeNames {
  read: string;
  write: string;
}

/**
 * The scopes a token carries: `scope` (RFC 9068, RFC 7662: space-separated), `scp` (Okta: an
 * array; Entra ID: space-separated), and `permissions` (Auth0 with RBAC: an array of the API's
 * permissions granted to the user).
 */
export function tokenScopes(claims: Record<string, unknown>): string[] {
  const items = [claims.scope, claims.scp, claims.permissions].flatMap((value) =>
    Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [],
  );
  return [...new Set(items.filter((s): s is string => typeof s === 'string' && s.length > 0))];
}

/**
 * Whether a token carries a scope. A configured name with a resource prefix
 * (`api://brevo-mcp/brevo.read`, what Entra ID needs clients to ask for) also matches its last
 * segment (`brevo.read`, what Entra ID puts in the token).
 */
function carries(scopes: readonly string[], name: string): boolean {
  return scopes.includes(name) || (name.includes('/') && scopes.includes(name.slice(name.lastIndexOf('/') + 1)));
}

/** What the scopes allow: read-only or everything the server offers; undefined when nothing. */
export function accessFor(scopes: readonly string[], names: ScopeNames): { readOnly: boolean } | undefined {
  if (carries(scopes, names.write)) return { readOnly: false };
  if (carries(scopes, names.read)) return { readOnly: true };
  return undefined;
}

/** The scopes a client should ask for: both, or only read on a read-only server (write would give it nothing more). */
export function scopesToRequest(names: ScopeNames, serverReadOnly: boolean): string[] {
  return serverReadOnly ? [names.read] : [names.read, names.write];
}
