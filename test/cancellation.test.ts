// Cancelling a request ends its work everywhere: a cancelled completion aborts its Brevo request,
// and over HTTP a cancelled call's POST stream ends, so it no longer counts as in flight (shutdown
// does not wait for it; the idle sweep closes its session).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectHttp, connectStdio, startHttpServer } from './support/mcp.js';

let fake: FakeBrevo;
beforeAll(async () => {
  fake = await FakeBrevo.start();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await sleep(20);
  }
}

describe('cancelling completion/complete', () => {
  it('aborts its Brevo request', async () => {
    const conn = await connectStdio({ apiUrl: fake.url });
    try {
      fake.route('GET', '/contacts/lists', { delayMs: 15_000, json: { lists: [], count: 0 } });
      const abort = new AbortController();
      const asked = conn.client
        .complete(
          {
            ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' },
            argument: { name: 'listId', value: '1' },
          },
          { signal: abort.signal },
        )
        .catch((e: Error) => e);
      await until(() => fake.requests.length === 1, 5_000, 'the completion reached Brevo');
      abort.abort('the user typed on');
      expect(await asked).toBeInstanceOf(Error);
      await until(() => fake.requests[0]!.aborted, 5_000, 'the Brevo request was aborted');
      // The next keystroke asks again rather than reusing the cancelled fetch.
      fake.reset();
      fake.route('GET', '/contacts/lists', { json: { lists: [{ id: 12, name: 'VIP' }], count: 1 } });
      const values = await conn.client.complete({
        ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' },
        argument: { name: 'listId', value: '1' },
      });
      expect(values.completion.values).toEqual(['12']);
    } finally {
      await conn.close();
    }
  });
});

describe('a cancelled call over Streamable HTTP', () => {
  /** Starts a call Brevo is slow to answer and cancels it once Brevo has it. */
  async function cancelledCall(url: string) {
    const conn = await connectHttp(url);
    fake.route('GET', '/account', { delayMs: 30_000, json: {} });
    const abort = new AbortController();
    const call = conn.client
      .callTool({ name: 'get_account', arguments: {} }, undefined, { signal: abort.signal })
      .catch((e: Error) => e);
    await until(() => fake.requests.length === 1, 5_000, 'the call reached Brevo');
    abort.abort('not needed any more');
    expect(await call).toBeInstanceOf(Error);
    await until(() => fake.requests[0]!.aborted, 5_000, 'the Brevo request was aborted');
    return conn;
  }

  it('no longer holds SIGTERM for the grace period', async () => {
    const server = await startHttpServer({ apiUrl: fake.url, args: ['--shutdown-grace-ms', '60000'] });
    const conn = await cancelledCall(server.url);
    server.kill('SIGTERM');
    const exited = await Promise.race([server.exited, sleep(8_000).then(() => 'still running')]);
    expect(exited, server.stderr()).toBe(0);
    expect(server.stderr()).not.toMatch(/waiting up to 60000 ms/);
    await conn.close().catch(() => {});
  }, 30_000);

  it('never ends a (legacy) batch stream early: the other requests of the batch still get their answers', async () => {
    const server = await startHttpServer({ apiUrl: fake.url });
    try {
      const headers = {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2025-11-25',
      };
      const post = (body: unknown, extra: Record<string, string> = {}) =>
        fetch(server.url, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
      const init = await post({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
      });
      const session = { 'mcp-session-id': init.headers.get('mcp-session-id')! };
      await init.body?.cancel();
      await (await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, session)).body?.cancel();
      fake.route('GET', '/account', { delayMs: 30_000, json: {} });
      fake.route('GET', '/contacts/lists', { delayMs: 500, json: { count: 0, lists: [] } });
      const batch = await post(
        [
          { jsonrpc: '2.0', id: 10, method: 'tools/call', params: { name: 'get_account', arguments: {} } },
          { jsonrpc: '2.0', id: 11, method: 'tools/call', params: { name: 'get_lists', arguments: {} } },
        ],
        session,
      );
      await until(() => fake.requests.length === 2, 5_000, 'both calls reached Brevo');
      await (
        await post({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 10 } }, session)
      ).body?.cancel();
      // Read the stream until the answer to 11 arrives (the SDK keeps a batch stream open for 10).
      const reader = batch.body!.getReader();
      let text = '';
      while (!/"id":11/.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      expect(text).toMatch(/"id":11/);
      await reader.cancel();
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('lets the idle sweep close its session', async () => {
    const server = await startHttpServer({
      apiUrl: fake.url,
      args: ['--session-idle-ms', '300'],
      env: { BREVO_MCP_LOG_LEVEL: 'debug' },
    });
    try {
      await cancelledCall(server.url);
      await until(
        () => /closed after 300 ms without a request/.test(server.stderr()),
        8_000,
        'the idle session was closed',
      );
    } finally {
      await server.stop();
    }
  }, 30_000);
});
