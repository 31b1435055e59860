// Protocol 2026-07-28 through the v2 SDK's Client (what clients probing server/discover first
// get), over stdio and Streamable HTTP: the same tools, resources, prompts and completions as a
// 2025-11-25 client, --confirm through input-required results with signed request state, list
// changes through subscriptions/listen, progress, cancellation, views and refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectHttp, connectStdio, startHttpServer, TEST_KEY, textOf, type HttpServerProcess } from './support/mcp.js';
import { connectHttp2026, connectStdio2026, type Modern } from './support/mcp-2026.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await sleep(20);
  }
}

const ELICITING = { capabilities: { elicitation: { form: {} } } };
const APPS = {
  capabilities: {
    extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } },
  },
};

let fake: FakeBrevo;
const servers: HttpServerProcess[] = [];
beforeAll(async () => {
  fake = await FakeBrevo.start();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await fake?.close();
});
beforeEach(() => fake.reset());

async function http(args: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const server = await startHttpServer({ apiUrl: fake.url, args, env });
  servers.push(server);
  return server.url;
}

/** One connection per transport, with the same server flags. */
const TRANSPORTS = {
  stdio: (args: string[], client?: object) => connectStdio2026({ apiUrl: fake.url, args, client }),
  http: async (args: string[], client?: object) => connectHttp2026(await http(args), { client }),
} as const;

