// Unit tests of how token scopes map to a session's access, and of the 401/403 challenge headers.
import { describe, expect, it } from 'vitest';
import { bearerChallenge, insufficientScope } from './challenge.js';
import { accessFor, scopesToRequest, tokenScopes } from './scopes.js';

const names = { read: 'brevo:read', write: 'brevo:write' };

describe('scopes', () => {
  it('reads scope (space-separated), scp (array or string) and permissions claims', () => {
    expect(tokenScopes({ scope: 'openid brevo:read' })).toEqual(['openid', 'brevo:read']);
    expect(tokenScopes({ scp: ['brevo:write', 42] })).toEqual(['brevo:write']);
    expect(tokenScopes({ scp: 'brevo.read brevo.write' })).toEqual(['brevo.read', 'brevo.write']);
    expect(tokenScopes({ scope: 'openid', permissions: ['brevo:read', 'brevo:read'] })).toEqual([
      'openid',
      'brevo:read',
    ]);
    expect(tokenScopes({})).toEqual([]);
  });

  it('write opens everything, read only read-only tools, anything else nothing', () => {
    expect(accessFor(['brevo:write'], names)).toEqual({ readOnly: false });
    expect(accessFor(['brevo:read', 'brevo:write'], names)).toEqual({ readOnly: false });
    expect(accessFor(['openid', 'brevo:read'], names)).toEqual({ readOnly: true });
    expect(accessFor(['brevo:reader', 'profile'], names)).toBeUndefined();
  });

  it('a prefixed name (Entra ID) matches the short scope its tokens carry', () => {
    const entra = { read: 'api://brevo-mcp/brevo.read', write: 'api://brevo-mcp/brevo.write' };
    expect(accessFor(['brevo.read'], entra)).toEqual({ readOnly: true });
    expect(accessFor(['api://brevo-mcp/brevo.write'], entra)).toEqual({ readOnly: false });
    expect(accessFor(['brevo:read'], names)).toEqual({ readOnly: true });
    expect(accessFor(['read'], { read: 'brevo:read', write: 'brevo:write' })).toBeUndefined();
  });

  it('asks for the read scope only on a read-only server', () => {
    expect(scopesToRequest(names, false)).toEqual(['brevo:read', 'brevo:write']);
    expect(scopesToRequest(names, true)).toEqual(['brevo:read']);
  });
});

describe('challenges', () => {
  const context = {
    resourceMetadata: 'https://m.example/.well-known/oauth-protected-resource/mcp',
    scopes: ['brevo:read', 'brevo:write'],
  };

  it('keeps error_description to the characters RFC 6750 allows in a quoted string', () => {
    expect(bearerChallenge(context, 'invalid_token', 'bad "kid" \\ here\n')).toBe(
      'Bearer error="invalid_token", error_description="bad  kid    here ", resource_metadata="https://m.example/.well-known/oauth-protected-resource/mcp", ' +
        'scope="brevo:read brevo:write"',
    );
  });

  it('a 403 names the scopes to ask for', () => {
    const refusal = insufficientScope(context);
    expect(refusal.status).toBe(403);
    expect(refusal.headers!['www-authenticate']).toMatch(
      /^Bearer error="insufficient_scope", error_description="[^"]*ask for brevo:read brevo:write", .*scope="brevo:read brevo:write"$/,
    );
  });
});
