// OAuth for 2026-07-28 requests: the same metadata, scopes and refusals as for 2025-11-25 ones;
// a token problem is 401 with the challenge (never a 500), a token with only the read scope gets
// the read-only tools, and a listing that depends on the token is never cached as public.
import { describe, expect, it } from 'vitest';
import { message, post, useOAuthHarness } from './support/oauth-harness.js';
import { READ_SCOPE } from './support/oauth-issuer.mjs';
import { readManifest } from '../src/tools/manifest.js';

const harness = useOAuthHarness();

const envelope = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw-oauth-2026', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const modern = (id: number, method: string, params: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id,
  method,
  params: { ...params, _meta: envelope },
});
const headers = (method: string, token?: string, name?: string) => ({
  'mcp-protocol-version': '2026-07-28',
  'mcp-method': method,
  ...(name ? { 'mcp-name': name } : {}),
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

describe('OAuth under 2026-07-28', () => {
  it('refuses a missing or bad token with 401 and the challenge naming the resource metadata', async () => {
    const server = await harness.serve();
    const none = await post(server.url, modern(1, 'server/discover'), headers('server/discover'));
    expect(none.status).toBe(401);
    const challenge = none.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('resource_metadata="http://127.0.0.1:');
    const bad = await post(server.url, modern(2, 'tools/list'), headers('tools/list', 'not.a.token'));
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('serves a read-scope token the read-only tools, privately cached, and a write token everything', async () => {
    const server = await harness.serve();
    const reader = await harness.issuer.clientCredentialsToken({ resource: server.url, scope: READ_SCOPE });
    const listed = await post(server.url, modern(3, 'tools/list'), headers('tools/list', reader));
    expect(listed.status).toBe(200);
    const { result } = (await message(listed)) as {
      result?: { tools: Array<{ name: string; annotations: { readOnlyHint: boolean } }>; cacheScope?: string };
    };
    expect(result!.tools.length).toBeGreaterThan(0);
    expect(result!.tools.every((t) => t.annotations.readOnlyHint)).toBe(true);
    expect(result!.cacheScope).toBe('private');
    const write = await post(
      server.url,
      modern(4, 'tools/call', { name: 'delete_list', arguments: { listId: 2 } }),
      headers('tools/call', reader, 'delete_list'),
    );
    // Refused as a result the model reads, naming the tool and why.
    const refused = (await message(write)).result as { isError?: boolean; content: Array<{ text: string }> };
    expect(refused.isError).toBe(true);
    expect(refused.content[0]!.text).toMatch(/delete_list is a Brevo operation .*read/);

    const writer = await harness.issuer.clientCredentialsToken({ resource: server.url });
    const all = await message(await post(server.url, modern(5, 'tools/list'), headers('tools/list', writer)));
    const names = (all.result as { tools: Array<{ name: string }> }).tools.map((t) => t.name);
    const defaults = readManifest().filter((t) => ['transactional_email', 'contacts', 'account'].includes(t.toolset));
    // Without a selection flag: the meta-tools (no enable_toolset: a request remembers nothing), then the defaults.
    expect(names).toEqual(['search_tools', 'describe_tool', 'call_tool', ...defaults.map((t) => t.name)]);
  });
});
