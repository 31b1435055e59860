// Garbage over Streamable HTTP gets JSON-RPC errors and the server keeps serving; a session that
// goes away takes its Brevo requests with it.
import type { Json } from './support/json.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { startHttpServer, type HttpServerProcess } from './support/mcp.js';

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

/** Reads a JSON-RPC answer whether it came as JSON or as one SSE event. */
async function rpc(res: Response): Promise<Json> {
  const text = await res.text();
  const data = text.includes('data:')
    ? text
        .split('\n')
        .find((l) => l.startsWith('data:'))!
        .slice(5)
    : text;
  return JSON.parse(data);
}

describe('malformed JSON-RPC over Streamable HTTP', () => {
  let fake: FakeBrevo;
  let server: HttpServerProcess;
  let session: string;
  const post = (body: string | object, extra: Record<string, string> = {}) =>
    fetch(server.url, {
      method: 'POST',
      headers: { ...HEADERS, ...extra },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    server = await startHttpServer({ apiUrl: fake.url });
    const res = await post(INIT);
    session = res.headers.get('mcp-session-id')!;
    await res.text();
    await (await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'mcp-session-id': session })).text();
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('answers bad JSON with a parse error', async () => {
    for (const headers of [{}, { 'mcp-session-id': session }]) {
      const res = await post('{"jsonrpc":"2.0","id":3,', headers);
      expect(res.status).toBe(400);
      expect((await rpc(res)).error.code).toBe(-32700);
    }
  });

  it('answers an unknown method and wrongly typed params with JSON-RPC errors', async () => {
    const unknown = await rpc(
      await post({ jsonrpc: '2.0', id: 4, method: 'brevo/frobnicate', params: {} }, { 'mcp-session-id': session }),
    );
    expect(unknown.error.code).toBe(-32601);
    const typed = await rpc(
      await post({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 7 } }, { 'mcp-session-id': session }),
    );
    expect(typed.error.code).toBe(-32602);
  });

  it('refuses a non-JSON-RPC object and an unknown session', async () => {
    const res = await post({ hello: 'world' }, { 'mcp-session-id': session });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const gone = await post({ jsonrpc: '2.0', id: 6, method: 'tools/list' }, { 'mcp-session-id': 'no-such-session' });
    expect(gone.status).toBe(404);
  });

  it('keeps serving afterwards', async () => {
    fake.route('GET', '/account', { json: { email: 'owner@acme.test' } });
    const answer = await rpc(
      await post(
        { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'get_account', arguments: {} } },
        { 'mcp-session-id': session },
      ),
    );
    expect(JSON.parse(answer.result.content[0].text)).toEqual({ email: 'owner@acme.test' });
  });
});

describe('a session that goes away', () => {
  it('aborts its Brevo request', async () => {
    const fake = await FakeBrevo.start();
    const server = await startHttpServer({ apiUrl: fake.url });
    try {
      fake.route('GET', '/contacts', { delayMs: 5000, json: {} });
      const transport = new StreamableHTTPClientTransport(new URL(server.url));
      const client = new Client({ name: 'leaving', version: '1' });
      await client.connect(transport);
      const pending = client.callTool({ name: 'get_contacts', arguments: {} }).catch((e: Error) => e);
      while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
      await transport.terminateSession();
      const deadline = Date.now() + 3000;
      while (!fake.requests[0]!.aborted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(fake.requests[0]!.aborted).toBe(true);
      await client.close();
      await pending;
    } finally {
      await server.stop();
      await fake.close();
    }
  });
});
