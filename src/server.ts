// One MCP server (one per stdio process, one per Streamable HTTP session): tools from the
// selected part of the catalog, resources, prompts for the tools selected, completions of
// account ids, and views and skills for clients that announce those extensions, all backed by
// one Brevo client. Every answer and error passes through the session's redactor on its way out.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { Protocol } from '@modelcontextprotocol/sdk/shared/protocol.js';
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
import { NO_SECRETS, type Redactor } from './redact.js';
import { resourceReach, selectionKey, selectTools, whyNotOffered, type ToolSelection } from './registry.js';
import { completeFrom, forgetCompletions } from './completions/index.js';
import { SessionPrompts } from './prompts/index.js';
import { resourceCatalog } from './resources/index.js';
import { confirmWithPerson } from './confirm.js';
import { createDynamicMode } from './dynamic.js';
import { CODE_INSTRUCTIONS, createCodeMode, type CodeLimits } from './code/index.js';
import { wireTool } from './listing.js';
import type { Operation } from './tools/define.js';
import { loadOperation } from './tools/index.js';
import type { ToolEntry } from './tools/manifest.js';
import { VERSION } from './version.js';
import { RpcError } from './rpc-error.js';
import { issueText } from './issue-text.js';
import { SessionViews } from './views/index.js';
import { SessionSkills } from './skills/session.js';
import { wireSkills } from './skills/protocol.js';
import type { SkillsMode } from './config.js';

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
  /** Each request is served by a new server (stateless HTTP): nothing is remembered between them. */
  sessionless?: boolean;
  /** The secrets this session's output may never show: the operator's and its own key. */
  redactor?: Redactor;
  /** Which clients get the Skills extension (default: those that announce it). */
  skills?: SkillsMode;
}

const INSTRUCTIONS =
  'Brevo (email, SMS, WhatsApp, contacts, campaigns, CRM). Tools map one-to-one to Brevo API operations; ids come from the list_/get_ tools or the brevo:// resources. Dates are YYYY-MM-DD unless a field says date-time (ISO 8601 with offset).';

const DYNAMIC_INSTRUCTIONS =
  ' Operations are not listed one by one here: find them with search_tools, read their inputs with describe_tool and run them with call_tool (a tool named in a prompt is run that way too)';
const ENABLE_INSTRUCTIONS = ', or enable_toolset to list a whole toolset.';

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
    if (listedBySelection.size >= MAX_CACHED_SELECTIONS)
      listedBySelection.delete(listedBySelection.keys().next().value!);
    listedBySelection.set(key, cached);
  }
  return cached;
}

/**
 * Registers a request handler whose params are validated here, so malformed params get
 * -32602 Invalid params naming the problem in one line (the SDK's own parse reports -32603).
 * Registered through Protocol's method: Server's own wraps tools/call in a second validation
 * that answers bad params with zod's raw issue dump under a doubled "MCP error" prefix. What it
 * answers, result or error, is redacted: the one edge every tool result, resource, completion
 * and prompt passes on its way to the client.
 */
function handle<S extends z.ZodObject<{ method: z.ZodLiteral<string> }>>(
  server: Server,
  redactor: Redactor,
  schema: S,
  handler: (request: z.infer<S>, extra: Parameters<Parameters<Server['setRequestHandler']>[1]>[1]) => unknown,
): void {
  const method = schema.shape.method.value;
  Protocol.prototype.setRequestHandler.call(
    server,
    z.looseObject({ method: z.literal(method) }),
    async (request, extra) => {
      const parsed = schema.safeParse(request);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => issueText(issue, request, '(params)')).join('; ');
        throw redactedError(redactor, new RpcError(ErrorCode.InvalidParams, `Invalid ${method} request: ${problems}`));
      }
      try {
        return redactor.value(await handler(parsed.data, extra)) as never;
      } catch (error) {
        throw redactedError(redactor, error);
      }
    },
  );
}

function redactedError(redactor: Redactor, error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code, data } = error as { code?: unknown; data?: unknown };
  const message = redactor.text(error.message);
  const cleanData = redactor.value(data);
  return message === error.message && cleanData === data
    ? error
    : new RpcError(typeof code === 'number' ? code : ErrorCode.InternalError, message, cleanData);
}

