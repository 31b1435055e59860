// An MCP client that signs in as real ones do: the SDK's own OAuth flow (401 -> protected
// resource metadata -> authorization server metadata -> dynamic registration -> authorization
// code with PKCE -> token), with the test issuer's user standing in for the person at the
// browser. Plain JavaScript so the deploy check can load it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const REDIRECT = 'http://127.0.0.1:7/callback';

/**
 * An OAuthClientProvider kept in memory. redirectToAuthorization plays the user at once (sign-in
 * and consent on the issuer's pages) and keeps the code for finishAuth.
 */
export class TestOAuthProvider {
  /**
   * @param {{ authorize(url: URL, user: { login: string, grant?: string[] }): Promise<string> }} issuer
   * @param {{ login: string, grant?: string[] }} user
   */
  constructor(issuer, user) {
    this.issuer = issuer;
    this.user = user;
    /** Every authorization URL the SDK sent the "browser" to. */
    this.authorizationUrls = [];
    this.code = undefined;
    this._client = undefined;
    this._tokens = undefined;
    this._verifier = undefined;
  }
  get redirectUrl() {
    return REDIRECT;
  }
  get clientMetadata() {
    return {
      client_name: `brevo-mcp test client (${this.user.login})`,
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this._client;
  }
  saveClientInformation(info) {
    this._client = info;
  }
  tokens() {
    return this._tokens;
  }
  saveTokens(tokens) {
    this._tokens = tokens;
  }
  async redirectToAuthorization(url) {
    this.authorizationUrls.push(new URL(url));
    this.code = await this.issuer.authorize(url, this.user);
  }
  saveCodeVerifier(verifier) {
    this._verifier = verifier;
  }
  codeVerifier() {
    if (!this._verifier) throw new Error('no code verifier saved');
    return this._verifier;
  }
}

/**
 * Connects to an OAuth-protected MCP endpoint the way an interactive client does: the first
 * attempt is refused (401) and sends the user to sign in; with the code, the client finishes
 * the flow and connects again with its token.
 * @param {string} url
 * @param {TestOAuthProvider} provider
 * @param {{ fetch?: typeof fetch, headers?: Record<string, string> }} [options]
 */
export async function connectWithOAuth(url, provider, options = {}) {
  const transportFor = () =>
    new StreamableHTTPClientTransport(new URL(url), {
      authProvider: provider,
      fetch: options.fetch,
      requestInit: { headers: options.headers ?? {} },
    });
  if (!provider.tokens()) {
    const first = transportFor();
    const client = new Client({ name: 'brevo-mcp-oauth-tests', version: '1.0.0' });
    try {
      await client.connect(first);
      // Already authorized (tokens saved by an earlier flow): nothing more to do.
      return { client, transport: first };
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) throw error;
      await client.close().catch(() => {});
    }
    if (!provider.code) throw new Error('the server refused without sending the user to sign in');
    await first.finishAuth(provider.code);
  }
  const transport = transportFor();
  const client = new Client({ name: 'brevo-mcp-oauth-tests', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}
