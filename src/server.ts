// One MCP server (one per stdio process, one per Streamable HTTP session): tools from the
// selected part of the catalog, resources, all backed by one Brevo client.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { BrevoClient } from './client/brevo-client.js';
import { runOperation } from './executor.js';
import { selectionKey, selectTools, type ToolSelection } from './registry.js';
import { listResources, listResourceTemplates, readResource } from './resources/index.js';
import type { ToolAnnotations } from './tools/define.js';
import { loadOperation } from './tools/index.js';
import type { ToolEntry } from './tools/manifest.js';
import { VERSION } from './version.js';

export interface ServerOptions {
  manifest: ToolEntry[];
  client: BrevoClient;
  selection: ToolSelection;
  maxResultChars: number;
}

const INSTRUCTIONS =
  'Brevo (email, SMS, WhatsApp, contacts, campaigns, CRM). Tools map one-to-one to Brevo API operations; ids come from the list_/get_ tools or the brevo:// resources. Dates are YYYY-MM-DD unless a field says date-time (ISO 8601 with offset).';

/** Annotations exactly as listed to clients. */
export function wireAnnotations(a: ToolAnnotations): Tool['annotations'] {
  return { ...a };
}

/** A catalog entry as clients see it in tools/list. */
export function wireTool(t: ToolEntry): Tool {
  return {
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: t.inputSchema as Tool['inputSchema'],
    annotations: wireAnnotations(t.annotations),
  };
}

const MAX_CACHED_SELECTIONS = 64;
const listedBySelection = new Map<string, { tools: Tool[]; byName: Map<string, ToolEntry> }>();

/** The tools/list answer for a selection, built once and shared by every session that uses it. */
function toolsFor(manifest: ToolEntry[], selection: ToolSelection) {
  const key = selectionKey(selection);
  let cached = listedBySelection.get(key);
  if (!cached) {
    const selected = selectTools(manifest, selection);
    cached = {
      tools: selected.map(wireTool),
      byName: new Map(selected.map((t) => [t.name, t])),
    };
    // HTTP clients choose their own selections: keep the cache bounded, dropping the oldest.
    if (listedBySelection.size >= MAX_CACHED_SELECTIONS) listedBySelection.delete(listedBySelection.keys().next().value!);
    listedBySelection.set(key, cached);
  }
  return cached;
}

export function createMcpServer(options: ServerOptions): Server {
  const { manifest, client, selection, maxResultChars } = options;
  const server = new Server(
    { name: 'brevo-mcp', title: 'Brevo', version: VERSION },
    { capabilities: { tools: { listChanged: true }, resources: { listChanged: true } }, instructions: INSTRUCTIONS },
  );
  const tools = toolsFor(manifest, selection);

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.tools }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const entry = tools.byName.get(request.params.name);
    if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    const op = await loadOperation(entry.toolset, entry.name);
    if (!op) throw new McpError(ErrorCode.InternalError, `Tool ${entry.name} is listed but not in the catalog`);
    return runOperation(op, request.params.arguments, { client, signal: extra.signal, maxResultChars });
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: listResources() }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: listResourceTemplates() }));
  server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
    readResource(request.params.uri, { client, manifest, signal: extra.signal }),
  );

  return server;
}