export function createMcpServer(options: ServerOptions): Server {
  const { manifest, client, selection, maxResultChars } = options;
  const redactor = options.redactor ?? NO_SECRETS;
  const approve = options.confirm
    ? (op: Operation, args: Record<string, unknown>, signal?: AbortSignal) =>
        confirmWithPerson(server, op, args, signal)
    : undefined;
  const server = new Server(
    { name: 'brevo-mcp', title: 'Brevo', version: VERSION },
    {
      capabilities: { tools: { listChanged: true }, resources: { listChanged: true }, prompts: {}, completions: {} },
      instructions: options.dynamic
        ? INSTRUCTIONS + DYNAMIC_INSTRUCTIONS + (options.sessionless ? '.' : ENABLE_INSTRUCTIONS)
        : INSTRUCTIONS + (options.code ? CODE_INSTRUCTIONS : ''),
    },
  );
  const tools = toolsFor(manifest, selection);
  /** Why an operation of the catalog is not offered here, in a sentence; undefined when it is not in the catalog. */
  const whyUnavailable = (name: string) => {
    const entry = manifest.find((t) => t.name === name);
    const why = entry && whyNotOffered(entry, selection);
    return why && `${name} is a Brevo operation (toolset ${entry.toolset}) that this server does not offer: ${why}.`;
  };
  const dynamic = options.dynamic
    ? createDynamicMode([...tools.byName.values()], () => void server.sendToolListChanged().catch(() => {}), {
        readOnly: selection.readOnly,
        canEnableToolsets: !options.sessionless,
        whyUnavailable,
      })
    : undefined;
  const code = options.code
    ? createCodeMode({
        entries: [...tools.byName.values()],
        whyUnavailable,
        readOnly: selection.readOnly,
        limits: options.code,
      })
    : undefined;
  const resources = resourceCatalog(manifest);
  // What resources and completions may call: decided by the registry with the tools.
  const reach = resourceReach(manifest, selection);
  const prompts = new SessionPrompts((name) => tools.byName.has(name));
  const views = new SessionViews(
    () => server.getClientCapabilities(),
    (name) => tools.byName.has(name),
  );
  const on = <S extends Parameters<typeof handle>[2]>(schema: S, handler: Parameters<typeof handle<S>>[3]) =>
    handle(server, redactor, schema, handler);
  // Skills (SEP-2640) for clients that announce the extension; the same files as the prompts' steps.
  const skills = wireSkills(
    server,
    on,
    new SessionSkills((name) => tools.byName.has(name), selection.readOnly),
    options.skills ?? 'announced',
  );

  on(ListToolsRequestSchema, () => ({
    tools: views.annotate(code ? code.list() : dynamic ? dynamic.list() : tools.tools),
  }));

  /** After successful writes: what the resources show (and the ids completions offer) changed. */
  const changed = async (
    names: Iterable<string>,
    extra: { sendNotification: (n: ServerNotification) => Promise<void> },
  ) => {
    if (![...names].some((name) => resources.changingTools.has(name))) return;
    forgetCompletions(client);
    // Sent as part of the request, so it reaches HTTP clients on the call's own stream, stateless ones included.
    await extra.sendNotification({ method: 'notifications/resources/list_changed' }).catch(() => {});
  };

  on(CallToolRequestSchema, async (request, extra) => {
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
        redactor,
        fullTextAt: (o, a, field) => resources.fullTextAt(o.name, field, (_, argument) => a[argument], reach),
      });
      if (!result.isError) await changed([entry.name], extra);
      return result;
    };
    const { name, arguments: args } = request.params;
    if (code) {
      const ctx = {
        client,
        maxResultChars,
        redactor,
        approve: approveHere,
        signal: extra.signal,
        progressToken: request.params._meta?.progressToken,
        sendNotification: extra.sendNotification,
      };
      const ran = await code.call(name, args, ctx);
      if (!ran)
        throw new RpcError(ErrorCode.InvalidParams, `Unknown tool: ${name} (code mode lists search and execute)`);
      await changed(ran.succeeded, extra);
      return ran.result ?? { isError: true, content: [{ type: 'text', text: 'Cancelled.' }] };
    }
    const metaCall = dynamic?.call(name, args, run);
    if (metaCall !== undefined) return metaCall;
    const entry = dynamic ? dynamic.enabled(name) : tools.byName.get(name);
    if (!entry) {
      const notListed = dynamic && tools.byName.has(name);
      const enable = options.sessionless
        ? ''
        : `, or enable_toolset ${tools.byName.get(name)?.toolset} to list its toolset`;
      const why = notListed
        ? `${name} is not listed in dynamic mode: run it with call_tool (name "${name}")${enable}.`
        : whyUnavailable(name);
      throw new RpcError(ErrorCode.InvalidParams, why ?? `Unknown tool: ${name}`);
    }
    return run(entry, args);
  });

  on(ListResourcesRequestSchema, () => ({
    resources: [...resources.list(reach), ...views.resources(), ...skills.resources()],
  }));
  on(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: resources.templates(reach) }));
  on(ReadResourceRequestSchema, (request, extra) =>
    views.owns(request.params.uri)
      ? views.read(request.params.uri)
      : skills.owns(request.params.uri)
        ? skills.read(request.params.uri)
        : resources.read(request.params.uri, { client, signal: extra.signal, maxResultChars, redactor, reach }),
  );

  on(ListPromptsRequestSchema, () => ({ prompts: prompts.list() }));
  on(GetPromptRequestSchema, (request) => prompts.get(request.params.name, request.params.arguments));

  on(CompleteRequestSchema, async (request, extra) => {
    const { ref, argument } = request.params;
    const source =
      ref.type === 'ref/resource'
        ? resources.completionSource(ref.uri, argument.name, reach)
        : prompts.completionSource(ref.name, argument.name);
    if (!source) return { completion: { values: [], hasMore: false } };
    return {
      completion: await completeFrom(source, argument.value, { client, manifest, signal: extra.signal, reach }),
    };
  });

  return server;
}
