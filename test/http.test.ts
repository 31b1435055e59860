// The Streamable HTTP transport as a deployment meets it: DNS-rebinding protection, the bearer
// token, body and session limits, idle sessions, stateless mode, per-connection tool selection,
// clients' own Brevo keys and graceful shutdown. Every server is the built bin on loopback
// against the fake Brevo, driven by the SDK's client and, where the HTTP matters, by raw requests.
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { FakeBrevo } from './support/fake-brevo.js';
import { BIN, startHttpServer, TEST_KEY, textOf, type HttpServerProcess } from './support/mcp.js';

const TOKEN = 'test-token-5f0c2a9e7b1d4c38a6e0f1b2c3d4e5f6';
const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw-http-test', version: '1.0.0' } },
};
const TOOLS_LIST = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

let fake: FakeBrevo;
const servers: HttpServerProcess[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  fake = await FakeBrevo.start();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close().catch(() => {})));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function serve(args: string[] = [], env: Record<string, string> = {}): Promise<HttpServerProcess> {
  const server = await startHttpServer({ apiUrl: fake.url, args, env });
  servers.push(server);
  return server;
}

async function connect(url: string, headers: Record<string, string> = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: 'brevo-mcp-http-tests', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return { client, transport };
}

/** A raw POST as an MCP client sends it. */
function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The JSON-RPC message of a response, whether sent as JSON or as one SSE event. */
async function message(
  res: Response,
): Promise<{ result?: Record<string, unknown>; error?: { code: number; message: string } }> {
  const text = await res.text();
  if (!(res.headers.get('content-type') ?? '').includes('event-stream')) return JSON.parse(text);
  const data = text.split('\n').find((line) => line.startsWith('data: ') && line.length > 6);
  return JSON.parse(data!.slice(6));
}

interface RpcBody {
  jsonrpc: string;
  id: string | number | null;
  error: { code: number; message: string };
}

/** A JSON-RPC error answer's body. */
const rpc = async (res: Response): Promise<RpcBody> => (await res.json()) as RpcBody;

