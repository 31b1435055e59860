// A selection means the same on every path: what --exclude-tools or --tools (or a connection's
// exclude_tools/tools) leave out is reachable through neither resources nor completions, while
// toolsets alone do not limit resources; calling an operation the server does not offer says why
// and how to enable it; a stateless dynamic server does not offer enable_toolset.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectHttp, connectStdio, startHttpServer, textOf, type Connected } from './support/mcp.js';

let fake: FakeBrevo;
beforeAll(async () => {
  fake = await FakeBrevo.start();
  fake.route('GET', '/account', { json: { email: 'owner@acme.test' } });
  fake.route('GET', '/contacts/lists', { json: { count: 1, lists: [{ id: 12, name: 'VIP' }] } });
  fake.route('GET', '/contacts/lists/12', { json: { id: 12, name: 'VIP' } });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.requests.splice(0));

const LISTS_TEMPLATE = { type: 'ref/resource', uri: 'brevo://contacts/lists/{listId}' } as const;

async function uris(conn: Connected) {
  const listed = (await conn.client.listResources()).resources.map((r) => r.uri);
  const templates = (await conn.client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
  return [...listed, ...templates];
}

describe('--exclude-tools and --tools hold for resources and completions', () => {
  it('an excluded operation is neither listed, read nor completed from', async () => {
    const conn = await connectStdio({ apiUrl: fake.url, args: ['--exclude-tools', 'get_account,get_lists'] });
    try {
      const all = await uris(conn);
      expect(all).not.toContain('brevo://account');
      expect(all).not.toContain('brevo://contacts/lists');
      // get_list is not excluded: its template stays.
      expect(all).toContain('brevo://contacts/lists/{listId}');
      await expect(conn.client.readResource({ uri: 'brevo://account' })).rejects.toThrow(
        /Resource not found: brevo:\/\/account \(it reads with get_account, which this server does not offer: the server excludes it \(--exclude-tools/,
      );
      // Completing a list id would call get_lists: nothing is offered, nothing is sent.
      const completion = await conn.client.complete({ ref: LISTS_TEMPLATE, argument: { name: 'listId', value: '1' } });
      expect(completion.completion).toEqual({ values: [], hasMore: false });
      const prompt = await conn.client.complete({
        ref: { type: 'ref/prompt', name: 'contact_list_health' },
        argument: { name: 'listId', value: '' },
      });
      expect(prompt.completion.values).toEqual([]);
      expect(fake.requests).toHaveLength(0);
      // What is not excluded still works.
      expect(
        JSON.parse((await conn.client.readResource({ uri: 'brevo://contacts/lists/12' })).contents[0]!.text as string),
      ).toEqual({ id: 12, name: 'VIP' });
    } finally {
      await conn.close();
    }
  });

  it('--tools limits resources to the operations named', async () => {
    const conn = await connectStdio({ apiUrl: fake.url, args: ['--tools', 'get_list,get_contacts'] });
    try {
      expect(await uris(conn)).toEqual(['brevo://contacts/lists/{listId}']);
      await expect(conn.client.readResource({ uri: 'brevo://contacts/lists' })).rejects.toThrow(
        /get_lists, which this server does not offer: .*--tools/,
      );
      expect(
        (await conn.client.complete({ ref: LISTS_TEMPLATE, argument: { name: 'listId', value: '' } })).completion
          .values,
      ).toEqual([]);
      expect(fake.requests).toHaveLength(0);
    } finally {
      await conn.close();
    }
  });

  it('toolsets alone do not limit resources, and read-only keeps every resource and completion', async () => {
    for (const args of [
      ['--toolsets', 'crm'],
      ['--read-only', '--toolsets', 'account'],
    ]) {
      const conn = await connectStdio({ apiUrl: fake.url, args });
      try {
        expect(await uris(conn)).toContain('brevo://contacts/lists');
        expect(
          JSON.parse((await conn.client.readResource({ uri: 'brevo://account' })).contents[0]!.text as string),
        ).toEqual({ email: 'owner@acme.test' });
        const completion = await conn.client.complete({
          ref: LISTS_TEMPLATE,
          argument: { name: 'listId', value: '1' },
        });
        expect(completion.completion.values, args.join(' ')).toEqual(['12']);
      } finally {
        await conn.close();
      }
    }
  });

  it("over HTTP, a connection's exclude_tools hold there too, its toolsets do not", async () => {
    const server = await startHttpServer({ apiUrl: fake.url });
    try {
      const excluding = await connectHttp(`${server.url}?exclude_tools=get_account`);
      await expect(excluding.client.readResource({ uri: 'brevo://account' })).rejects.toThrow(
        /this connection excluded it \(exclude_tools/,
      );
      const crm = await connectHttp(`${server.url}?toolsets=crm`);
      expect(
        JSON.parse((await crm.client.readResource({ uri: 'brevo://account' })).contents[0]!.text as string),
      ).toEqual({ email: 'owner@acme.test' });
      await Promise.all([excluding.close(), crm.close()]);
    } finally {
      await server.stop();
    }
  });
});

describe('calling an operation the server does not offer', () => {
  it('says it exists, why it is not offered, and how to enable it', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [
        ['--toolsets', 'contacts,account'],
        'get_deals',
        // wide: one regex; cut into pieces it is harder to check
        /^get_deals is a Brevo operation \(toolset crm\) that this server does not offer: its toolset crm is not enabled; start the server with --toolsets including crm \(or --toolsets all\)\. Only the server's operator can change that/,
      ],
      [
        ['--read-only'],
        'delete_list',
        /delete_list is a Brevo operation \(toolset contacts\) that this server does not offer: it changes data and the server is read-only \(--read-only/,
      ],
      [
        ['--exclude-tools', 'get_lists'],
        'get_lists',
        /the server excludes it \(--exclude-tools \/ BREVO_EXCLUDE_TOOLS\); remove it there to offer it/,
      ],
      [
        ['--tools', 'get_account'],
        'get_lists',
        /offers only the tools named in --tools \(BREVO_TOOLS\); add get_lists there/,
      ],
    ];
    for (const [args, name, message] of cases) {
      const conn = await connectStdio({ apiUrl: fake.url, args });
      try {
        // A refusal the model can read and act on: a tool result, not a protocol error.
        const refused = await conn.client.callTool({ name, arguments: {} });
        expect(refused.isError, args.join(' ')).toBe(true);
        expect(textOf(refused), args.join(' ')).toMatch(message);
        await expect(conn.client.callTool({ name: 'make_coffee', arguments: {} })).rejects.toThrow(
          /Unknown tool: make_coffee/,
        );
      } finally {
        await conn.close();
      }
    }
    expect(fake.requests).toHaveLength(0);
  });

  it(
    'in dynamic mode, call_tool and describe_tool say the same, and a reachable tool not yet listed ' + 'runs by name',
    async () => {
      const conn = await connectStdio({ apiUrl: fake.url, args: ['--dynamic', '--toolsets', 'contacts,account'] });
      try {
        for (const tool of ['call_tool', 'describe_tool']) {
          const result = await conn.client.callTool({ name: tool, arguments: { name: 'get_deals' } });
          expect(result.isError).toBe(true);
          expect(textOf(result)).toMatch(
            /get_deals is a Brevo operation \(toolset crm\) that this server does not offer: its toolset crm is not enabled/,
          );
        }
        const ran = await conn.client.callTool({ name: 'get_lists', arguments: {} });
        expect(ran.isError, textOf(ran)).toBeFalsy();
        expect(fake.requests.map((r) => r.path)).toEqual(['/contacts/lists']);
      } finally {
        await conn.close();
      }
    },
  );

  it('over HTTP, names what the connection asked for', async () => {
    const server = await startHttpServer({ apiUrl: fake.url });
    try {
      const conn = await connectHttp(`${server.url}?toolsets=contacts&read_only=1`);
      for (const [name, args, why] of [
        [
          'get_deals',
          {},
          /this connection asked for other toolsets \(toolsets \/ X-Brevo-Toolsets\); connect with crm among them/,
        ],
        ['delete_list', { listId: 1 }, /this connection asked for read-only tools/],
      ] as const) {
        const refused = await conn.client.callTool({ name, arguments: args });
        expect(refused.isError, name).toBe(true);
        expect(textOf(refused), name).toMatch(why);
      }
      await conn.close();
    } finally {
      await server.stop();
    }
  });
});

describe('--stateless --dynamic', () => {
  it('does not offer enable_toolset, which nothing could remember, and says so if called', async () => {
    const server = await startHttpServer({ apiUrl: fake.url, args: ['--stateless', '--dynamic'] });
    try {
      const conn = await connectHttp(server.url);
      expect((await conn.client.listTools()).tools.map((t) => t.name)).toEqual([
        'search_tools',
        'describe_tool',
        'call_tool',
      ]);
      expect(conn.client.getInstructions()).not.toMatch(/enable_toolset/);
      const refused = await conn.client.callTool({ name: 'enable_toolset', arguments: { toolset: 'crm' } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/not offered here: this server is stateless/);
      expect((await conn.client.listTools()).tools).toHaveLength(3);
      const called = await conn.client.callTool({
        name: 'call_tool',
        arguments: { name: 'get_account', arguments: {} },
      });
      expect(JSON.parse(textOf(called))).toEqual({ email: 'owner@acme.test' });
      // Reachable by its own name too, listed or not.
      const direct = await conn.client.callTool({ name: 'get_account', arguments: {} });
      expect(JSON.parse(textOf(direct))).toEqual({ email: 'owner@acme.test' });
      await conn.close();
    } finally {
      await server.stop();
    }
  });
});
