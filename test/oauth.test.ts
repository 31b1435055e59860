// OAuth sign-in end to end: the built server with --oauth-issuer in front of a real authorization
// server (oidc-provider on 127.0.0.1), driven by the SDK's own client OAuth flow, with the test
// playing the user at the issuer's sign-in and consent pages. What scopes open, how sessions are
// bound to their subject, key rotation at the issuer, and the public endpoints.
import { describe, expect, it } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { FakeBrevo } from './support/fake-brevo.js';
import { textOf } from './support/mcp.js';
import { connectWithOAuth, TestOAuthProvider } from './support/oauth-client.mjs';
import { claimsOf, INIT, message, post, TOOLS_LIST, useOAuthHarness } from './support/oauth-harness.js';
import { READ_SCOPE, WRITE_SCOPE } from './support/oauth-issuer.mjs';

const harness = useOAuthHarness();
const { serve, signIn } = harness;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const manifest = readManifest();
const DEFAULT_PROFILE = manifest.filter((t) => ['transactional_email', 'contacts', 'account'].includes(t.toolset));
/** Listed before the default profile's tools when no selection flag is given: they reach the rest. */
const META_TOOLS = ['search_tools', 'describe_tool', 'call_tool', 'enable_toolset'];

describe('signing in with the SDK client flow', () => {
  it(
    '401 -> resource metadata -> issuer metadata -> registration -> code with PKCE -> token, then ' +
      'tools/list and calls on the sandbox',
    async () => {
      const server = await serve();
      const { client, provider, token } = await signIn(server.url, 'alice');

      // The flow the SDK took: it registered, and sent the user to the issuer with PKCE, the
      // resource (RFC 8707) and the scopes from the server's challenge.
      expect(provider.clientInformation()?.client_id).toEqual(expect.any(String));
      const [authorization] = provider.authorizationUrls;
      expect(authorization!.origin).toBe(harness.issuer.url);
      expect(authorization!.searchParams.get('resource')).toBe(server.url);
      expect(authorization!.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorization!.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(authorization!.searchParams.get('scope')).toBe(`${READ_SCOPE} ${WRITE_SCOPE}`);
      expect(claimsOf(token)).toMatchObject({
        iss: harness.issuer.url,
        aud: server.url,
        sub: 'alice',
        scope: `${READ_SCOPE} ${WRITE_SCOPE}`,
      });
      const paths = harness.issuer.requests.map((r) => `${r.method} ${r.path}`);
      for (const step of ['POST /reg', 'GET /auth', 'POST /token']) expect(paths).toContain(step);

      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([...META_TOOLS, ...DEFAULT_PROFILE.map((t) => t.name)].sort());
      const account = await client.callTool({ name: 'get_account', arguments: {} });
      expect(JSON.parse(textOf(account))).toMatchObject({ companyName: 'Demo Shop' });
      // The write scope: writers are listed and run.
      const created = await client.callTool({
        name: 'create_contact',
        arguments: { email: 'oauth.writer@example.com' },
      });
      expect(created.isError).toBeFalsy();
      const found = await client.callTool({
        name: 'get_contact_info',
        arguments: { identifier: 'oauth.writer@example.com' },
      });
      expect(JSON.parse(textOf(found))).toMatchObject({ email: 'oauth.writer@example.com' });

      // Tokens never reach the log, even at debug level.
      expect(server.stderr()).not.toContain(token);
      expect(server.stderr()).not.toContain(token.split('.')[2]);
    },
  );

  it('a read-only grant: no writer listed or callable; resources and completions still serve', async () => {
    const server = await serve();
    const { client, token } = await signIn(server.url, 'reader');
    expect(claimsOf(token).scope).toBe(READ_SCOPE);

    const { tools } = await client.listTools();
    const readOnly = DEFAULT_PROFILE.filter((t) => t.annotations.readOnlyHint);
    expect(tools.map((t) => t.name).sort()).toEqual([...META_TOOLS, ...readOnly.map((t) => t.name)].sort());
    // Every Brevo operation listed only reads (enable_toolset changes only what is listed).
    const operations = tools.filter((t) => !META_TOOLS.includes(t.name));
    expect(operations.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
    expect(tools.map((t) => t.name)).not.toContain('create_contact');

    const refused = await client.callTool({ name: 'create_contact', arguments: { email: 'reader.wrote@example.com' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/create_contact is a Brevo operation .*read/);
    const notCreated = await client.callTool({
      name: 'get_contact_info',
      arguments: { identifier: 'reader.wrote@example.com' },
    });
    expect(notCreated.isError).toBe(true);
    expect(textOf(notCreated)).toMatch(/404/);

    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain('brevo://contacts/lists');
    const lists = await client.readResource({ uri: 'brevo://contacts/lists' });
    expect(JSON.parse((lists.contents[0] as { text: string }).text).lists.length).toBeGreaterThan(0);
    const completion = await client.complete({
      ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' },
      argument: { name: 'listId', value: '' },
    });
    expect(completion.completion.values.length).toBeGreaterThan(0);
  });

  it('a read-only grant holds in dynamic mode too: call_tool reaches no writer', async () => {
    const server = await serve(['--dynamic']);
    const { client } = await signIn(server.url, 'reader');
    const callTool = (await client.listTools()).tools.find((t) => t.name === 'call_tool')!;
    expect(callTool.annotations).toMatchObject({ readOnlyHint: true });
    const write = await client.callTool({
      name: 'call_tool',
      arguments: { name: 'create_contact', arguments: { email: 'dyn.reader@example.com' } },
    });
    expect(write.isError).toBe(true);
    expect(textOf(write)).toMatch(
      /create_contact is a Brevo operation .* it changes data and the access token grants only the brevo:read scope; sign in again granting brevo:write/,
    );
    const read = await client.callTool({ name: 'call_tool', arguments: { name: 'get_account', arguments: {} } });
    expect(JSON.parse(textOf(read))).toMatchObject({ companyName: 'Demo Shop' });
  });

  it('a read-only grant narrows what the client asked for, never widens it', async () => {
    const server = await serve(['--toolsets', 'contacts,account']);
    const { client } = await signIn(`${server.url}?toolsets=contacts`, 'reader');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      manifest
        .filter((t) => t.toolset === 'contacts' && t.annotations.readOnlyHint)
        .map((t) => t.name)
        .sort(),
    );
  });

  it(
    'a grant of no usable scope: 403 insufficient_scope naming the scopes, which sends the SDK ' +
      'to sign in again for them',
    async () => {
      const server = await serve();
      const provider = new TestOAuthProvider(harness.issuer, { login: 'nobody' });
      await expect(connectWithOAuth(server.url, provider)).rejects.toThrow(/Unauthorized/);
      // The step-up: a second trip to the issuer, asking for the scopes the 403 named.
      expect(provider.authorizationUrls).toHaveLength(2);
      expect(provider.authorizationUrls[1]!.searchParams.get('scope')).toBe(`${READ_SCOPE} ${WRITE_SCOPE}`);
      const token = provider.tokens()!.access_token as string;
      expect(claimsOf(token).scope ?? '').toBe('');

      const res = await post(server.url, INIT, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(403);
      const challenge = res.headers.get('www-authenticate')!;
      expect(challenge).toMatch(/^Bearer error="insufficient_scope", /);
      expect(challenge).toContain(`scope="${READ_SCOPE} ${WRITE_SCOPE}"`);
      expect(challenge).toContain(
        `resource_metadata="${server.url.replace('/mcp', '/.well-known/oauth-protected-resource/mcp')}"`,
      );
      expect((await message(res)).error?.message).toMatch(/none of the scopes/);
    },
  );

  it('scope names come from the environment; a read-only server asks only for the read scope', async () => {
    const server = await serve(['--read-only'], {
      BREVO_MCP_OAUTH_READ_SCOPE: 'brevo:read',
      BREVO_MCP_OAUTH_WRITE_SCOPE: 'mcp:everything',
    });
    const res = await post(server.url, INIT);
    expect(res.headers.get('www-authenticate')).toContain('scope="brevo:read"');
    const metadata = await (await fetch(server.url.replace('/mcp', '/.well-known/oauth-protected-resource'))).json();
    expect(metadata.scopes_supported).toEqual(['brevo:read', 'mcp:everything']);
    // A token with the default write scope name means nothing to this server; with the read scope it serves read-only
    // tools.
    const writeNamed = await harness.issuer.clientCredentialsToken({ resource: server.url, scope: WRITE_SCOPE });
    expect((await post(server.url, INIT, { authorization: `Bearer ${writeNamed}` })).status).toBe(403);
    const reader = await harness.issuer.clientCredentialsToken({ resource: server.url, scope: READ_SCOPE });
    const listed = await post(server.url, INIT, { authorization: `Bearer ${reader}` });
    expect(listed.status).toBe(200);
  });
});

describe('sessions bound to their subject', () => {
  it(
    'a stolen session id with another subject token gets 404 (POST, GET, DELETE), and the owner ' + 'carries on',
    async () => {
      const server = await serve();
      const alice = await signIn(server.url, 'alice');
      const sessionId = alice.transport.sessionId!;
      expect(sessionId).toEqual(expect.any(String));
      const bob = await signIn(server.url, 'bob');
      expect(claimsOf(bob.token).sub).toBe('bob');

      const stolen = {
        authorization: `Bearer ${bob.token}`,
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-11-25',
      };
      const viaPost = await post(server.url, TOOLS_LIST, stolen);
      expect(viaPost.status).toBe(404);
      expect((await message(viaPost)).error?.message).toMatch(/Session not found/);
      expect((await fetch(server.url, { headers: { ...stolen, accept: 'text/event-stream' } })).status).toBe(404);
      expect((await fetch(server.url, { method: 'DELETE', headers: stolen })).status).toBe(404);

      // Alice's session is still hers.
      const account = await alice.client.callTool({ name: 'get_account', arguments: {} });
      expect(account.isError).toBeFalsy();
      const mine = await post(server.url, TOOLS_LIST, { ...stolen, authorization: `Bearer ${alice.token}` });
      expect(mine.status).toBe(200);
      expect(server.stderr()).toMatch(/refused a request on session \S+: it was opened by another subject/);
      expect(server.stderr()).not.toContain(bob.token);
    },
  );

  it('a token of the same subject with other scopes does not take over a session opened with more', async () => {
    const server = await serve();
    const writer = await harness.issuer.clientCredentialsToken({ resource: server.url });
    const opened = await post(server.url, INIT, { authorization: `Bearer ${writer}` });
    expect(opened.status).toBe(200);
    const sessionId = opened.headers.get('mcp-session-id')!;
    const reader = await harness.issuer.clientCredentialsToken({ resource: server.url, scope: READ_SCOPE });
    expect(claimsOf(reader).sub).toBe(claimsOf(writer).sub);
    const downgraded = await post(server.url, TOOLS_LIST, {
      authorization: `Bearer ${reader}`,
      'mcp-session-id': sessionId,
      'mcp-protocol-version': '2025-11-25',
    });
    expect(downgraded.status).toBe(404);
  });

  it('stateless: each request is authenticated on its own and its scopes decide what it lists', async () => {
    const server = await serve(['--stateless']);
    const { client } = await signIn(server.url, 'alice');
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('create_contact');
    const reader = await harness.issuer.clientCredentialsToken({ resource: server.url, scope: READ_SCOPE });
    const listed = await message(await post(server.url, TOOLS_LIST, { authorization: `Bearer ${reader}` }));
    const names = (listed.result!.tools as Array<{ name: string }>).map((t) => t.name);
    expect(names).toContain('get_account');
    expect(names).not.toContain('create_contact');
    expect((await post(server.url, TOOLS_LIST)).status).toBe(401);
  });
});

describe('keys and metadata', () => {
  it(
    'key rotation at the issuer: a token signed with a new key is accepted after one key-set fetch, ' +
      'old tokens still are',
    async () => {
      const server = await serve();
      const before = await harness.issuer.clientCredentialsToken({ resource: server.url });
      expect((await post(server.url, INIT, { authorization: `Bearer ${before}` })).status).toBe(200);
      const jwksFetches = () => harness.issuer.requests.filter((r) => r.path === '/jwks').length;
      const fetchedBefore = jwksFetches();

      await harness.issuer.rotateKeys();
      const after = await harness.issuer.clientCredentialsToken({ resource: server.url });
      const kid = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')).kid;
      expect(kid(after)).not.toBe(kid(before));
      // The server refetches an unknown key id at most every 2 s: wait that out, as a rotation
      // announced in advance would.
      await sleep(2_100);
      expect((await post(server.url, INIT, { authorization: `Bearer ${after}` })).status).toBe(200);
      expect(jwksFetches()).toBe(fetchedBefore + 1);
      expect((await post(server.url, INIT, { authorization: `Bearer ${before}` })).status).toBe(200);
      expect(jwksFetches()).toBe(fetchedBefore + 1);
    },
  );

  it(
    'publishes its protected resource metadata at both well-known paths, and answers 401 with where ' + 'to find it',
    async () => {
      const server = await serve();
      const origin = new URL(server.url).origin;
      const res = await post(server.url, INIT);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(
        `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp", scope="${READ_SCOPE} ` +
          `${WRITE_SCOPE}"`,
      );
      expect((await message(res)).error?.message).toMatch(/Authorization: Bearer/);

      const expected = {
        resource: server.url,
        authorization_servers: [harness.issuer.url],
        scopes_supported: [READ_SCOPE, WRITE_SCOPE],
        bearer_methods_supported: ['header'],
        resource_name: 'Brevo (brevo-mcp)',
      };
      for (const path of ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource']) {
        const metadata = await fetch(origin + path, { headers: { origin: 'https://claude.ai' } });
        expect(metadata.status).toBe(200);
        expect(metadata.headers.get('access-control-allow-origin')).toBe('*');
        expect(await metadata.json()).toEqual(expected);
      }
      // A browser's preflight for the header the SDK adds.
      const preflight = await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://claude.ai',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'mcp-protocol-version',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toBe('mcp-protocol-version');
      expect((await fetch(`${origin}/.well-known/oauth-authorization-server`)).status).toBe(404);
    },
  );

  it(
    'a --public-url names the resource: metadata, challenge and audience follow it, and its host ' +
      'passes the Host check',
    async () => {
      const publicUrl = 'https://mcp.example.test/brevo/mcp';
      const server = await serve(['--public-url', publicUrl]);
      const origin = new URL(server.url).origin;
      const res = await post(server.url, INIT);
      expect(res.headers.get('www-authenticate')).toContain(
        'resource_metadata="https://mcp.example.test/.well-known/oauth-protected-resource/brevo/mcp"',
      );
      for (const path of [
        '/.well-known/oauth-protected-resource/brevo/mcp',
        '/.well-known/oauth-protected-resource/mcp',
        '/.well-known/oauth-protected-resource',
      ]) {
        expect((await (await fetch(origin + path)).json()).resource).toBe(publicUrl);
      }
      // A token for the public URL is accepted (through a proxy passing the public Host); one for the local URL is not.
      const forPublic = await harness.issuer.clientCredentialsToken({ resource: publicUrl });
      expect((await rawPost(server.url, 'mcp.example.test', forPublic)).status).toBe(200);
      const forLocal = await harness.issuer.clientCredentialsToken({ resource: server.url });
      const refused = await post(server.url, INIT, { authorization: `Bearer ${forLocal}` });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toContain(`another resource (its audience is not ${publicUrl})`);
    },
  );

  it('GET /healthz answers without a token and without calling Brevo', async () => {
    const fake = await FakeBrevo.start();
    try {
      const server = await serve([], {}, { apiUrl: fake.url });
      const health = await fetch(server.url.replace('/mcp', '/healthz'));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(fake.requests).toHaveLength(0);
      expect((await post(server.url, INIT)).status).toBe(401);
    } finally {
      await fake.close();
    }
  });

  it('with --allow-client-keys the client key reaches Brevo and the access token never does', async () => {
    const fake = await FakeBrevo.start();
    try {
      fake.route('GET', '/account', { json: { email: 'tenant@acme.test' } });
      const server = await serve(['--allow-client-keys'], { BREVO_API_KEY: '' }, { apiUrl: fake.url });
      const clientKey = 'xkeysib-tenant-0123456789abcdef0123456789abcdef';
      const { client, token } = await signIn(server.url, 'alice', { headers: { 'x-brevo-api-key': clientKey } });
      const result = await client.callTool({ name: 'get_account', arguments: {} });
      expect(JSON.parse(textOf(result))).toEqual({ email: 'tenant@acme.test' });
      expect(fake.requests.length).toBeGreaterThan(0);
      for (const request of fake.requests) {
        expect(request.headers['api-key']).toBe(clientKey);
        expect(JSON.stringify(request.headers)).not.toContain(token.split('.')[2]);
        expect(request.headers.authorization).toBeUndefined();
      }
      expect(server.stderr()).not.toContain(clientKey);
    } finally {
      await fake.close();
    }
  });
});

/** A POST with a Host header fetch would not let us set. */
async function rawPost(url: string, host: string, token: string): Promise<{ status: number }> {
  const { request } = await import('node:http');
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: {
          host,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(INIT));
  });
}