/** A request with a Host header fetch would not let us set. */
function withHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const body = JSON.stringify(INIT);
    const req = httpRequest(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: {
          host,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** GET /healthz on a new TCP connection (none reused from a pool). */
function freshConnection(url: string): Promise<number | 'refused'> {
  return new Promise((resolve) => {
    const u = new URL(url);
    const req = httpRequest({ host: u.hostname, port: u.port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve('refused'));
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('DNS-rebinding protection', () => {
  it('answers a foreign Origin with 403 and a JSON-RPC error', async () => {
    const server = await serve();
    const res = await post(server.url, INIT, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const body = await rpc(res);
    expect(body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32000 } });
    expect(body.error.message).toMatch(/Origin "http:\/\/evil\.example" is not allowed/);
    // A foreign page on a loopback-looking name with another scheme is refused too.
    expect((await post(server.url, INIT, { origin: 'null' })).status).toBe(403);
  });

  it('accepts loopback origins on any port, listed origins, and requests without Origin', async () => {
    const server = await serve(['--allowed-origins', 'https://app.example.test']);
    for (const origin of [
      'http://localhost:5173',
      'http://127.0.0.1:8080',
      'http://[::1]:3000',
      'https://app.example.test',
    ]) {
      const res = await post(server.url, INIT, { origin });
      expect(res.status, origin).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      await res.body?.cancel();
    }
    expect((await post(server.url, INIT, { origin: 'https://other.example.test' })).status).toBe(403);
    const { client } = await connect(server.url, { origin: 'https://app.example.test' });
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
  });

  it('answers a CORS preflight only for an allowed origin', async () => {
    const server = await serve(['--allowed-origins', 'https://app.example.test']);
    const ok = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.test',
        'access-control-request-headers': 'authorization, mcp-session-id',
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.test');
    expect(ok.headers.get('access-control-allow-headers')).toBe('authorization, mcp-session-id');
    const refused = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(refused.status).toBe(403);
  });

  it('answers a Host header that is not allowed with 403, and accepts loopback and listed hosts', async () => {
    const server = await serve(['--allowed-hosts', 'mcp.example.test']);
    const port = new URL(server.url).port;
    const evil = await withHost(server.url, `evil.example:${port}`);
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error.message).toMatch(/Host "evil\.example:\d+" is not allowed/);
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      'mcp.example.test',
      `mcp.example.test:${port}`,
    ]) {
      expect((await withHost(server.url, host)).status, host).toBe(200);
    }
  });

  it('refuses to start with an --allowed-origins entry that is not an origin', async () => {
    await expect(
      startHttpServer({ apiUrl: fake.url, args: ['--allowed-origins', 'app.example.test'] }),
    ).rejects.toThrow(/--allowed-origins: "app\.example\.test" is not an origin/);
  });
});

describe('bearer token', () => {
  it(
    'answers a missing or wrong token with 401 and WWW-Authenticate, serves the right one, keeps ' + '/healthz open',
    async () => {
      const server = await serve([], { MCP_AUTH_TOKEN: TOKEN });
      const missing = await post(server.url, INIT);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer realm="brevo-mcp"$/);
      expect((await rpc(missing)).error.message).toMatch(/Authorization: Bearer/);

      const wrong = await post(server.url, INIT, { authorization: `Bearer ${TOKEN}x` });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      expect((await post(server.url, INIT, { authorization: `Basic ${TOKEN}` })).status).toBe(401);

      await expect(connect(server.url)).rejects.toThrow(/Unauthorized/);
      const { client } = await connect(server.url, { authorization: `Bearer ${TOKEN}` });
      fake.route('GET', '/account', { json: { email: 'owner@acme.test' } });
      const result = await client.callTool({ name: 'get_account', arguments: {} });
      expect(JSON.parse(textOf(result))).toEqual({ email: 'owner@acme.test' });

      const health = await fetch(server.url.replace('/mcp', '/healthz'));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(server.stderr()).not.toContain(TOKEN);
    },
  );

  it('takes the token from --auth-token too, and never prints it', async () => {
    const server = await serve(['--auth-token', TOKEN], { BREVO_MCP_LOG_LEVEL: 'debug' });
    expect((await post(server.url, INIT)).status).toBe(401);
    const { client } = await connect(server.url, { authorization: `Bearer ${TOKEN}` });
    await client.listTools();
    expect(server.stderr()).not.toContain(TOKEN);
  });

  it('refuses to bind a non-loopback address without a token, with one clear line', async () => {
    const run = promisify(execFile);
    const outcome = await run(process.execPath, [BIN, '--transport', 'http', '--host', '0.0.0.0', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '', BREVO_API_KEY: TEST_KEY },
      timeout: 10_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without an auth token.*MCP_AUTH_TOKEN/);
  });

  it('binds a non-loopback address with a token', async () => {
    const server = await serve(['--host', '0.0.0.0'], { MCP_AUTH_TOKEN: TOKEN });
    expect(server.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/mcp$/);
    const url = server.url.replace('0.0.0.0', '127.0.0.1');
    expect((await post(url, INIT)).status).toBe(401);
    const { client } = await connect(url, { authorization: `Bearer ${TOKEN}` });
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
  });
});

describe('limits', () => {
  it('answers a body over --max-body-bytes with 413, declared or streamed', async () => {
    const server = await serve(['--max-body-bytes', '4096']);
    const padded = JSON.stringify({ ...INIT, params: { ...INIT.params, padding: 'x'.repeat(8000) } });
    const declared = await post(server.url, padded);
    expect(declared.status).toBe(413);
    expect((await rpc(declared)).error.message).toMatch(/must not exceed 4096 bytes/);

    // Chunked, no Content-Length: cut off once past the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 64; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const fits = await post(server.url, INIT);
    expect(fits.status).toBe(200);
    await fits.body?.cancel();
  });

  it('answers an initialize beyond --max-sessions with 503 until a session ends', async () => {
    const server = await serve(['--max-sessions', '2']);
    const first = await connect(server.url);
    await connect(server.url);
    const over = await post(server.url, INIT);
    expect(over.status).toBe(503);
    expect((await rpc(over)).error.message).toMatch(/Too many open sessions \(the limit is 2\)/);
    await expect(connect(server.url)).rejects.toThrow(/Too many open sessions/);

    await first.transport.terminateSession();
    const third = await connect(server.url);
    expect((await third.client.listTools()).tools.length).toBeGreaterThan(0);
  });

  it('closes a session idle for --session-idle-ms: its id then gets 404', async () => {
    const server = await serve(['--session-idle-ms', '500']);
    const busy = await connect(server.url);
    const idle = await connect(server.url);
    const idleId = idle.transport.sessionId!;
    expect(idleId).toBeTruthy();
    // The busy session keeps making requests; the idle one makes none.
    for (let i = 0; i < 10; i++) {
      await busy.client.listTools();
      await sleep(100);
    }
    const res = await post(server.url, TOOLS_LIST, { 'mcp-session-id': idleId, 'mcp-protocol-version': '2025-11-25' });
    expect(res.status).toBe(404);
    expect((await rpc(res)).error.code).toBe(-32001);
    expect((await busy.client.listTools()).tools.length).toBeGreaterThan(0);
  });

  it('never closes a session while a slow call is still running in it', async () => {
    const server = await serve(['--session-idle-ms', '200']);
    const { client } = await connect(server.url);
    fake.route('GET', '/account', { delayMs: 800, json: { email: 'slow@acme.test' } });
    const result = await client.callTool({ name: 'get_account', arguments: {} });
    expect(JSON.parse(textOf(result))).toEqual({ email: 'slow@acme.test' });
  });
});

describe('stateless mode', () => {
  it('serves tools/list and a tool call with no session id', async () => {
    const server = await serve(['--stateless']);
    const { client, transport } = await connect(server.url);
    expect(transport.sessionId).toBeUndefined();
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('get_lists');
    fake.route('GET', '/contacts/lists', { json: { count: 0, lists: [] } });
    const result = await client.callTool({ name: 'get_lists', arguments: {} });
    expect(JSON.parse(textOf(result))).toEqual({ count: 0, lists: [] });
    expect(fake.last().headers['api-key']).toBe(TEST_KEY);

    // Any instance behind a load balancer answers a request it has never seen a session for.
    const raw = await post(server.url, TOOLS_LIST, { 'mcp-protocol-version': '2025-11-25' });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('mcp-session-id')).toBeNull();
    const listed = await message(raw);
    expect((listed.result!.tools as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers GET and DELETE with 405', async () => {
    const server = await serve(['--stateless']);
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(server.url, { method, headers: { accept: 'text/event-stream' } });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect((await rpc(res)).error.message).toMatch(/stateless/);
    }
  });
});

describe('per-connection tool selection', () => {
  it('chooses toolsets from the query string or the headers', async () => {
    const server = await serve(['--toolsets', 'all']);
    const byQuery = await connect(`${server.url}?toolsets=account`);
    const accountTools = readManifest()
      .filter((t) => t.toolset === 'account')
      .map((t) => t.name);
    expect((await byQuery.client.listTools()).tools.map((t) => t.name)).toEqual(accountTools);

    const byHeader = await connect(server.url, {
      'X-Brevo-Toolsets': 'contacts',
      'X-Brevo-Exclude-Tools': 'delete_list',
    });
    const tools = (await byHeader.client.listTools()).tools;
    expect(tools.length).toBeGreaterThan(5);
    expect(tools.map((t) => t.name)).not.toContain('delete_list');
    expect(tools.map((t) => t.name)).toContain('create_list');

    const explicit = await connect(`${server.url}?tools=get_lists,get_list`);
    expect((await explicit.client.listTools()).tools.map((t) => t.name).sort()).toEqual(['get_list', 'get_lists']);
  });

  it('read_only never exposes a destructive or writing tool, and a hidden tool cannot be called', async () => {
    const server = await serve(['--toolsets', 'all']);
    for (const headers of [{}, { 'X-Brevo-Read-Only': '1' }] as Record<string, string>[]) {
      const url = Object.keys(headers).length
        ? `${server.url}?toolsets=contacts,transactional_email`
        : `${server.url}?toolsets=contacts,transactional_email&read_only=1`;
      const { client } = await connect(url, headers);
      const tools = (await client.listTools()).tools;
      expect(tools.length).toBeGreaterThan(0);
      for (const tool of tools) {
        expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
        expect(tool.annotations?.destructiveHint, tool.name).not.toBe(true);
      }
      const refused = await client.callTool({ name: 'delete_list', arguments: { listId: 1 } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/delete_list is a Brevo operation .*read-only/);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('answers unknown toolset and tool names with a 400 JSON-RPC error naming them', async () => {
    const server = await serve();
    const res = await post(`${server.url}?toolsets=contacts,nope&tools=bogus_tool`, INIT);
    expect(res.status).toBe(400);
    const body = await rpc(res);
    expect(body).toMatchObject({ jsonrpc: '2.0', id: 1, error: { code: -32602 } });
    expect(body.error.message).toMatch(/unknown toolset nope/);
    expect(body.error.message).toMatch(/unknown tool bogus_tool/);
    await expect(connect(server.url, { 'X-Brevo-Tools': 'no_such_tool' })).rejects.toThrow(/no_such_tool/);
    expect((await post(`${server.url}?read_only=maybe`, INIT)).status).toBe(400);
  });

  it('lets a client pick any toolset when the operator chose none (the default is only a default)', async () => {
    const server = await serve();
    const { client } = await connect(`${server.url}?toolsets=crm`);
    const tools = (await client.listTools()).tools;
    expect(tools.length).toBeGreaterThan(10);
    expect(tools.map((t) => t.name)).toContain('get_deals');
    const plain = await connect(server.url);
    expect((await plain.client.listTools()).tools.map((t) => t.name)).not.toContain('get_deals');
  });

  it('only narrows what the server offers when the operator chose toolsets', async () => {
    const server = await serve(['--toolsets', 'account']);
    const res = await post(`${server.url}?toolsets=contacts`, INIT);
    expect(res.status).toBe(400);
    expect((await rpc(res)).error.message).toMatch(/not offered by this server: contacts/);
  });

  it('a server started --read-only stays read-only whatever the client asks', async () => {
    const server = await serve(['--read-only', '--toolsets', 'contacts']);
    for (const [url, headers] of [
      [`${server.url}?read_only=0`, {}],
      [server.url, { 'X-Brevo-Read-Only': 'false' }],
      [`${server.url}?toolsets=contacts&read_only=off`, {}],
    ] as const) {
      const { client } = await connect(url, headers);
      const tools = (await client.listTools()).tools;
      expect(tools.length).toBeGreaterThan(0);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
    }
    const asked = await post(`${server.url}?tools=delete_list`, INIT);
    expect(asked.status).toBe(400);
    expect((await rpc(asked)).error.message).toMatch(/not offered by this server: delete_list.*read-only/);
  });
});

describe("clients' own Brevo keys", () => {
  const KEY_A = 'xkeysib-tenant-a-000000000000000000000000-AAAA';
  const KEY_B = 'xkeysib-tenant-b-111111111111111111111111-BBBB';

  it('each session reaches Brevo with its own key, never logged; no key at all says to send the header', async () => {
    const server = await serve(['--allow-client-keys'], { BREVO_API_KEY: '', BREVO_MCP_LOG_LEVEL: 'debug' });
    fake.route('GET', '/account', (req) => ({ json: { key: String(req.headers['api-key']).slice(-4) } }));
    const a = await connect(server.url, { 'X-Brevo-Api-Key': KEY_A });
    const b = await connect(server.url, { 'X-Brevo-Api-Key': KEY_B });
    for (const [conn, key] of [
      [a, KEY_A],
      [b, KEY_B],
      [a, KEY_A],
      [b, KEY_B],
    ] as const) {
      const before = fake.requests.length;
      const result = await conn.client.callTool({ name: 'get_account', arguments: {} });
      expect(result.isError).toBeFalsy();
      expect(fake.requests).toHaveLength(before + 1);
      expect(fake.last().headers['api-key']).toBe(key);
    }
    // Resources go through the session's key too.
    await a.client.readResource({ uri: 'brevo://account' });
    expect(fake.last().headers['api-key']).toBe(KEY_A);

    const none = await connect(server.url);
    const before = fake.requests.length;
    const result = await none.client.callTool({ name: 'get_account', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/X-Brevo-Api-Key/);
    expect(fake.requests).toHaveLength(before);

    await a.transport.terminateSession();
    await b.transport.terminateSession();
    expect(server.stderr()).toMatch(/session .* opened/);
    expect(server.stderr()).not.toContain(KEY_A);
    expect(server.stderr()).not.toContain(KEY_B);
  });

  it("binds a session to its key: another key, or none, cannot use the session's id", async () => {
    const server = await serve(['--allow-client-keys'], { BREVO_API_KEY: '' });
    const a = await connect(server.url, { 'X-Brevo-Api-Key': KEY_A });
    const id = a.transport.sessionId!;
    const headers = { 'mcp-session-id': id, 'mcp-protocol-version': '2025-11-25' };
    expect((await post(server.url, TOOLS_LIST, { ...headers, 'X-Brevo-Api-Key': KEY_B })).status).toBe(404);
    expect((await post(server.url, TOOLS_LIST, headers)).status).toBe(404);
    const own = await post(server.url, TOOLS_LIST, { ...headers, 'X-Brevo-Api-Key': KEY_A });
    expect(own.status).toBe(200);
    await own.body?.cancel();
  });

  it('works per request in stateless mode', async () => {
    const server = await serve(['--allow-client-keys', '--stateless'], { BREVO_API_KEY: '' });
    const a = await connect(server.url, { 'X-Brevo-Api-Key': KEY_A });
    await a.client.callTool({ name: 'get_account', arguments: {} });
    expect(fake.last().headers['api-key']).toBe(KEY_A);
    expect(server.stderr()).not.toContain(KEY_A);
  });

  it('ignores the header without --allow-client-keys', async () => {
    const server = await serve([], { BREVO_MCP_LOG_LEVEL: 'debug' });
    const { client } = await connect(server.url, { 'X-Brevo-Api-Key': KEY_A });
    await client.callTool({ name: 'get_account', arguments: {} });
    expect(fake.last().headers['api-key']).toBe(TEST_KEY);
    expect(server.stderr()).not.toContain(KEY_A);
    expect(server.stderr()).not.toContain(TEST_KEY);
  });

  it('still needs a key to start without --allow-client-keys', async () => {
    await expect(startHttpServer({ apiUrl: fake.url, env: { BREVO_API_KEY: '' } })).rejects.toThrow(/BREVO_API_KEY/);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM lets a slow call in flight finish, refuses new connections, then exits 0', async () => {
    const server = await serve();
    const { client } = await connect(server.url);
    fake.route('GET', '/account', { delayMs: 1500, json: { email: 'slow@acme.test' } });
    const call = client.callTool({ name: 'get_account', arguments: {} });
    await until(() => fake.requests.length === 1);

    server.kill('SIGTERM');
    // New connections are refused at once, while the call is still running.
    await until(async () => (await freshConnection(server.url)) === 'refused');
    expect(fake.requests[0]!.aborted).toBe(false);

    const result = await call;
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(textOf(result))).toEqual({ email: 'slow@acme.test' });
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toMatch(/SIGTERM: shutting down/);
  });

  it('does not wait past --shutdown-grace-ms', async () => {
    const server = await serve(['--shutdown-grace-ms', '300']);
    const { client } = await connect(server.url);
    fake.route('GET', '/account', { delayMs: 5000, json: {} });
    // A call cut off at the deadline gets no answer: the client's own timeout ends it.
    const call = client
      .callTool({ name: 'get_account', arguments: {} }, undefined, { timeout: 2000 })
      .catch((e: unknown) => e);
    await until(() => fake.requests.length === 1);
    const started = Date.now();
    server.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    await call;
  });
});
