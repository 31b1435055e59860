// One MCP server (one per stdio process, one per Streamable HTTP session): tools from the
// selected part of the catalog, resources, prompts for the tools selected, and completions of
// account ids, all backed by one Brevo client.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  type ServerNotification,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { BrevoClient } from './client/brevo-client.js';
import { runOperation } from './executor.js';
import { selectionKey, selectTools, type ToolSelection } from './registry.js';
import { completeFrom, forgetCompletions } from './completions/index.js';
import { SessionPrompts } from './prompts/index.js';
import { resourceCatalog } from './resources/index.js';
import { confirmWithPerson } from './confirm.js';
import { createDynamicMode } from './dynamic.js';
import { CODE_INSTRUCTIONS, createCodeMode, type CodeLimits } from './code/index.js';
import { redact } from './log.js';
import { wireTool } from './listing.js';
import type { Operation } from './tools/define.js';
import { loadOperation } from './tools/index.js';
import type { ToolEntry } from './tools/manifest.js';
import { VERSION } from './version.js';
import { RpcError } from './rpc-error.js';

export interface ServerOptions {
  manifest: ToolEntry[];
  client: BrevoClient;
  selection: ToolSelection;
  maxResultChars: number;
  /** Ask the person (elicitation) before any destructive tool runs. */
  confirm?: boolean;
  /** List meta-tools that search, describe and call the selected operations, not the operations. */
  dynamic?: boolean;
  /** Code mode: list search and execute (scripts calling the selected operations), with these limits. */
  code?: CodeLimits;
}

const INSTRUCTIONS =
  'Brevo (email, SMS, WhatsApp, contacts, campaigns, CRM). Tools map one-to-one to Brevo API operations; ids come from the list_/get_ tools or the brevo:// resources. Dates are YYYY-MM-DD unless a field says date-time (ISO 8601 with offset).';

const DYNAMIC_INSTRUCTIONS =
  ' Operations are not listed one by one here: find them with search_tools, read their inputs with describe_tool and run them with call_tool (a tool named in a prompt is run that way too), or enable_toolset to list a whole toolset.';

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
      throw new RpcError(ErrorCode.InvalidParams, `Invalid ${method} request: ${problems}`);
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
    {
      capabilities: { tools: { listChanged: true }, resources: { listChanged: true }, prompts: {}, completions: {} },
      instructions: INSTRUCTIONS + (options.dynamic ? DYNAMIC_INSTRUCTIONS : options.code ? CODE_INSTRUCTIONS : ''),
    },
  );
  const tools = toolsFor(manifest, selection);
  const dynamic = options.dynamic
    ? createDynamicMode([...tools.byName.values()], () => void server.sendToolListChanged().catch(() => {}), selection.readOnly)
    : undefined;
  const code = options.code ? createCodeMode({ entries: [...tools.byName.values()], manifest, readOnly: selection.readOnly, limits: options.code }) : undefined;
  const resources = resourceCatalog(manifest);
  const prompts = new SessionPrompts((name) => tools.byName.has(name));

  handle(server, ListToolsRequestSchema, () => ({ tools: code ? code.list() : dynamic ? dynamic.list() : tools.tools }));

  /** After successful writes: what the resources show (and the ids completions offer) changed. */
  const changed = async (names: Iterable<string>, extra: { sendNotification: (n: ServerNotification) => Promise<void> }) => {
    if (![...names].some((name) => resources.changingTools.has(name))) return;
    forgetCompletions(client);
    // Sent as part of the request, so it reaches HTTP clients on the call's own stream, stateless ones included.
    await extra.sendNotification({ method: 'notifications/resources/list_changed' }).catch(() => {});
  };

  handle(server, CallToolRequestSchema, async (request, extra) => {
    // Asking the person is part of this request: cancelling it cancels the question.
    const approveHere = approve && ((o: Operation, a: Record<string, unknown>) => approve(o, a, extra.signal));
    const run = async (entry: ToolEntry, args: unknown) => {
      const op = await loadOperation(entry.toolset, entry.name);
      if (!op) throw new RpcError(ErrorCode.InternalError, `Tool ${entry.name} is listed but not in the catalog`);
      const result = await runOperation(op, args, {
        client,
        signal: extra.signal,
        maxResultChars,
        approve: approveHere,
      });
      if (!result.isError) await changed([entry.name], extra);
      return result;
    };
    const { name, arguments: args } = request.params;
    if (code) {
      const ctx = { client, maxResultChars, redact, approve: approveHere, signal: extra.signal, progressToken: request.params._meta?.progressToken, sendNotification: extra.sendNotification };
      const ran = await code.call(name, args, ctx);
      if (!ran) throw new RpcError(ErrorCode.InvalidParams, `Unknown tool: ${name} (code mode lists search and execute)`);
      await changed(ran.succeeded, extra);
      return ran.result ?? { isError: true, content: [{ type: 'text', text: 'Cancelled.' }] };
    }
    const metaCall = dynamic?.call(name, args, run);
    if (metaCall) return metaCall;
    const entry = dynamic ? dynamic.enabled(name) : tools.byName.get(name);
    if (!entry) throw new RpcError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    return run(entry, args);
  });

  handle(server, ListResourcesRequestSchema, () => ({ resources: resources.list() }));
  handle(server, ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: resources.templates() }));
  handle(server, ReadResourceRequestSchema, (request, extra) =>
    resources.read(request.params.uri, { client, signal: extra.signal, maxResultChars }),
  );

  handle(server, ListPromptsRequestSchema, () => ({ prompts: prompts.list() }));
  handle(server, GetPromptRequestSchema, (request) => prompts.get(request.params.name, request.params.arguments));

  handle(server, CompleteRequestSchema, async (request) => {
    const { ref, argument } = request.params;
    const source = ref.type === 'ref/resource' ? resources.completionSource(ref.uri, argument.name) : prompts.completionSource(ref.name, argument.name);
    if (!source) return { completion: { values: [], hasMore: false } };
    return { completion: await completeFrom(source, argument.value, { client, manifest }) };
  });

  return server;
}
