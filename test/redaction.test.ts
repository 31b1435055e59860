// Keys kept out of every output, and nothing else touched: clients' own keys are checked before a
// session opens; each session hides its own key and the operator's, never another session's; keys
// Brevo echoes JSON-escaped, cut by --max-result-chars, or put in a file's name or type never reach
// a client, whatever the path (tools, resources, completions, errors).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import {
  connectHttp,
  connectStdio,
  startHttpServer,
  textOf,
  type Connected,
  type HttpServerProcess,
} from './support/mcp.js';

const KEY_A = 'xkeysib-tenant-a-000000000000000000000000-AAAA';
const KEY_B = 'xkeysib-tenant-b-111111111111111111111111-BBBB';
const OPERATOR_KEY = 'xkeysib-operator-7f3a9c2e1b5d4f6a8e0c-QZQZ';
const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

/** A string as JSON with every character \u-escaped, as a hostile or odd upstream may send it. */
const escaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

let fake: FakeBrevo;
beforeAll(async () => {
  fake = await FakeBrevo.start();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

describe("clients' own keys (--allow-client-keys)", () => {
  let server: HttpServerProcess;
  const open: Connected[] = [];
  beforeAll(async () => {
    server = await startHttpServer({
      apiUrl: fake.url,
      args: ['--allow-client-keys', '--toolsets', 'all'],
      env: { BREVO_API_KEY: OPERATOR_KEY, BREVO_MCP_LOG_LEVEL: 'debug' },
    });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close().catch(() => {})));
  });
  afterAll(async () => {
    await server?.stop();
  });

  const post = (key: string) =>
    fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'x-brevo-api-key': key,
      },
      body: JSON.stringify(INIT),
    });

  it('refuses, with 401 and the reason, a key that cannot be a Brevo key', async () => {
    for (const [key, why] of [
      ['Alice', /5 characters long, and a Brevo key has at least 16/],
      ['true', /4 characters long/],
      ['xkeysib-0000000000 1111111111', /a space at character 19/],
      ['xkeysib-0000000000\t1111111111', /a tab at character 19/],
      // Control characters never get this far: Node's HTTP parser answers them with 400.
      ['xkeysib-0000000000"1111111111', /a character a Brevo key never has \("\\""\) at character 19/],
    ] as const) {
      const res = await post(key);
      expect(res.status, JSON.stringify(key)).toBe(401);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/X-Brevo-Api-Key header does not hold a Brevo API key/);
      expect(body.error.message).toMatch(why);
      expect(body.error.message).not.toContain(key);
    }
    await expect(connectHttp(server.url, { 'X-Brevo-Api-Key': 'Alice' })).rejects.toThrow();
    expect(fake.requests).toHaveLength(0);
  });

  it("never changes one session's output with another session's key, and hides each session's own", async () => {
    const a = await connectHttp(server.url, { 'X-Brevo-Api-Key': KEY_A });
    const b = await connectHttp(server.url, { 'X-Brevo-Api-Key': KEY_B });
    open.push(a, b);
    // Brevo answers each account with a contact list named after A's key, and echoes the caller's own key.
    const answer = (req: { headers: Record<string, unknown> }) => ({
      json: {
        lists: [{ id: 1, name: `Imported ${KEY_A}` }],
        count: 1,
        echo: `your key is ${String(req.headers['api-key'])}`,
      },
    });
    fake.route('GET', '/contacts/lists', answer);

    const seenByB = JSON.parse(textOf(await b.client.callTool({ name: 'get_lists', arguments: {} })));
    expect(seenByB.lists[0].name).toBe(`Imported ${KEY_A}`);
    expect(seenByB.echo).toBe('your key is [redacted]');
    const readByB = JSON.parse(
      (await b.client.readResource({ uri: 'brevo://contacts/lists' })).contents[0]!.text as string,
    );
    expect(readByB.lists[0].name).toBe(`Imported ${KEY_A}`);

    const seenByA = JSON.parse(textOf(await a.client.callTool({ name: 'get_lists', arguments: {} })));
    expect(seenByA.lists[0].name).toBe('Imported [redacted]');
    expect(seenByA.echo).toBe('your key is [redacted]');
    expect(fake.requests.map((r) => r.headers['api-key'])).toEqual([KEY_B, KEY_B, KEY_A]);

    // The operator's key is hidden from every session.
    fake.route('GET', '/account', { json: { note: `operator ${OPERATOR_KEY}` } });
    expect(JSON.parse(textOf(await b.client.callTool({ name: 'get_account', arguments: {} })))).toEqual({
      note: 'operator [redacted]',
    });

    // The log names neither key, and nothing else in it is redacted.
    expect(server.stderr()).not.toContain(KEY_A);
    expect(server.stderr()).not.toContain(KEY_B);
    expect(server.stderr()).not.toContain('[redacted]');
    expect(server.stderr()).toMatch(/brevo-mcp debug: session \S+ opened/);
  });
});

