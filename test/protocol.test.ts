// The MCP surface over both transports, through the SDK's Client, against the fake Brevo.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { FakeBrevo } from './support/fake-brevo.js';
import {
  connectHttp,
  connectStdio,
  startHttpServer,
  TEST_KEY,
  textOf,
  type Connected,
  type HttpServerProcess,
} from './support/mcp.js';

const transports: Array<{
  name: string;
  connect: (fake: FakeBrevo) => Promise<Connected & { stop?: () => Promise<unknown> }>;
}> = [
  { name: 'stdio', connect: (fake) => connectStdio({ apiUrl: fake.url }) },
  {
    name: 'streamable http',
    connect: async (fake) => {
      const server: HttpServerProcess = await startHttpServer({ apiUrl: fake.url });
      const conn = await connectHttp(server.url);
      return { ...conn, stderr: server.stderr, stop: server.stop };
    },
  },
];

for (const transport of transports) {
  describe(`MCP over ${transport.name}`, () => {
    let fake: FakeBrevo;
    let conn: Connected & { stop?: () => Promise<unknown> };

    beforeAll(async () => {
      fake = await FakeBrevo.start();
      conn = await transport.connect(fake);
    });
    afterAll(async () => {
      await conn?.close();
      await conn?.stop?.();
      await fake?.close();
    });
    beforeEach(() => fake.reset());

    it('initializes as brevo-mcp with tools and resources', () => {
      expect(conn.client.getServerVersion()?.name).toBe('brevo-mcp');
      const caps = conn.client.getServerCapabilities();
      expect(caps?.tools).toBeDefined();
      expect(caps?.resources).toBeDefined();
      expect(conn.client.getInstructions()).toMatch(/Brevo/);
    });

    it('lists the meta-tools, then the default toolsets with their annotations', async () => {
      const { tools } = await conn.client.listTools();
      const expected = readManifest().filter((t) => ['transactional_email', 'contacts', 'account'].includes(t.toolset));
      const meta = ['search_tools', 'describe_tool', 'call_tool', 'enable_toolset'];
      expect(tools.map((t) => t.name)).toEqual([...meta, ...expected.map((t) => t.name)]);
      const byName = new Map(tools.map((t) => [t.name, t]));
      // Reads say so; writes say whether they destroy and whether they may be repeated.
      expect(byName.get('get_contacts')?.annotations).toEqual({ readOnlyHint: true, openWorldHint: true });
      expect(byName.get('delete_list')?.annotations).toEqual({
        readOnlyHint: false,
        destructiveHint: true,
        idempotentHint: true,
        openWorldHint: true,
      });
      expect(byName.get('create_list')?.annotations).toEqual({
        readOnlyHint: false,
        destructiveHint: false,
        openWorldHint: true,
      });
      expect(byName.get('update_list')?.annotations).toEqual({
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      });
      expect(byName.get('send_transac_email')?.annotations).toEqual({
        readOnlyHint: false,
        destructiveHint: true,
        openWorldHint: true,
      });
      for (const tool of tools) {
        expect(tool.description, tool.name).toBeTruthy();
        expect(typeof tool.annotations?.readOnlyHint, tool.name).toBe('boolean');
        if (!tool.annotations?.readOnlyHint)
          expect(typeof tool.annotations?.destructiveHint, tool.name).toBe('boolean');
        expect(tool.inputSchema.type).toBe('object');
      }
    });

    it("calls a tool and returns Brevo's JSON", async () => {
      fake.route('GET', '/contacts/lists', {
        json: { count: 1, lists: [{ id: 3, name: 'Newsletter', folderId: 1, uniqueSubscribers: 120 }] },
      });
      const result = await conn.client.callTool({ name: 'get_lists', arguments: { limit: 10 } });
      expect(result.isError).toBeFalsy();
      expect(JSON.parse(textOf(result))).toEqual({
        count: 1,
        lists: [{ id: 3, name: 'Newsletter', folderId: 1, uniqueSubscribers: 120 }],
      });
      expect(fake.last().headers['api-key']).toBe(TEST_KEY);
    });

    it('rejects invalid arguments with an error naming the field, sending nothing', async () => {
      const result = await conn.client.callTool({ name: 'get_list', arguments: { listId: 'twelve' } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/listId/);
      const missing = await conn.client.callTool({ name: 'create_list', arguments: { name: 'No folder' } });
      expect(missing.isError).toBe(true);
      expect(textOf(missing)).toMatch(/folderId/);
      const unknown = await conn.client.callTool({
        name: 'create_list',
        arguments: { name: 'x', folderId: 1, foldrId: 2 },
      });
      expect(textOf(unknown)).toMatch(/foldrId/);
      const nested = await conn.client.callTool({
        name: 'send_transac_email',
        arguments: { to: [{ email: 'not-an-email' }] },
      });
      expect(textOf(nested)).toMatch(/to\.0\.email/);
      expect(fake.requests).toHaveLength(0);
    });

    it('turns a Brevo 404 into an isError result with code, message and a hint', async () => {
      fake.replyOnce({ status: 404, json: { code: 'document_not_found', message: 'List ID does not exist' } });
      const result = await conn.client.callTool({ name: 'get_list', arguments: { listId: 999 } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('404');
      expect(textOf(result)).toContain('document_not_found');
      expect(textOf(result)).toContain('List ID does not exist');
      expect(textOf(result)).toContain('listId=999');
    });

    it('turns a Brevo 400 into an isError result with code and message', async () => {
      fake.replyOnce({ status: 400, json: { code: 'invalid_parameter', message: 'folderId is not valid' } });
      const result = await conn.client.callTool({ name: 'create_list', arguments: { name: 'x', folderId: 77 } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/400.*invalid_parameter.*folderId is not valid/s);
    });

    it('answers an unknown tool with a protocol error', async () => {
      // The message says its code once (the SDK's McpError would prefix it twice).
      await expect(conn.client.callTool({ name: 'no_such_tool', arguments: {} })).rejects.toThrow(
        /^MCP error -32602: Unknown tool: no_such_tool$/,
      );
    });

    it('lists and reads resources', async () => {
      const { resources } = await conn.client.listResources();
      expect(resources.map((r) => r.uri)).toEqual(
        expect.arrayContaining([
          'brevo://account',
          'brevo://contacts/lists',
          'brevo://contacts/folders',
          'brevo://contacts/attributes',
          'brevo://templates',
        ]),
      );
      const { resourceTemplates } = await conn.client.listResourceTemplates();
      expect(resourceTemplates.map((r) => r.uriTemplate)).toEqual(
        expect.arrayContaining(['brevo://contacts/lists/{listId}', 'brevo://templates/{templateId}']),
      );

      fake.route('GET', '/account', { json: { email: 'owner@acme.test', companyName: 'Acme' } });
      const account = await conn.client.readResource({ uri: 'brevo://account' });
      expect(account.contents[0]).toMatchObject({ uri: 'brevo://account', mimeType: 'application/json' });
      expect(JSON.parse(account.contents[0]!.text as string)).toEqual({
        email: 'owner@acme.test',
        companyName: 'Acme',
      });

      fake.route('GET', '/contacts/lists/3', { json: { id: 3, name: 'Newsletter' } });
      const list = await conn.client.readResource({ uri: 'brevo://contacts/lists/3' });
      expect(JSON.parse(list.contents[0]!.text as string)).toEqual({ id: 3, name: 'Newsletter' });
      expect(fake.last().path).toBe('/contacts/lists/3');
    });

    it("reports a Brevo error on a resource read as an MCP error with Brevo's message", async () => {
      fake.replyOnce({ status: 404, json: { code: 'document_not_found', message: 'Template ID does not exist' } });
      await expect(conn.client.readResource({ uri: 'brevo://templates/404' })).rejects.toThrow(
        /Template ID does not exist/,
      );
    });

    it('never writes the API key to its logs', () => {
      expect(conn.stderr()).not.toContain(TEST_KEY);
    });
  });
}
