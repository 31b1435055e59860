// A real OAuth 2.1 / OpenID Connect authorization server (oidc-provider) on 127.0.0.1, for the
// OAuth tests and `npm run deploy-check`: dynamic client registration, authorization code with
// PKCE, client credentials, resource indicators (RFC 8707) with JWT or opaque access tokens,
// introspection (RFC 7662), and signing-key rotation. Login and consent are tiny HTML forms that
// a test fills in over HTTP, playing the user. Plain JavaScript so the deploy check can load it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import Provider, { errors } from 'oidc-provider';

export const READ_SCOPE = 'brevo:read';
export const WRITE_SCOPE = 'brevo:write';

/** The confidential client a resource server uses for introspection. */
export const INTROSPECTOR = { id: 'brevo-mcp-introspector', secret: 'introspector-secret-0f9e8d7c6b5a4938' };
/** A machine client that gets tokens with the client-credentials grant (its subject is its id). */
export const SERVICE = { id: 'brevo-service', secret: 'service-secret-1a2b3c4d5e6f7a8b' };

/**
 * Which scopes each user may grant. The consent step grants what was asked, less what the user
 * may not give (or less what the test says the user unticked).
 */
const USERS = {
  alice: [READ_SCOPE, WRITE_SCOPE],
  bob: [READ_SCOPE, WRITE_SCOPE],
  reader: [READ_SCOPE],
  nobody: [],
};

async function signingKey() {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `key-${randomBytes(6).toString('hex')}`, alg: 'ES256', use: 'sig' };
}

/**
 * Starts the authorization server.
 * @param {{ accessTokenTTL?: number }} [options]
 */
export async function startIssuer(options = {}) {
  const http = createServer();
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${http.address().port}`;
  const keys = [await signingKey()];
  /** Resources whose access tokens are opaque (introspection only); every other gets JWTs. */
  const opaqueResources = new Set();
  const cookieKeys = [randomBytes(16).toString('hex')];

  const configuration = () => ({
    clients: [
      {
        client_id: INTROSPECTOR.id,
        client_secret: INTROSPECTOR.secret,
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
      {
        client_id: SERVICE.id,
        client_secret: SERVICE.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: `${READ_SCOPE} ${WRITE_SCOPE}`,
      },
    ],
    jwks: { keys },
    // The only keys are ES256 ones: ID tokens (for clients that ask for openid) use them too.
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    cookies: { keys: cookieKeys },
    scopes: ['openid', 'offline_access', READ_SCOPE, WRITE_SCOPE],
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: options.accessTokenTTL ?? 600,
      ClientCredentials: options.accessTokenTTL ?? 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: {
        enabled: true,
        // Only the resource server's own client may ask about other clients' tokens.
        allowedPolicy: (_ctx, client) => client.clientId === INTROSPECTOR.id,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          const url = URL.parse(resource);
          if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new errors.InvalidTarget();
          return {
            scope: `${READ_SCOPE} ${WRITE_SCOPE}`,
            audience: resource,
            accessTokenTTL: options.accessTokenTTL ?? 600,
            ...(opaqueResources.has(resource)
              ? { accessTokenFormat: 'opaque' }
              : { accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256', kid: keys[0].kid } } }),
          };
        },
      },
    },
  });

  let provider = new Provider(issuer, configuration());
  /** Every request the issuer received (method and path), e.g. to count key-set fetches. */
  const requests = [];
  http.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    requests.push({ method: req.method, path: url.pathname });
    const interaction = /^\/interaction\/([^/]+)(\/login|\/confirm)?$/.exec(url.pathname);
    if (interaction) return void interact(provider, req, res, interaction[2]).catch((error) => fail(res, error));
    provider.callback()(req, res);
  });

  return {
    url: issuer,
    requests,
    /** The key now signing access tokens (private JWK): to mint tokens with claims no client can ask for. */
    get signingKey() {
      return keys[0];
    },
    /** Issue tokens for this resource as opaque strings, checked only through introspection. */
    useOpaqueTokensFor(resource) {
      opaqueResources.add(resource);
    },
    /** Sign with a new key from now on; the old one stays published for tokens already issued. */
    async rotateKeys() {
      keys.unshift(await signingKey());
      provider = new Provider(issuer, configuration());
    },
    /** A token from the client-credentials grant. */
    async clientCredentialsToken({ resource, scope = `${READ_SCOPE} ${WRITE_SCOPE}` }) {
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: basic(SERVICE.id, SERVICE.secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`client_credentials failed: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    /** Revokes a token (its introspection then says inactive). */
    async revoke(token) {
      const res = await fetch(`${issuer}/token/revocation`, {
        method: 'POST',
        headers: {
          authorization: basic(SERVICE.id, SERVICE.secret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ token }),
      });
      if (!res.ok) throw new Error(`revocation failed: ${res.status}`);
    },
    /**
     * Signs a JWT access token with the issuer's current key (or another key) and any claims:
     * for tokens a well-behaved issuer would not hand out (expired ones), or forged ones.
     */
    async mint(claims, { key = keys[0], alg = 'ES256', kid = key.kid } = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, iat: now, exp: now + 600, jti: randomBytes(8).toString('hex'), ...claims })
        .setProtectedHeader({ alg, kid, typ: 'at+jwt' })
        .sign(await importJWK(key, key.alg));
    },
    /** A key pair the issuer never published. */
    foreignKey: signingKey,
    /**
     * Plays the user in a browser: follows the authorization URL, signs in as `login`, consents
     * (to `grant` scopes when given, else to everything asked that the user may give) and returns
     * the authorization code from the redirect to the client.
     * @param {URL | string} authorizationUrl
     * @param {{ login: string, grant?: string[] }} user
     */
    async authorize(authorizationUrl, user) {
      return playUser(authorizationUrl, user);
    },
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve(undefined));
      }),
  };
}

