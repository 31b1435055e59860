// Two replicas of the HTTP server behind no affinity at all, as 2026-07-28 clients may reach
// them: a confirmation asked by one is answered on the other (one secret from the environment
// signs and checks the state), and a change made through one reaches a subscriptions/listen
// stream held by the other (Redis pub/sub from Debian's redis-server).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { startHttpServer, type HttpServerProcess } from './support/mcp.js';
import { connectHttp2026 } from './support/mcp-2026.js';
import { startRedis } from './support/redis.js';

const SECRET = 'replica-secret-0123456789abcdef-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fake: FakeBrevo;
let redis: Awaited<ReturnType<typeof startRedis>>;
let one: HttpServerProcess;
let two: HttpServerProcess;
let stranger: HttpServerProcess;

beforeAll(async () => {
  fake = await FakeBrevo.start();
  redis = await startRedis();
  const env = { BREVO_MCP_STATE_SECRET: SECRET, BREVO_MCP_REDIS_URL: redis.url };
  [one, two, stranger] = await Promise.all([
    startHttpServer({ apiUrl: fake.url, args: ['--confirm'], env }),
    startHttpServer({ apiUrl: fake.url, args: ['--confirm'], env }),
    // Another deployment: its own secret, no Redis.
    startHttpServer({ apiUrl: fake.url, args: ['--confirm'], env: { BREVO_MCP_STATE_SECRET: `${SECRET}-other` } }),
  ]);
});
afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop(), stranger?.stop()]);
  await redis?.stop();
  await fake?.close();
});
beforeEach(() => fake.reset());

const envelope = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'replicas', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
};
async function deleteList(url: string, id: number, extra: object = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'delete_list',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'delete_list', arguments: { listId: 12 }, _meta: envelope, ...extra },
    }),
  });
  return (await res.json()) as {
    result?: { resultType?: string; requestState?: string; isError?: boolean };
    error?: { code: number; message: string };
  };
}

describe('replicas', () => {
  it('a confirmation asked by one replica is answered on the other; a foreign secret refuses it', async () => {
    const asked = await deleteList(one.url, 1);
    expect(asked.result?.resultType).toBe('input_required');
    const answer = {
      requestState: asked.result!.requestState,
      inputResponses: { confirm: { action: 'accept', content: { confirm: true } } },
    };
    const foreign = await deleteList(stranger.url, 2, answer);
    expect(foreign.error).toMatchObject({ code: -32602, message: 'Invalid or expired requestState' });
    expect(fake.requests).toHaveLength(0);
    fake.route('DELETE', '/contacts/lists/12', { status: 204 });
    const done = await deleteList(two.url, 3, answer);
    expect(done.result?.isError).toBeFalsy();
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /contacts/lists/12']);
  });

  it('a change made through one replica reaches a listener on the other', async () => {
    const listener = await connectHttp2026(two.url);
    const writer = await connectHttp2026(one.url);
    try {
      let heard = 0;
      listener.client.setNotificationHandler('notifications/resources/list_changed', () => void heard++);
      const subscription = await listener.client.listen({ resourcesListChanged: true });
      fake.route('POST', '/contacts/lists', { status: 201, json: { id: 44 } });
      const made = await writer.client.callTool({ name: 'create_list', arguments: { name: 'New', folderId: 1 } });
      expect(made.isError).toBeFalsy();
      const deadline = Date.now() + 5_000;
      while (heard === 0 && Date.now() < deadline) await sleep(20);
      expect(heard).toBe(1);
      await subscription.close();
    } finally {
      await listener.close();
      await writer.close();
    }
  });
});
