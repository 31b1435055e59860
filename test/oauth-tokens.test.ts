// Access tokens the OAuth resource server must refuse, and opaque tokens checked through the
// issuer's introspection endpoint: the built server against a real authorization server
// (oidc-provider on 127.0.0.1). Tokens no well-behaved issuer hands out (expired, forged, alg
// none) are minted here, with the issuer's own key where the point is that only one claim is wrong.
import { describe, expect, it } from 'vitest';
import { textOf } from './support/mcp.js';
import { bearer, freePort, INIT, post, useOAuthHarness } from './support/oauth-harness.js';
import { INTROSPECTOR, READ_SCOPE, WRITE_SCOPE } from './support/oauth-issuer.mjs';

const harness = useOAuthHarness();
const { serve } = harness;
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Expects a 401 invalid_token whose description says why, and the challenge's pointers. */
async function expectRefused(url: string, token: string, why: RegExp) {
  const res = await post(url, INIT, bearer(token));
  expect(res.status).toBe(401);
  const challenge = res.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(
    /^Bearer error="invalid_token", error_description="[^"]+", resource_metadata="[^"]+", scope="[^"]+"$/,
  );
  expect(challenge).toMatch(why);
  const body = (await res.json()) as { error: { message: string } };
  expect(body.error.message).toMatch(why);
}