describe.each(Object.keys(TRANSPORTS) as Array<keyof typeof TRANSPORTS>)('2026-07-28 over %s', (transport) => {
  const connect = TRANSPORTS[transport];

  it('is negotiated through server/discover, which declares exactly what is served', async () => {
    const conn = await connect([]);
    try {
      expect(conn.client.getProtocolEra()).toBe('modern');
      expect(conn.client.getServerVersion()).toMatchObject({ name: 'brevo-mcp', title: 'Brevo' });
      expect(conn.client.getServerCapabilities()).toEqual({
        // The default's enable_toolset changes the list where a connection remembers it (stdio).
        tools: { listChanged: transport === 'stdio' },
        resources: { listChanged: true },
        prompts: {},
        completions: {},
      });
    } finally {
      await conn.close();
    }
  });

  it('lists the same tools, resources and prompts as a 2025-11-25 client sees', async () => {
    const conn = await connect(['--toolsets', 'contacts,account']);
    const legacy = await connectStdio({ apiUrl: fake.url, args: ['--toolsets', 'contacts,account'] });
    try {
      const names = (r: { tools: Array<{ name: string }> }) => r.tools.map((t) => t.name);
      expect(names(await conn.client.listTools())).toEqual(names(await legacy.client.listTools()));
      expect((await conn.client.listResources()).resources).toEqual((await legacy.client.listResources()).resources);
      expect((await conn.client.listPrompts()).prompts).toEqual((await legacy.client.listPrompts()).prompts);
    } finally {
      await conn.close();
      await legacy.close();
    }
  });

  it('calls a tool, reads a resource, completes an id and gets a prompt', async () => {
    const conn = await connect([]);
    try {
      fake.route('GET', '/account', { json: { email: 'owner@acme.test' } });
      const account = await conn.client.callTool({ name: 'get_account', arguments: {} });
      expect(JSON.parse(textOf(account))).toEqual({ email: 'owner@acme.test' });
      expect(fake.requests.at(-1)?.headers['api-key']).toBe(TEST_KEY);

      fake.route('GET', '/contacts/lists', { json: { lists: [{ id: 12, name: 'VIP' }], count: 1 } });
      const read = await conn.client.readResource({ uri: 'brevo://contacts/lists' });
      expect(read.contents[0]).toMatchObject({ uri: 'brevo://contacts/lists', mimeType: 'application/json' });
      const completed = await conn.client.complete({
        ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' },
        argument: { name: 'listId', value: '1' },
      });
      expect(completed.completion.values).toEqual(['12']);

      const { prompts } = await conn.client.listPrompts();
      expect(prompts.length).toBeGreaterThan(0);
      const prompt = prompts.find((p) => !p.arguments?.some((a) => a.required)) ?? prompts[0]!;
      const args = Object.fromEntries((prompt.arguments ?? []).filter((a) => a.required).map((a) => [a.name, '12']));
      const got = await conn.client.getPrompt({ name: prompt.name, arguments: args });
      expect(got.messages.length).toBeGreaterThan(0);
    } finally {
      await conn.close();
    }
  });

  it('answers a missing resource with -32602 naming the URI, and a bad call with the same errors as 2025', async () => {
    const conn = await connect([]);
    try {
      const missing = await conn.client.readResource({ uri: 'brevo://no/such/thing' }).catch((e) => e);
      expect(missing).toMatchObject({ code: -32602, data: { uri: 'brevo://no/such/thing' } });
      const unknown = await conn.client.callTool({ name: 'no_such_tool', arguments: {} }).catch((e) => e);
      expect(unknown).toMatchObject({ code: -32602 });
      expect(String(unknown.message)).toMatch(/Unknown tool: no_such_tool/);
      const invalid = await conn.client.callTool({ name: 'get_contacts_from_list', arguments: {} });
      expect(textOf(invalid)).toMatch(/^Invalid arguments for get_contacts_from_list: listId is required/);
      expect(fake.requests).toHaveLength(0);
    } finally {
      await conn.close();
    }
  });

  it('--confirm asks through an input-required result: sent once confirmed, nothing when declined', async () => {
    let answer: { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> } = {
      action: 'accept',
      content: { confirm: true },
    };
    const questions: string[] = [];
    const conn = await connect(['--confirm'], ELICITING);
    conn.client.setRequestHandler('elicitation/create', async (request) => {
      questions.push((request.params as { message: string }).message);
      return answer;
    });
    try {
      fake.route('DELETE', '/contacts/lists/12', { status: 204 });
      const done = await conn.client.callTool({ name: 'delete_list', arguments: { listId: 12 } });
      expect(done.isError).toBeFalsy();
      expect(questions).toEqual([expect.stringMatching(/^Delete list: listId 12\.\nThis cannot be undone/)]);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /contacts/lists/12']);

      fake.reset();
      for (const declined of [
        { action: 'decline' as const },
        { action: 'accept' as const, content: { confirm: false } },
      ]) {
        answer = declined;
        const refused = await conn.client.callTool({ name: 'delete_list', arguments: { listId: 12 } });
        expect(refused.isError).toBe(true);
        expect(textOf(refused)).toMatch(/^Not done: the user (declined|did not confirm)\. Nothing was sent to Brevo\./);
      }
      expect(fake.requests).toHaveLength(0);
      // Reads are never asked about.
      fake.route('GET', '/account', { json: {} });
      questions.length = 0;
      await conn.client.callTool({ name: 'get_account', arguments: {} });
      expect(questions).toEqual([]);
    } finally {
      await conn.close();
    }
  });

  it('--confirm with a client that cannot ask: refused, nothing sent', async () => {
    const conn = await connect(['--confirm']);
    try {
      const refused = await conn.client.callTool({ name: 'delete_list', arguments: { listId: 12 } });
      expect(textOf(refused)).toMatch(/this client cannot ask \(no MCP elicitation support\)/);
      expect(fake.requests).toHaveLength(0);
    } finally {
      await conn.close();
    }
  });

  it('code mode under --confirm never sends a destructive call: the script cannot stop to ask', async () => {
    const conn = await connect(['--code', '--confirm'], ELICITING);
    conn.client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { confirm: true } }));
    try {
      fake.route('DELETE', '/contacts/lists/12', { status: 204 });
      const ran = await conn.client.callTool({
        name: 'execute',
        arguments: {
          code:
            'try { await brevo.delete_list({ listId: 12 }); return "sent"; } catch (e) { return e.code ' +
            '+ ": " + e.message; }',
        },
      });
      expect(textOf(ran)).toMatch(
        /not_approved: Not done: .*a code mode script cannot stop to ask in protocol revision 2026-07-28/,
      );
      expect(fake.requests).toHaveLength(0);
    } finally {
      await conn.close();
    }
  });

  it('shows views only to a client announcing MCP Apps in its request metadata', async () => {
    const plain = await connect(['--toolsets', 'contacts']);
    const apps = await connect(['--toolsets', 'contacts'], APPS);
    try {
      const uiOf = async (conn: Modern) =>
        (await conn.client.listTools()).tools.find((t) => t.name === 'get_lists')?._meta?.ui as unknown;
      expect(await uiOf(plain)).toBeUndefined();
      expect(await uiOf(apps)).toEqual({ resourceUri: 'ui://brevo/contact-lists-health.html' });
      const uris = (await apps.client.listResources()).resources.map((r) => r.uri);
      expect(uris).toContain('ui://brevo/contact-lists-health.html');
      const view = await apps.client.readResource({ uri: 'ui://brevo/contact-lists-health.html' });
      expect(view.contents[0]).toMatchObject({ mimeType: 'text/html;profile=mcp-app' });
    } finally {
      await plain.close();
      await apps.close();
    }
  });

  it('reports code-mode progress on the call and cancellation aborts the Brevo request', async () => {
    const conn = await connect(['--code']);
    try {
      fake.route('GET', '/account', { json: { email: 'a@b.c' } });
      const progress: string[] = [];
      const ran = await conn.client.callTool(
        { name: 'execute', arguments: { code: 'await brevo.get_account({}); return await brevo.get_account({});' } },
        { onprogress: (p) => progress.push(p.message ?? String(p.progress)) },
      );
      expect(JSON.parse(textOf(ran))).toEqual({ email: 'a@b.c' });
      expect(progress.length).toBeGreaterThanOrEqual(2);

      fake.reset();
      fake.route('GET', '/account', { delayMs: 30_000, json: {} });
      const abort = new AbortController();
      const call = conn.client
        .callTool(
          { name: 'execute', arguments: { code: 'return await brevo.get_account({});' } },
          { signal: abort.signal },
        )
        .catch((e: Error) => e);
      await until(() => fake.requests.length === 1, 15_000, 'the call reached Brevo');
      abort.abort('changed my mind');
      expect(await call).toBeInstanceOf(Error);
      await until(() => fake.requests[0]!.aborted, 15_000, 'the Brevo request was aborted');
    } finally {
      await conn.close();
    }
  }, 60_000);
});

