// Unit tests of where the protected resource metadata is published and which issuer metadata URLs are tried.
import { describe, expect, it } from 'vitest';
import { discoveryUrls, protectedResourceMetadata, resourceMetadataPaths, resourceMetadataUrl } from './metadata.js';

describe('protected resource metadata locations (RFC 9728 §3.1)', () => {
  it('puts the resource path after the well-known prefix', () => {
    expect(resourceMetadataUrl('https://mcp.example.com/mcp')).toBe(
      'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
    );
    expect(resourceMetadataUrl('https://mcp.example.com/teams/brevo/mcp/')).toBe(
      'https://mcp.example.com/.well-known/oauth-protected-resource/teams/brevo/mcp',
    );
    expect(resourceMetadataUrl('https://mcp.example.com/')).toBe(
      'https://mcp.example.com/.well-known/oauth-protected-resource',
    );
    expect(resourceMetadataUrl('http://127.0.0.1:3000/mcp')).toBe(
      'http://127.0.0.1:3000/.well-known/oauth-protected-resource/mcp',
    );
  });

  it('serves the root form, the public path and the local endpoint path', () => {
    expect(resourceMetadataPaths('https://mcp.example.com/brevo/mcp')).toEqual([
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource/brevo/mcp',
      '/.well-known/oauth-protected-resource/mcp',
    ]);
    expect(resourceMetadataPaths('https://mcp.example.com/mcp')).toEqual([
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource/mcp',
    ]);
  });

  it('announces header-only bearer tokens', () => {
    expect(protectedResourceMetadata('https://m.example/mcp', 'https://id.example', ['a', 'b'])).toEqual({
      resource: 'https://m.example/mcp',
      authorization_servers: ['https://id.example'],
      scopes_supported: ['a', 'b'],
      bearer_methods_supported: ['header'],
      resource_name: 'Brevo (brevo-mcp)',
    });
  });
});

describe('authorization server discovery URLs', () => {
  it('tries RFC 8414 then OpenID Connect, for issuers with and without a path', () => {
    expect(discoveryUrls('https://tenant.auth0.com/')).toEqual([
      'https://tenant.auth0.com/.well-known/oauth-authorization-server',
      'https://tenant.auth0.com/.well-known/openid-configuration',
    ]);
    expect(discoveryUrls('https://sso.example.com/realms/team')).toEqual([
      'https://sso.example.com/.well-known/oauth-authorization-server/realms/team',
      'https://sso.example.com/realms/team/.well-known/oauth-authorization-server',
      'https://sso.example.com/realms/team/.well-known/openid-configuration',
      'https://sso.example.com/.well-known/openid-configuration/realms/team',
    ]);
  });
});
