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
        .complete({ ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' }, argument: { name: 'listId', value: '1' } }, { signal: abort.signal })
        .catch((e: Error) => e);
      await until(() => fake.requests.length === 1, 5_000, 'the completion reached Brevo');
      abort.abort('the user typed on');
      expect(await asked).toBeInstanceOf(Error);
      await until(() => fake.requests[0]!.aborted, 5_000, 'the Brevo request was aborted');
      // The next keystroke asks again rather than reusing the cancelled fetch.
      fake.reset();
      fake.route('GET', '/contacts/lists', { json: { lists: [{ id: 12, name: 'VIP' }], count: 1 } });
      const values = await conn.client.complete({ ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' }, argument: { name: 'listId', value: '1' } });
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
    const call = conn.client.callTool({ name: 'get_account', arguments: {} }, undefined, { signal: abort.signal }).catch((e: Error) => e);
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

  it('lets the idle sweep close its session', async () => {
    const server = await startHttpServer({ apiUrl: fake.url, args: ['--session-idle-ms', '300'], env: { BREVO_MCP_LOG_LEVEL: 'debug' } });
    try {
      await cancelledCall(server.url);
      await until(() => /closed after 300 ms without a request/.test(server.stderr()), 8_000, 'the idle session was closed');
    } finally {
      await server.stop();
    }
  }, 30_000);
});