const basic = (id, secret) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

function fail(res, error) {
  if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
  res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The login and consent pages, and what their forms post. */
async function interact(provider, req, res, action) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params } = details;
  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    if (prompt.name === 'login') {
      return void res.end(
        `<!doctype html><title>Sign in</title><form method="post" action="/interaction/${uid}/login"><input ` +
          `name="login"><button>Sign in</button></form>`,
      );
    }
    const asked = String(params.scope ?? '')
      .split(' ')
      .filter(Boolean);
    const boxes = asked
      .map(
        (s) => `<label><input type="checkbox" name="scope" value="${escapeHtml(s)}" checked>${escapeHtml(s)}</label>`,
      )
      .join('');
    return void res.end(
      `<!doctype html><title>Allow access</title><form method="post" action="/interaction/${uid}/confirm">${boxes}<button>Allow</button></form>`,
    );
  }
  const form = await readForm(req);
  if (action === '/login') {
    if (prompt.name !== 'login') throw new Error(`expected the login prompt, got ${prompt.name}`);
    const login = form.get('login') ?? '';
    if (!(login in USERS)) {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'unknown user' },
        { mergeWithLastSubmission: false },
      );
    }
    return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }
  if (prompt.name !== 'consent') throw new Error(`expected the consent prompt, got ${prompt.name}`);
  const accountId = details.session?.accountId;
  const mayGive = new Set(USERS[accountId] ?? []);
  const ticked = new Set(form.getAll('scope'));
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    const given = scopes.filter((s) => mayGive.has(s) && ticked.has(s));
    // What is not given is rejected, so the flow finishes with less, as a real consent screen
    // with boxes unticked would; with nothing given the token carries no usable scope.
    if (given.length) grant.addResourceScope(resource, given.join(' '));
    const refused = scopes.filter((s) => !given.includes(s));
    if (refused.length) grant.rejectResourceScope(resource, refused.join(' '));
  }
  const grantId = await grant.save();
  return provider.interactionFinished(
    req,
    res,
    { consent: details.grantId ? {} : { grantId } },
    { mergeWithLastSubmission: true },
  );
}

/** A browser, reduced to what the flow needs: redirects followed by hand and a cookie jar. */
async function playUser(authorizationUrl, { login, grant }) {
  const jar = new Map();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  };
  let url = new URL(authorizationUrl);
  const redirectUri = url.searchParams.get('redirect_uri');
  for (let hop = 0; hop < 20; hop++) {
    if (redirectUri && url.href.startsWith(redirectUri)) {
      const error = url.searchParams.get('error');
      if (error) throw new Error(`authorization failed: ${error} ${url.searchParams.get('error_description') ?? ''}`);
      const code = url.searchParams.get('code');
      if (!code) throw new Error(`no code in ${url.href}`);
      return code;
    }
    const page = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
    remember(page);
    if (page.status >= 300 && page.status < 400) {
      url = new URL(page.headers.get('location'), url);
      continue;
    }
    const html = await page.text();
    if (page.status !== 200)
      throw new Error(`authorization page ${url.href} answered ${page.status}: ${html.slice(0, 300)}`);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url.href}: ${html.slice(0, 300)}`);
    const form = new URLSearchParams();
    if (action.endsWith('/login')) form.set('login', login);
    else {
      const offered = [...html.matchAll(/name="scope" value="([^"]+)"/g)].map((m) => m[1]);
      for (const scope of offered) if (!grant || grant.includes(scope)) form.append('scope', scope);
    }
    const sent = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    remember(sent);
    if (sent.status < 300 || sent.status >= 400)
      throw new Error(`posting ${action} answered ${sent.status}: ${(await sent.text()).slice(0, 300)}`);
    url = new URL(sent.headers.get('location'), url);
  }
  throw new Error('too many redirects during authorization');
}
