// Which part of the catalog an access token's scopes open: the read scope gives the read-only
// selection, the write scope the server's full selection, neither nothing. The scope names are
// the operator's (BREVO_MCP_OAUTH_READ_SCOPE, BREVO_MCP_OAUTH_WRITE_SCOPE).

export interface ScopeNames {
  read: string;
  write: string;
}

/**
 * The scopes a token carries: `scope` (RFC 9068, RFC 7662: space-separated), or `scp` (Okta: an
 * array; Entra ID: space-separated) from identity providers that name it so.
 */
export function tokenScopes(claims: Record<string, unknown>): string[] {
  const value = claims.scope ?? claims.scp;
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  return items.filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/** What the scopes allow: read-only or everything the server offers; undefined when nothing. */
export function accessFor(scopes: readonly string[], names: ScopeNames): { readOnly: boolean } | undefined {
  if (scopes.includes(names.write)) return { readOnly: false };
  if (scopes.includes(names.read)) return { readOnly: true };
  return undefined;
}

/** The scopes a client should ask for: both, or only read on a read-only server (write would give it nothing more). */
export function scopesToRequest(names: ScopeNames, serverReadOnly: boolean): string[] {
  return serverReadOnly ? [names.read] : [names.read, names.write];
}
