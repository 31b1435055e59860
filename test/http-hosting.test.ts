// The smaller findings of issue 20 on the HTTP transport and OAuth: duplicate Host headers, the empty
// batch, client_id-only tokens and their namespace, and the introspection rate cap; the built server
// over real HTTP (and a real authorization server for OAuth).
import { connect as connectTcp } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectHttp, startHttpServer } from './support/mcp.js';
import { bearer, freePort, INIT, post, TOOLS_LIST, useOAuthHarness } from './support/oauth-harness.js';
import { INTROSPECTOR, WRITE_SCOPE } from './support/oauth-issuer.mjs';

/** Sends raw HTTP (headers exactly as given) and resolves with the status line and body. */
function rawRequest(url: string, head: string[], body: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(port), hostname, () => {
      socket.write([...head, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', '', body].join('\r\n'));
    });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), text }));
    socket.on('error', reject);
  });
}

describe('HTTP requests the transport refuses', () => {
  it('7. a second Host header (localhost, then evil.com) is refused with 400', async () => {
    const server = await startHttpServer({ args: ['--sandbox'] });
    try {
      const head = (hosts: string[]) => [
        'POST /mcp HTTP/1.1',
        ...hosts.map((h) => `Host: ${h}`),
        'Content-Type: application/json',
        'Accept: application/json, text/event-stream',
      ];
      const twice = await rawRequest(server.url, head(['localhost', 'evil.com']), JSON.stringify(INIT));
      expect(twice.status).toBe(400);
      expect(twice.text).toContain('2 Host headers; send exactly one');
      const once = await rawRequest(server.url, head(['localhost']), JSON.stringify(INIT));
      expect(once.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('7. an empty JSON-RPC batch is an Invalid Request, not 202, with or without a session', async () => {
    for (const args of [['--sandbox'], ['--sandbox', '--stateless']]) {
      const server = await startHttpServer({ args });
      const conn = await connectHttp(server.url);
      try {
        const sessionId = (conn.client.transport as { sessionId?: string }).sessionId;
        const res = await post(server.url, [], {
          'mcp-protocol-version': '2025-11-25',
          ...(sessionId ? { 'mcp-session-id': sessionId } : {}),
        });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: { code: number; message: string } }).error).toEqual({
          code: -32600,
          message: 'Invalid Request: an empty batch; send a JSON-RPC message or a non-empty array of them',
        });
        // The session still serves.
        expect((await conn.client.listTools()).tools.length).toBeGreaterThan(0);
      } finally {
        await conn.close();
        await server.stop();
      }
    }
  });
});

describe('OAuth subjects and introspection', () => {
  const harness = useOAuthHarness();

  it("7. a token with client_id alice and no sub is not the user alice: it cannot use alice's session", async () => {
    const port = await freePort();
    const resource = `http://127.0.0.1:${port}/mcp`;
    const server = await harness.serve(['--port', String(port), '--public-url', resource]);
    const user = await harness.issuer.mint({ sub: 'alice', aud: resource, scope: WRITE_SCOPE });
    const opened = await post(server.url, INIT, bearer(user));
    expect(opened.status).toBe(200);
    const session = { 'mcp-session-id': opened.headers.get('mcp-session-id')!, 'mcp-protocol-version': '2025-11-25' };
    await opened.text();
    expect((await post(server.url, TOOLS_LIST, { ...bearer(user), ...session })).status).toBe(200);

    const client = await harness.issuer.mint({ client_id: 'alice', aud: resource, scope: WRITE_SCOPE });
    const refused = await post(server.url, TOOLS_LIST, { ...bearer(client), ...session });
    expect(refused.status).toBe(404);
    // The client alice gets a session of its own.
    expect((await post(server.url, INIT, bearer(client))).status).toBe(200);
  });

  it('7. distinct made-up opaque tokens cost the issuer a bounded number of introspections', async () => {
    const port = await freePort();
    const resource = `http://127.0.0.1:${port}/mcp`;
    harness.issuer.useOpaqueTokensFor(resource);
    const server = await harness.serve(['--port', String(port), '--public-url', resource], {
      BREVO_MCP_OAUTH_CLIENT_ID: INTROSPECTOR.id,
      BREVO_MCP_OAUTH_CLIENT_SECRET: INTROSPECTOR.secret,
    });
    const introspections = () => harness.issuer.requests.filter((r) => r.path === '/token/introspection').length;
    const before = introspections();
    const started = Date.now();
    const statuses: number[] = [];
    for (let round = 0; round < 8; round++) {
      const batch = Array.from({ length: 10 }, (_, i) => `madeup${round}x${i}${Math.random().toString(36).slice(2)}`);
      const answers = await Promise.all(batch.map((token) => post(server.url, INIT, bearer(token))));
      statuses.push(...answers.map((a) => a.status));
    }
    const seconds = (Date.now() - started) / 1000;
    const asked = introspections() - before;
    // A burst of 20, then 10 a second: far fewer than the 80 tokens.
    expect(asked).toBeLessThanOrEqual(20 + Math.ceil(seconds * 10) + 1);
    expect(asked).toBeLessThan(80);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
  });
});