describe('tokens refused with 401 invalid_token', () => {
  it(
    'for another audience, expired, from a foreign key, alg none, HS256, another issuer, no exp, ' +
      'or garbage; none reaches the log',
    async () => {
      const server = await serve();
      const resource = server.url;
      const tokens: string[] = [];
      const refuse = async (token: string, why: RegExp) => {
        tokens.push(token);
        await expectRefused(resource, token, why);
      };

      // A real token from the issuer, for another resource (RFC 8707).
      await refuse(
        await harness.issuer.clientCredentialsToken({ resource: 'http://127.0.0.1:9/other/mcp' }),
        /issued for another resource \(its audience is not http/,
      );
      // The issuer's key, every claim right but the times.
      await refuse(
        await harness.issuer.mint({
          sub: 'alice',
          aud: resource,
          scope: WRITE_SCOPE,
          iat: now() - 7200,
          exp: now() - 3600,
        }),
        /has expired/,
      );
      await refuse(
        await harness.issuer.mint({ sub: 'alice', aud: resource, scope: WRITE_SCOPE, nbf: now() + 3600 }),
        /not valid yet/,
      );
      await refuse(
        await harness.issuer.mint({ sub: 'alice', aud: resource, scope: WRITE_SCOPE, iss: 'http://127.0.0.1:9' }),
        /another issuer/,
      );
      await refuse(
        await harness.issuer.mint({ sub: 'alice', aud: resource, scope: WRITE_SCOPE, exp: undefined }),
        /no exp claim/,
      );
      // A foreign key, claiming the issuer's key id, then one the issuer never published.
      const foreign = await harness.issuer.foreignKey();
      await refuse(
        await harness.issuer.mint(
          { sub: 'alice', aud: resource, scope: WRITE_SCOPE },
          { key: foreign, kid: harness.issuer.signingKey.kid },
        ),
        /signature does not verify/,
      );
      await refuse(
        await harness.issuer.mint({ sub: 'alice', aud: resource, scope: WRITE_SCOPE }, { key: foreign }),
        /key the issuer does not publish/,
      );
      // Unsigned (alg none), and HS256 keyed with the issuer's public key (algorithm confusion).
      const claims = { iss: harness.issuer.url, sub: 'alice', aud: resource, scope: WRITE_SCOPE, exp: now() + 600 };
      await refuse(
        `${b64url({ alg: 'none', typ: 'at+jwt' })}.${b64url(claims)}.`,
        /signature algorithm is not accepted/,
      );
      const { createHmac } = await import('node:crypto');
      const signingInput = `${b64url({ alg: 'HS256', kid: harness.issuer.signingKey.kid })}.${b64url(claims)}`;
      const hmac = createHmac(
        'sha256',
        JSON.stringify({
          kty: harness.issuer.signingKey.kty,
          x: harness.issuer.signingKey.x,
          y: harness.issuer.signingKey.y,
        }),
      )
        .update(signingInput)
        .digest('base64url');
      await refuse(`${signingInput}.${hmac}`, /signature algorithm is not accepted/);
      // Not a JWT at all, on a server without introspection credentials.
      await refuse('not-a-jwt-0123456789abcdef', /JWT access tokens only/);

      // The same token in the query string is not a credential (MCP: header only).
      const good = await harness.issuer.clientCredentialsToken({ resource });
      const inQuery = await post(`${resource}?access_token=${good}`, INIT);
      expect(inQuery.status).toBe(401);
      expect(inQuery.headers.get('www-authenticate')).not.toContain('error=');
      expect((await post(resource, INIT, bearer(good))).status).toBe(200);

      const log = server.stderr();
      expect(log).toMatch(/refused an access token: the access token has expired/);
      for (const token of [...tokens, good]) expect(log).not.toContain(token);
    },
  );

  it('BREVO_MCP_OAUTH_ALGORITHMS narrows the algorithms accepted', async () => {
    const server = await serve([], { BREVO_MCP_OAUTH_ALGORITHMS: 'RS256' });
    const token = await harness.issuer.clientCredentialsToken({ resource: server.url });
    await expectRefused(server.url, token, /signature algorithm is not accepted \(this server accepts RS256\)/);
  });

  it(
    'BREVO_MCP_OAUTH_AUDIENCE accepts a further audience, and BREVO_MCP_OAUTH_CLOCK_SKEW_SECONDS ' + 'the skew on exp',
    async () => {
      const server = await serve([], {
        BREVO_MCP_OAUTH_AUDIENCE: 'api://brevo-mcp',
        BREVO_MCP_OAUTH_CLOCK_SKEW_SECONDS: '120',
      });
      const otherName = await harness.issuer.mint({ sub: 'alice', aud: 'api://brevo-mcp', scope: READ_SCOPE });
      expect((await post(server.url, INIT, bearer(otherName))).status).toBe(200);
      const justExpired = await harness.issuer.mint({
        sub: 'alice',
        aud: server.url,
        scope: READ_SCOPE,
        exp: now() - 60,
      });
      expect((await post(server.url, INIT, bearer(justExpired))).status).toBe(200);
      await expectRefused(
        server.url,
        await harness.issuer.mint({ sub: 'alice', aud: server.url, scope: READ_SCOPE, exp: now() - 180 }),
        /has expired/,
      );
    },
  );

  it('an unreachable issuer gives 503 with Retry-After, not 401, and the log says why', async () => {
    const server = await serve([], {}, { issuerUrl: `http://127.0.0.1:${await freePort()}` });
    expect((await post(server.url, INIT)).status).toBe(401);
    const res = await post(
      server.url,
      INIT,
      bearer(await harness.issuer.clientCredentialsToken({ resource: server.url })),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /authorization server cannot be reached/,
    );
    expect(server.stderr()).toMatch(/OAuth: no authorization server metadata for http:\/\/127\.0\.0\.1:\d+ \(/);
  });
});

describe('opaque tokens through introspection', () => {
  const introspection = {
    BREVO_MCP_OAUTH_CLIENT_ID: INTROSPECTOR.id,
    BREVO_MCP_OAUTH_CLIENT_SECRET: INTROSPECTOR.secret,
  };

  it(
    'a client signs in, gets an opaque token and works; revoked or foreign-audience ones are refused; ' +
      'the secret never shows',
    async () => {
      const port = await freePort();
      const resource = `http://127.0.0.1:${port}/mcp`;
      harness.issuer.useOpaqueTokensFor(resource);
      const server = await serve(['--port', String(port), '--public-url', resource], introspection);

      const { client, token } = await harness.signIn(server.url, 'reader');
      expect(token.split('.')).toHaveLength(1);
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(0);
      expect(tools.every((t) => t.annotations?.readOnlyHint)).toBe(true);
      expect(JSON.parse(textOf(await client.callTool({ name: 'get_account', arguments: {} })))).toMatchObject({
        companyName: 'Demo Shop',
      });

      // Answers are cached (one introspection for many requests)...
      const introspections = () => harness.issuer.requests.filter((r) => r.path === '/token/introspection').length;
      const before = introspections();
      for (let i = 0; i < 3; i++) expect((await post(server.url, INIT, bearer(token))).status).toBe(200);
      expect(introspections()).toBe(before);

      // ...and a token revoked before its first use is refused.
      const revoked = await harness.issuer.clientCredentialsToken({ resource });
      await harness.issuer.revoke(revoked);
      await expectRefused(server.url, revoked, /not active/);
      // An opaque token for another resource.
      const elsewhere = `http://127.0.0.1:${await freePort()}/mcp`;
      harness.issuer.useOpaqueTokensFor(elsewhere);
      await expectRefused(
        server.url,
        await harness.issuer.clientCredentialsToken({ resource: elsewhere }),
        /issued for another resource/,
      );
      // JWTs are still checked locally on the same server.
      const jwtResourceToken = await harness.issuer.mint({ sub: 'alice', aud: resource, scope: READ_SCOPE });
      expect((await post(server.url, INIT, bearer(jwtResourceToken))).status).toBe(200);

      const log = server.stderr();
      expect(log).toMatch(/opaque tokens by introspection/);
      expect(log).not.toContain(INTROSPECTOR.secret);
      expect(log).not.toContain(token);
    },
  );

  it(
    'wrong introspection credentials: 503 (the operator must fix them), and the log says which ' + 'variables',
    async () => {
      const port = await freePort();
      const resource = `http://127.0.0.1:${port}/mcp`;
      harness.issuer.useOpaqueTokensFor(resource);
      const server = await serve(['--port', String(port), '--public-url', resource], {
        ...introspection,
        BREVO_MCP_OAUTH_CLIENT_SECRET: 'wrong-secret-0123456789',
      });
      const res = await post(server.url, INIT, bearer(await harness.issuer.clientCredentialsToken({ resource })));
      expect(res.status).toBe(503);
      expect(server.stderr()).toMatch(
        /introspection endpoint answered HTTP 401: check BREVO_MCP_OAUTH_CLIENT_ID and BREVO_MCP_OAUTH_CLIENT_SECRET/,
      );
      expect(server.stderr()).not.toContain('wrong-secret-0123456789');
    },
  );
});
