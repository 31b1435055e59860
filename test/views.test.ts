// Views as MCP clients see them, through the SDK's Client against the built server and its
// sandbox: a client without MCP Apps gets exactly the listing and answers it always got; a client
// that announces the extension gets _meta.ui on the four report tools and their ui:// resources,
// over stdio and Streamable HTTP, within the listing's token budgets.
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireTool } from '../src/listing.js';
import { DEFAULT_TOOLSETS, selectTools } from '../src/registry.js';
import { readManifest } from '../src/tools/manifest.js';
import { VIEWS } from '../src/views/index.js';
import {
  connectHttp,
  connectStdio,
  startHttpServer,
  textOf,
  type Connected,
  type HttpServerProcess,
} from './support/mcp.js';

const APPS = {
  capabilities: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } } },
};
const manifest = readManifest();
const VIEW_TOOLS = VIEWS.map((v) => v.tool);
const tokens = (tools: Tool[]) => encode(JSON.stringify({ tools })).length;
const withView = (tools: Tool[]) =>
  tools.filter((t) => t._meta).map((t) => [t.name, (t._meta as { ui?: { resourceUri?: string } }).ui?.resourceUri]);

describe('a client without MCP Apps', () => {
  let plain: Connected;
  let extensionWithoutHtml: Connected;
  beforeAll(async () => {
    plain = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'] });
    // Announcing the extension without the HTML profile is not rendering views.
    extensionWithoutHtml = await connectStdio({
      args: ['--sandbox', '--toolsets', 'all'],
      capabilities: { capabilities: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: [] } } } },
    });
  });
  afterAll(async () => {
    await plain?.close();
    await extensionWithoutHtml?.close();
  });

  it('gets the catalog listing exactly as before, with no ui:// resource', async () => {
    for (const session of [plain, extensionWithoutHtml]) {
      const { tools } = await session.client.listTools();
      expect(tools).toEqual(manifest.map(wireTool));
      expect(tools.some((t) => t._meta)).toBe(false);
      const { resources } = await session.client.listResources();
      expect(resources.filter((r) => !r.uri.startsWith('brevo://'))).toEqual([]);
    }
  });
});

describe('an MCP Apps client over stdio', () => {
  let apps: Connected;
  let plain: Connected;
  beforeAll(async () => {
    apps = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'], capabilities: APPS });
    plain = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'] });
  });
  afterAll(async () => {
    await apps?.close();
    await plain?.close();
  });

  it('sees each view on the tool whose answer it shows, and every other tool unchanged', async () => {
    const { tools } = await apps.client.listTools();
    expect(withView(tools)).toEqual(
      manifest
        .filter((t) => VIEW_TOOLS.includes(t.name))
        .map((t) => [t.name, VIEWS.find((v) => v.tool === t.name)!.uri]),
    );
    const without = tools.map(({ _meta, ...rest }) => rest);
    expect(without).toEqual(manifest.map(wireTool));
    for (const t of tools.filter((t) => t._meta)) expect(t.annotations?.readOnlyHint, t.name).toBe(true);
  });

  it('lists and reads the ui:// resources as the extension specifies', async () => {
    const { resources } = await apps.client.listResources();
    const ui = resources.filter((r) => r.uri.startsWith('ui://'));
    expect(ui.map((r) => r.uri)).toEqual(VIEWS.map((v) => v.uri));
    for (const r of ui)
      expect(r).toMatchObject({
        mimeType: 'text/html;profile=mcp-app',
        _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } },
      });
    const { contents } = await apps.client.readResource({ uri: VIEWS[0]!.uri });
    expect(contents).toEqual([
      {
        uri: VIEWS[0]!.uri,
        mimeType: 'text/html;profile=mcp-app',
        text: expect.stringMatching(/^<!doctype html>/),
        _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } },
      },
    ]);
    // Still smaller than the --max-result-chars default would allow for an answer.
    expect((contents[0] as { text: string }).text.length).toBeLessThan(100_000);
    await expect(apps.client.readResource({ uri: 'ui://brevo/missing.html' })).rejects.toThrow(
      /Resource not found: ui:\/\/brevo\/missing\.html/,
    );
  });

  it('keeps tools/list within the budgets: all tools ≤ 35,000 tokens, default ≤ 8,000, dynamic ≤ 1,000', async () => {
    const all = (await apps.client.listTools()).tools;
    const defaults = all.filter((t) =>
      selectTools(manifest, { toolsets: DEFAULT_TOOLSETS, readOnly: false }).some((d) => d.name === t.name),
    );
    expect(tokens(all)).toBeLessThanOrEqual(35_000);
    expect(tokens(defaults)).toBeLessThanOrEqual(8_000);
    // What the views add, for the record: a few tokens per tool that has one.
    const extra = tokens(all) - tokens((await plain.client.listTools()).tools);
    expect(extra).toBeLessThanOrEqual(40 * VIEWS.length);
    const dynamic = await connectStdio({ args: ['--sandbox', '--dynamic'], capabilities: APPS });
    try {
      expect(tokens((await dynamic.client.listTools()).tools)).toBeLessThanOrEqual(1_000);
    } finally {
      await dynamic.close();
    }
  });
});

