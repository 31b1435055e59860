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
import { z } from 'zod';
import type { BrevoClient } from './client/brevo-client.js';
import { runOperation } from './executor.js';
import { selectionKey, selectTools, type ToolSelection } from './registry.js';
import { listResources, listResourceTemplates, readResource } from './resources/index.js';
import { confirmWithPerson } from './confirm.js';
import { createDynamicMode } from './dynamic.js';
import { wireTool } from './listing.js';
import type { Operation } from './tools/define.js';
import { loadOperation } from './tools/index.js';
import type { ToolEntry } from './tools/manifest.js';
import { VERSION } from './version.js';

export interface ServerOptions {
  manifest: ToolEntry[];
  client: BrevoClient;
  selection: ToolSelection;
  maxResultChars: number;
  /** Ask the person (elicitation) before any destructive tool runs. */
  confirm?: boolean;
  /** List meta-tools that search, describe and call the selected operations, not the operations. */
  dynamic?: boolean;
}

const INSTRUCTIONS =
  'Brevo (email, SMS, WhatsApp, contacts, campaigns, CRM). Tools map one-to-one to Brevo API operations; ids come from the list_/get_ tools or the brevo:// resources. Dates are YYYY-MM-DD unless a field says date-time (ISO 8601 with offset).';

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

/**
 * Registers a request handler whose params are validated here, so malformed params get
 * -32602 Invalid params naming the problem (the SDK's own parse reports -32603).
 */
function handle<S extends z.ZodObject<{ method: z.ZodLiteral<string> }>>(
  server: Server,
  schema: S,
  handler: (request: z.infer<S>, extra: Parameters<Parameters<Server['setRequestHandler']>[1]>[1]) => unknown,
): void {
  const method = schema.shape.method.value;
  server.setRequestHandler(z.looseObject({ method: z.literal(method) }), (request, extra) => {
    const parsed = schema.safeParse(request);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
      throw new McpError(ErrorCode.InvalidParams, `Invalid ${method} request: ${problems}`);
    }
    return handler(parsed.data, extra) as never;
  });
}

export function createMcpServer(options: ServerOptions): Server {
  const { manifest, client, selection, maxResultChars } = options;
  const approve = options.confirm
    ? (op: Operation, args: Record<string, unknown>, signal?: AbortSignal) => confirmWithPerson(server, op, args, signal)
    : undefined;
  const server = new Server(
    { name: 'brevo-mcp', title: 'Brevo', version: VERSION },
    { capabilities: { tools: { listChanged: true }, resources: { listChanged: true } }, instructions: INSTRUCTIONS },
  );
  const tools = toolsFor(manifest, selection);
  const dynamic = options.dynamic
    ? createDynamicMode([...tools.byName.values()], () => void server.sendToolListChanged().catch(() => {}), selection.readOnly)
    : undefined;

  handle(server, ListToolsRequestSchema, () => ({ tools: dynamic ? dynamic.list() : tools.tools }));

  handle(server, CallToolRequestSchema, async (request, extra) => {
    const run = async (entry: ToolEntry, args: unknown) => {
      const op = await loadOperation(entry.toolset, entry.name);
      if (!op) throw new McpError(ErrorCode.InternalError, `Tool ${entry.name} is listed but not in the catalog`);
      return runOperation(op, args, {
        client,
        signal: extra.signal,
        maxResultChars,
        approve: approve && ((o, a) => approve(o, a, extra.signal)),
      });
    };
    const { name, arguments: args } = request.params;
    const metaCall = dynamic?.call(name, args, run);
    if (metaCall) return metaCall;
    const entry = dynamic ? dynamic.enabled(name) : tools.byName.get(name);
    if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    return run(entry, args);
  });

  handle(server, ListResourcesRequestSchema, () => ({ resources: listResources() }));
  handle(server, ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: listResourceTemplates() }));
  handle(server, ReadResourceRequestSchema, (request, extra) =>
    readResource(request.params.uri, { client, manifest, signal: extra.signal }),
  );

  return server;
}