describe('dynamic mode under 2026-07-28', () => {
  it('over HTTP offers no enable_toolset (nothing would keep it) and reaches operations with call_tool', async () => {
    const conn = await connectHttp2026(await http(['--dynamic']));
    try {
      const names = (await conn.client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(['search_tools', 'describe_tool', 'call_tool']);
      fake.route('GET', '/account', { json: { email: 'a@b.c' } });
      const ran = await conn.client.callTool({ name: 'call_tool', arguments: { name: 'get_account', arguments: {} } });
      expect(JSON.parse(textOf(ran))).toEqual({ email: 'a@b.c' });
    } finally {
      await conn.close();
    }
  });

  it('over stdio enables a toolset and tells a listener through subscriptions/listen', async () => {
    const conn = await connectStdio2026({ apiUrl: fake.url, args: ['--dynamic'] });
    try {
      expect(conn.client.getServerCapabilities()?.tools).toEqual({ listChanged: true });
      let changed = 0;
      conn.client.setNotificationHandler('notifications/tools/list_changed', () => void changed++);
      const subscription = await conn.client.listen({ toolsListChanged: true });
      expect(subscription.honoredFilter).toMatchObject({ toolsListChanged: true });
      await conn.client.callTool({ name: 'enable_toolset', arguments: { toolset: 'contacts' } });
      await until(() => changed > 0, 5_000, 'the listener heard the change');
      expect((await conn.client.listTools()).tools.map((t) => t.name)).toContain('get_lists');
      await subscription.close();
    } finally {
      await conn.close();
    }
  });
});

describe('subscriptions/listen over HTTP', () => {
  it("delivers a write's resource change to another client's listen stream", async () => {
    const url = await http([]);
    const listener = await connectHttp2026(url);
    const writer = await connectHttp2026(url);
    try {
      let heard = 0;
      listener.client.setNotificationHandler('notifications/resources/list_changed', () => void heard++);
      const subscription = await listener.client.listen({ resourcesListChanged: true });
      fake.route('POST', '/contacts/lists', { status: 201, json: { id: 44 } });
      const made = await writer.client.callTool({ name: 'create_list', arguments: { name: 'New', folderId: 1 } });
      expect(made.isError).toBeFalsy();
      await until(() => heard > 0, 5_000, 'the listener heard the change');
      await subscription.close();
    } finally {
      await listener.close();
      await writer.close();
    }
  });
});

describe('raw 2026-07-28 requests over HTTP', () => {
  const envelope = (capabilities: object = {}) => ({
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': capabilities,
  });
  const post = (url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const params = body.params as { name?: string } | undefined;
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': String(body.method),
        ...(params?.name ? { 'mcp-name': params.name } : {}),
        ...headers,
      },
      body: JSON.stringify({ jsonrpc: '2.0', ...body }),
    });
  };

  it('refuses a tampered confirmation state with -32602 and sends nothing', async () => {
    const url = await http(['--confirm']);
    const call = (id: number, extra: object = {}) =>
      post(url, {
        id,
        method: 'tools/call',
        params: { name: 'delete_list', arguments: { listId: 12 }, _meta: envelope(ELICITING.capabilities), ...extra },
      });
    const first = (await (await call(1)).json()) as { result: { resultType: string; requestState: string } };
    expect(first.result.resultType).toBe('input_required');
    const state = first.result.requestState;
    const [version, payload, mac] = state.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), p: { call: 'x' } }),
    ).toString('base64url');
    const confirmed = { confirm: { action: 'accept', content: { confirm: true } } };
    const tampered = await (
      await call(2, { requestState: `${version}.${forged}.${mac}`, inputResponses: confirmed })
    ).json();
    expect(tampered).toMatchObject({ id: 2, error: { code: -32602, message: 'Invalid or expired requestState' } });
    expect(fake.requests).toHaveLength(0);
    // The state back without an answer: refused, nothing sent.
    const unanswered = (await (await call(4, { requestState: state })).json()) as {
      result: { isError?: boolean; content: Array<{ text: string }> };
    };
    expect(unanswered.result.isError).toBe(true);
    expect(unanswered.result.content[0]!.text).toMatch(
      /^Not done: the user did not answer\. Nothing was sent to Brevo\./,
    );
    expect(fake.requests).toHaveLength(0);
    // The untouched state, answered, goes through: proof the refusal was the tampering.
    fake.route('DELETE', '/contacts/lists/12', { status: 204 });
    const done = (await (await call(3, { requestState: state, inputResponses: confirmed })).json()) as {
      result: { isError?: boolean };
    };
    expect(done.result.isError).toBeFalsy();
    expect(fake.requests).toHaveLength(1);
  });

  it('answers an unknown method with the request id, and a missing token with 401 and its challenge', async () => {
    const url = await http([], { MCP_AUTH_TOKEN: 'a-long-enough-test-token-123456' });
    const refused = await post(url, { id: 9, method: 'server/discover', params: { _meta: envelope() } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const authorized = { authorization: 'Bearer a-long-enough-test-token-123456' };
    const discover = await post(url, { id: 10, method: 'server/discover', params: { _meta: envelope() } }, authorized);
    expect(discover.status).toBe(200);
    expect(await discover.json()).toMatchObject({ id: 10, result: { supportedVersions: ['2026-07-28'] } });
    const unknown = await post(url, { id: 11, method: 'brevo/frobnicate', params: { _meta: envelope() } }, authorized);
    expect(await unknown.json()).toMatchObject({ id: 11, error: { code: -32601 } });
  });

  it('keeps 2025-11-25 sessions on the same endpoint', async () => {
    const url = await http([]);
    const legacy = await connectHttp(url);
    try {
      expect(legacy.client.getServerVersion()).toMatchObject({ name: 'brevo-mcp' });
      fake.route('GET', '/account', { json: { email: 'a@b.c' } });
      expect(JSON.parse(textOf(await legacy.client.callTool({ name: 'get_account', arguments: {} })))).toEqual({
        email: 'a@b.c',
      });
    } finally {
      await legacy.close();
    }
  });
});
