// Shared by the OAuth end-to-end tests: one authorization server per test file, the built server
// started against it (closed after each test with its clients), and raw MCP requests.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startHttpServer, type HttpServerProcess } from './mcp.js';
import { connectWithOAuth, TestOAuthProvider } from './oauth-client.mjs';
import { startIssuer } from './oauth-issuer.mjs';

export type Issuer = Awaited<ReturnType<typeof startIssuer>>;

export const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw-oauth-test', version: '1.0.0' } },
};
export const TOOLS_LIST = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

/** Registers the file's hooks; the issuer is there from beforeAll on. */
export function useOAuthHarness() {
  let issuer: Issuer | undefined;
  const servers: HttpServerProcess[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    issuer = await startIssuer();
  });
  afterAll(async () => {
    await issuer?.close();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close().catch(() => {})));
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  const harness = {
    get issuer(): Issuer {
      return issuer!;
    },
    /**
     * The built server with OAuth against the issuer (or issuerUrl), on the sandbox unless apiUrl names a fake Brevo.
     */
    async serve(
      args: string[] = [],
      env: Record<string, string> = {},
      options: { apiUrl?: string; issuerUrl?: string } = {},
    ): Promise<HttpServerProcess> {
      const server = await startHttpServer({
        apiUrl: options.apiUrl,
        args: [...(options.apiUrl ? [] : ['--sandbox']), '--oauth-issuer', options.issuerUrl ?? issuer!.url, ...args],
        env: { BREVO_MCP_LOG_LEVEL: 'debug', ...env },
      });
      servers.push(server);
      return server;
    },
    /** Signs in as `login` through the SDK's flow and connects; closed after the test. */
    async signIn(url: string, login: string, options: { grant?: string[]; headers?: Record<string, string> } = {}) {
      const provider = new TestOAuthProvider(issuer!, { login, grant: options.grant });
      const connected = await connectWithOAuth(url, provider, { headers: options.headers });
      clients.push(connected.client);
      return { ...connected, provider, token: provider.tokens()!.access_token as string };
    },
  };
  return harness;
}

/** Authorization header for a token, none for undefined. */
export const bearer = (token: string | undefined): Record<string, string> =>
  token === undefined ? {} : { authorization: `Bearer ${token}` };

/** A raw POST as an MCP client sends it. */
export function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
}

/** The JSON-RPC message of a response, whether sent as JSON or as one SSE event. */
export async function message(
  res: Response,
): Promise<{ result?: Record<string, unknown>; error?: { code: number; message: string } }> {
  const text = await res.text();
  if (!(res.headers.get('content-type') ?? '').includes('event-stream')) return JSON.parse(text);
  const data = text.split('\n').find((line) => line.startsWith('data: ') && line.length > 6);
  return JSON.parse(data!.slice(6));
}

/** A JWT's claims, unverified. */
export const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** A port nothing listens on yet, to name a resource before its server starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
