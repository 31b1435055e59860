// --dynamic: four meta-tools reach every operation; enabling a toolset lists its tools live.
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, TEST_KEY, textOf, type Connected } from './support/mcp.js';

describe('dynamic mode', () => {
  let fake: FakeBrevo;
  let conn: Connected;
  let listChanged = 0;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    conn = await connectStdio({ apiUrl: fake.url, args: ['--dynamic'] });
    conn.client.setNotificationHandler(ToolListChangedNotificationSchema, () => void listChanged++);
  });
  afterAll(async () => {
    await conn?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('lists only the meta-tools, and says how to use them', async () => {
    const { tools } = await conn.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['search_tools', 'describe_tool', 'call_tool', 'enable_toolset']);
    expect(conn.client.getInstructions()).toMatch(/search_tools.*describe_tool.*call_tool/);
  });

  it('finds operations by words, across the whole catalog', async () => {
    const found = JSON.parse(
      textOf(await conn.client.callTool({ name: 'search_tools', arguments: { query: 'send sms campaign' } })),
    );
    expect(found.tools[0].name).toMatch(/sms/);
    expect(found.tools.map((t: { name: string }) => t.name)).toContain('send_sms_campaign_now');
    const deals = JSON.parse(
      textOf(
        await conn.client.callTool({ name: 'search_tools', arguments: { query: 'deals', toolset: 'crm', limit: 3 } }),
      ),
    );
    expect(deals.tools).toHaveLength(3);
    expect(deals.tools.every((t: { toolset: string }) => t.toolset === 'crm')).toBe(true);
  });

  it(
    'answers in compact results: how many matched, one-line summaries, exact names first, typo ' +
      'fallback naming toolsets',
    async () => {
      const search = async (args: Record<string, unknown>) =>
        JSON.parse(textOf(await conn.client.callTool({ name: 'search_tools', arguments: args })));
      const texted = await search({ query: 'text a verification code to a phone', limit: 3 });
      expect(texted.tools[0].name).toMatch(/^send_(transac|async_transactional)_sms$/);
      expect(texted.matches).toBeGreaterThanOrEqual(texted.tools.length);
      for (const tool of texted.tools) {
        expect(Object.keys(tool).sort()).toEqual(['name', 'readOnly', 'summary', 'toolset']);
        expect(tool.summary).not.toMatch(/[.!?]\s+\S/);
      }
      expect(texted.fuzzy).toBeUndefined();
      expect((await search({ query: 'get_contacts' })).tools[0].name).toBe('get_contacts');
      const typo = await search({ query: 'blaclist an adress' });
      expect(typo.fuzzy).toBe(true);
      expect(typo.browse.length).toBeGreaterThan(0);
      expect(typo.tools.map((t: { name: string }) => t.name)).toContain('update_contact');
      const nothing = await search({ query: 'qqqq zzzzzz' });
      expect(nothing).toMatchObject({ matches: 0, tools: [], fuzzy: true });
      expect(nothing.browse).toContain('contacts');
    },
  );

  it('describes an operation with its input schema and annotations', async () => {
    const described = JSON.parse(
      textOf(await conn.client.callTool({ name: 'describe_tool', arguments: { name: 'create_list' } })),
    );
    const entry = readManifest().find((t) => t.name === 'create_list')!;
    expect(described).toMatchObject({
      name: 'create_list',
      method: 'POST',
      path: '/contacts/lists',
      inputSchema: entry.inputSchema,
    });
    expect(described.annotations.readOnlyHint).toBe(false);
  });

  it('calls an operation end to end, with the same validation errors as its static tool', async () => {
    fake.route('POST', '/contacts/lists', { status: 201, json: { id: 12 } });
    const created = await conn.client.callTool({
      name: 'call_tool',
      arguments: { name: 'create_list', arguments: { name: 'VIP', folderId: 1 } },
    });
    expect(JSON.parse(textOf(created))).toEqual({ id: 12 });
    expect(fake.last()).toMatchObject({ method: 'POST', path: '/contacts/lists', json: { name: 'VIP', folderId: 1 } });
    expect(fake.last().headers['api-key']).toBe(TEST_KEY);
    const invalid = await conn.client.callTool({
      name: 'call_tool',
      arguments: { name: 'create_list', arguments: { name: 'VIP' } },
    });
    expect(invalid.isError).toBe(true);
    expect(textOf(invalid)).toMatch(/Invalid arguments for create_list: folderId/);
    const unknown = await conn.client.callTool({ name: 'call_tool', arguments: { name: 'make_coffee' } });
    expect(textOf(unknown)).toMatch(/search_tools/);
    expect(fake.requests).toHaveLength(1);
  });

  it('reaches every operation of the catalog', async () => {
    for (const entry of readManifest()) {
      const described = await conn.client.callTool({ name: 'describe_tool', arguments: { name: entry.name } });
      expect(described.isError, entry.name).toBeFalsy();
    }
  });

  it('enables a toolset: its tools are listed and callable, and list_changed is sent', async () => {
    const before = listChanged;
    const result = await conn.client.callTool({ name: 'enable_toolset', arguments: { toolset: 'senders' } });
    expect(textOf(result)).toMatch(/Enabled senders/);
    const deadline = Date.now() + 2000;
    while (listChanged === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(listChanged).toBe(before + 1);
    const names = (await conn.client.listTools()).tools.map((t) => t.name);
    const senders = readManifest()
      .filter((t) => t.toolset === 'senders')
      .map((t) => t.name);
    expect(names).toEqual(['search_tools', 'describe_tool', 'call_tool', 'enable_toolset', ...senders]);
    fake.route('GET', '/senders', { json: { senders: [] } });
    const listed = await conn.client.callTool({ name: 'get_senders', arguments: {} });
    expect(JSON.parse(textOf(listed))).toEqual({ senders: [] });
  });
});

describe('dynamic mode honours the filters', () => {
  it('--read-only reaches read-only operations only', async () => {
    const fake = await FakeBrevo.start();
    const conn = await connectStdio({ apiUrl: fake.url, args: ['--dynamic', '--read-only'] });
    try {
      const { tools } = await conn.client.listTools();
      expect(tools.find((t) => t.name === 'call_tool')?.annotations?.readOnlyHint).toBe(true);
      const found = JSON.parse(
        textOf(await conn.client.callTool({ name: 'search_tools', arguments: { query: 'delete', limit: 50 } })),
      );
      expect(found.tools.every((t: { readOnly: boolean }) => t.readOnly)).toBe(true);
      const refused = await conn.client.callTool({
        name: 'call_tool',
        arguments: { name: 'delete_list', arguments: { listId: 1 } },
      });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/read-only/);
      expect(fake.requests).toHaveLength(0);
    } finally {
      await conn.close();
      await fake.close();
    }
  });

  it('--toolsets limits what it reaches', async () => {
    const conn = await connectStdio({ args: ['--dynamic', '--toolsets', 'account'] });
    try {
      const found = JSON.parse(
        textOf(await conn.client.callTool({ name: 'search_tools', arguments: { query: 'contacts list' } })),
      );
      expect(found.tools.every((t: { toolset: string }) => t.toolset === 'account')).toBe(true);
      const refused = await conn.client.callTool({ name: 'describe_tool', arguments: { name: 'get_contacts' } });
      expect(refused.isError).toBe(true);
    } finally {
      await conn.close();
    }
  });
});
