// Errors that name the real cause: what went wrong and where, in one line a model can act on,
// never a stack overflow reported as a cancellation or a size limit as a network problem.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, TEST_KEY, textOf, type Connected } from './support/mcp.js';
import { RawStdio } from './support/raw-stdio.js';

/** JSON text of `depth` arrays inside each other, built as text: stringifying that deep overflows. */
const nestedArraysText = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('errors that name the real cause', () => {
  let fake: FakeBrevo;
  let conn: Connected;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    conn = await connectStdio({ apiUrl: fake.url, args: ['--toolsets', 'contacts,events,account'] });
  });
  afterAll(async () => {
    await conn?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('refuses arguments nested too deep, naming the field and the limit, and sends nothing', async () => {
    // event_properties takes free JSON objects, so only the depth is wrong here.
    const deep = JSON.parse(nestedArraysText(1000));
    const result = await conn.client.callTool({
      name: 'create_event',
      arguments: {
        event_name: 'order_completed',
        identifiers: { email_id: 'ann@example.com' },
        event_properties: { cart: { lines: deep } },
      },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      'Invalid arguments for create_event: event_properties nests arrays or objects more than 32 ' +
        'levels deep; no Brevo field takes data that deep',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('says a field that was left out is required', async () => {
    const result = await conn.client.callTool({ name: 'get_contacts_from_list', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      'Invalid arguments for get_contacts_from_list: listId is required (get_lists lists them; create_list makes one)',
    );
    const nested = await conn.client.callTool({
      name: 'create_contact',
      arguments: { email: 'ann@example.com', listIds: ['seven'] },
    });
    expect(textOf(nested)).toBe('Invalid arguments for create_contact: listIds.0: expected a number, received "seven"');
  });

  it('answers arguments: null with one line naming it', async () => {
    const error = await conn.client.callTool({ name: 'get_account', arguments: null as never }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'MCP error -32602: Invalid tools/call request: params.arguments: expected an object, received null',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a 100 MB answer as over BREVO_MAX_RESPONSE_BYTES, not as a network problem', async () => {
    fake.route('GET', '/contacts', { body: Buffer.alloc(100 * 1024 * 1024, 0x20) });
    const result = await conn.client.callTool({ name: 'get_contacts', arguments: {} });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(
      /^get_contacts: Brevo's answer was larger than 20971520 bytes and was not read \(the limit is BREVO_MAX_RESPONSE_BYTES\)/,
    );
    expect(text).toMatch(/Hint: ask for less \(a smaller limit\) or raise BREVO_MAX_RESPONSE_BYTES/);
    expect(text).not.toMatch(/network|no answer/);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('5,000-deep arrays over stdio', () => {
  let fake: FakeBrevo;
  let peer: RawStdio;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    peer = new RawStdio({ BREVO_API_KEY: TEST_KEY, BREVO_API_URL: fake.url, BREVO_TOOLSETS: 'events' });
    await peer.initialize();
  });
  afterAll(async () => {
    await peer?.stop();
    await fake?.close();
  });

  it('are refused as too deep, not reported as a cancelled request, and the server keeps serving', async () => {
    // wide: one message kept whole so it reads as sent
    const args = `{"event_name":"order_completed","identifiers":{"email_id":"ann@example.com"},"event_properties":{"cart":{"lines":${nestedArraysText(5000)}}}}`;
    peer.write(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create_event","arguments":${args}}}\n`);
    const response = await peer.next((m) => m.id === 1);
    expect(response.result.isError).toBe(true);
    expect(response.result.content[0].text).toMatch(
      /^Invalid arguments for create_event: event_properties nests arrays or objects more than 32 levels deep/,
    );
    expect(response.result.content[0].text).not.toMatch(/cancel/);
    expect(fake.requests).toHaveLength(0);
    const ping = await peer.request(2, 'ping');
    expect(ping.result).toEqual({});
    expect(peer.alive).toBe(true);
  });
});