describe('an MCP Apps client and the server selection', () => {
  it('gets only the views of the tools its session offers', async () => {
    const session = await connectStdio({ args: ['--sandbox', '--toolsets', 'contacts,account'], capabilities: APPS });
    try {
      expect(withView((await session.client.listTools()).tools)).toEqual([
        ['get_lists', 'ui://brevo/contact-lists-health.html'],
      ]);
      expect(
        (await session.client.listResources()).resources.filter((r) => r.uri.startsWith('ui://')).map((r) => r.uri),
      ).toEqual(['ui://brevo/contact-lists-health.html']);
    } finally {
      await session.close();
    }
  });

  it('in dynamic mode, finds a view on a tool once enable_toolset lists it', async () => {
    const session = await connectStdio({ args: ['--sandbox', '--dynamic'], capabilities: APPS });
    try {
      expect(withView((await session.client.listTools()).tools)).toEqual([]);
      const enabled = await session.client.callTool({ name: 'enable_toolset', arguments: { toolset: 'crm' } });
      expect(enabled.isError, textOf(enabled)).toBeFalsy();
      expect(withView((await session.client.listTools()).tools)).toEqual([
        ['get_deals', 'ui://brevo/deal-pipeline.html'],
      ]);
    } finally {
      await session.close();
    }
  });
});

describe('an MCP Apps client over Streamable HTTP', () => {
  let stateful: HttpServerProcess;
  let stateless: HttpServerProcess;
  beforeAll(async () => {
    [stateful, stateless] = await Promise.all([
      startHttpServer({ args: ['--sandbox', '--toolsets', 'all'] }),
      startHttpServer({ args: ['--sandbox', '--toolsets', 'all', '--stateless'] }),
    ]);
  });
  afterAll(async () => {
    await stateful?.stop();
    await stateless?.stop();
  });

  it(
    'gets the views in its session and the same text answers; a client without Apps on the same ' +
      'server gets no view',
    async () => {
      const apps = await connectHttp(stateful.url, {}, APPS);
      const plain = await connectHttp(stateful.url);
      try {
        expect(
          withView((await apps.client.listTools()).tools)
            .map(([n]) => n)
            .sort(),
        ).toEqual([...VIEW_TOOLS].sort());
        expect(withView((await plain.client.listTools()).tools)).toEqual([]);
        const { contents } = await apps.client.readResource({ uri: 'ui://brevo/deal-pipeline.html' });
        expect(contents[0]).toMatchObject({ mimeType: 'text/html;profile=mcp-app' });
        // Both sessions share one sandbox: the answers of the view tools are the same text.
        for (const [name, args] of [
          ['get_lists', {}],
          ['get_email_campaign', { campaignId: 1 }],
          ['get_deals', {}],
          ['get_smtp_report', { days: 7 }],
        ] as const) {
          const a = await apps.client.callTool({ name, arguments: args });
          expect(a, name).toEqual(await plain.client.callTool({ name, arguments: args }));
          expect(textOf(a).length, name).toBeGreaterThan(2);
        }
      } finally {
        await apps.close();
        await plain.close();
      }
    },
  );

  it(
    'stateless, where no request carries the client’s capabilities, declares no view (text answers ' + 'as always)',
    async () => {
      const apps = await connectHttp(stateless.url, {}, APPS);
      try {
        expect(withView((await apps.client.listTools()).tools)).toEqual([]);
        expect((await apps.client.listResources()).resources.filter((r) => r.uri.startsWith('ui://'))).toEqual([]);
      } finally {
        await apps.close();
      }
    },
  );
});