describe('every output path, stdio', () => {
  let conn: Connected;
  beforeAll(async () => {
    conn = await connectStdio({
      apiUrl: fake.url,
      args: ['--toolsets', 'all', '--max-result-chars', '1000'],
      env: { BREVO_API_KEY: OPERATOR_KEY },
    });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('hides a key Brevo echoes JSON-escaped, in tools, resources, completions and errors', async () => {
    const raw = (json: string) => ({ body: json, headers: { 'content-type': 'application/json' } });
    fake.route('GET', '/account', raw(`{"email":"owner@acme.test","note":"${escaped(OPERATOR_KEY)}"}`));
    fake.route('GET', '/contacts/lists', raw(`{"count":1,"lists":[{"id":"${escaped(OPERATOR_KEY)}","name":"Echo"}]}`));
    fake.route('GET', '/contacts/lists/9', {
      status: 404,
      ...raw(`{"code":"document_not_found","message":"no list for ${escaped(OPERATOR_KEY)}"}`),
    });

    const tool = textOf(await conn.client.callTool({ name: 'get_account', arguments: {} }));
    expect(JSON.parse(tool)).toEqual({ email: 'owner@acme.test', note: '[redacted]' });
    const read = (await conn.client.readResource({ uri: 'brevo://account' })).contents[0]!.text as string;
    expect(JSON.parse(read)).toEqual({ email: 'owner@acme.test', note: '[redacted]' });
    const completion = await conn.client.complete({
      ref: { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' },
      argument: { name: 'listId', value: '' },
    });
    expect(completion.completion.values).toEqual(['[redacted]']);
    const error = await conn.client.readResource({ uri: 'brevo://contacts/lists/9' }).catch((e: Error) => e.message);
    expect(error).toMatch(/no list for \[redacted\]/);
    const failed = textOf(await conn.client.callTool({ name: 'get_list', arguments: { listId: 9 } }));
    expect(failed).toMatch(/no list for \[redacted\]/);
    expect(conn.stderr()).not.toContain(OPERATOR_KEY);
  });

  it('never shows part of a key where --max-result-chars cuts', async () => {
    // On the answer as JSON text, the old cut at 1000 characters fell 20 characters into the key.
    const before = 1000 - '{"description":"'.length - 20;
    fake.route('GET', '/account', {
      body: `{"description":"${'a'.repeat(before)}${escaped(OPERATOR_KEY)}${'b'.repeat(3000)}"}`,
    });
    fake.route('GET', '/inbound/attachments/tok-text', {
      body: `${'a'.repeat(990)}${OPERATOR_KEY}${'b'.repeat(500)}`,
      headers: { 'content-type': 'text/plain' },
    });
    fake.route('GET', '/smtp/templates/7', {
      json: { id: 7, htmlContent: `${'<p>'.repeat(330)}${OPERATOR_KEY}${'</p>'.repeat(500)}` },
    });
    const texts = [
      textOf(await conn.client.callTool({ name: 'get_account', arguments: {} })),
      textOf(
        await conn.client.callTool({ name: 'get_inbound_email_attachment', arguments: { downloadToken: 'tok-text' } }),
      ),
      (await conn.client.readResource({ uri: 'brevo://templates/7/html' })).contents[0]!.text as string,
      (await conn.client.readResource({ uri: 'brevo://account' })).contents[0]!.text as string,
    ];
    for (const text of texts) {
      expect(text).not.toContain(OPERATOR_KEY.slice(0, 12));
      expect(text).toMatch(/cut|left out/);
    }
    // The JSON answer stays JSON.
    expect(JSON.parse(texts[0]!).description).toMatch(/^a+\u2026\[\d+ characters left out/);
  });

  it("hides a key in a binary answer's file name and content type", async () => {
    fake.route('GET', '/inbound/attachments/tok-bin', {
      body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
      headers: {
        'content-type': `application/pdf; name=${OPERATOR_KEY}`,
        'content-disposition': `attachment; filename="${OPERATOR_KEY}.pdf"`,
      },
    });
    const result = await conn.client.callTool({
      name: 'get_inbound_email_attachment',
      arguments: { downloadToken: 'tok-bin' },
    });
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain(OPERATOR_KEY);
    const resource = (
      result.content as Array<{ type: string; resource?: { uri: string; mimeType: string; blob: string } }>
    )[0]!.resource!;
    expect(resource.uri).toBe(`brevo://get_inbound_email_attachment/${encodeURIComponent('[redacted].pdf')}`);
    expect(resource.mimeType).toBe('application/pdf; name=[redacted]');
    expect(Buffer.from(resource.blob, 'base64')).toEqual(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
  });
});
