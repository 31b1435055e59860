// One MCP server instance: tools from the selected part of the catalog, resources, prompts for
// the tools selected, completions of account ids, and views and skills for clients that take
// them, all backed by one Brevo client. It serves either revision: 2025-11-25 (one per stdio process or
// Streamable HTTP session) or 2026-07-28 (one per stdio connection, or per HTTP request). Every
// answer and error passes through the instance's redactor on its way out.
import {
  CLIENT_CAPABILITIES_META_KEY,
  type CacheHint,
  type ClientCapabilities,
  ProtocolErrorCode,
  type RequestStateCodec,
  Server,
  type ServerContext,
  type Tool,
} from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { BrevoClient } from './client/brevo-client.js';
import type { CodeLimits } from './code/index.js';
import { CODE_INSTRUCTIONS } from './code/tools.js';
import { dynamicMode } from './modes/dynamic.js';
import type { ToolMode } from './modes/index.js';
import { staticMode } from './modes/static.js';
import { issueText } from './issue-text.js';
import { onFirstUse } from './lazy.js';
import { wireTool } from './listing.js';
import { NO_SECRETS, type Redactor } from './redact.js';
import { resourceReach, selectionKey, selectTools, type ToolSelection, whyNotOffered } from './registry.js';
import { RpcError } from './rpc-error.js';
import type { Operation } from './tools/define.js';
import type { ToolEntry } from './tools/manifest.js';
import { VERSION } from './version.js';
import { SessionViews } from './views/index.js';
import { type SkillsWiring, wireSkills } from './skills/protocol.js';
import type { SkillsMode } from './config.js';
import { BoundedMap } from './bounded-map.js';

/** What changed, for clients listening (2026-07-28 subscriptions/listen). */
type ChangeKind = 'tools' | 'resources';

export interface ServerOptions {
  manifest: ToolEntry[];
  client: BrevoClient;
  selection: ToolSelection;
  maxResultChars: number;
  /** Ask the person before any destructive tool runs. */
  confirm?: boolean;
  /** List meta-tools that search, describe and call the selected operations, not the operations. */
  dynamic?: boolean;
  /**
   * The default without a selection flag: these toolsets' tools are listed, and the meta-tools of
   * dynamic mode reach every other selected operation (the whole catalog, within the operator's
   * read-only and exclusions), so a model gets anywhere without a restart.
   */
  listedToolsets?: string[];
  /** Code mode: list search and execute (scripts calling the selected operations), with these limits. */
  code?: CodeLimits;
  /** Each request is served by a new instance (stateless HTTP): nothing is remembered between them. */
  sessionless?: boolean;
  /** The secrets this instance's output may never show: the operator's and its own key. */
  redactor?: Redactor;
  /** Which clients get the Skills extension (default: those that announce it). */
  skills?: SkillsMode;
  /** The revision this instance serves: 'modern' is 2026-07-28 (default 'legacy', 2025-11-25). */
  era?: 'legacy' | 'modern';
  /** Signs 2026-07-28 request state (confirmations); the same secret on every replica. */
  stateCodec?: RequestStateCodec<never>;
  /** Publishes a change to 2026-07-28 listeners (HTTP: the event bus); default: this instance's own. */
  announce?: (kind: ChangeKind) => void;
  /**
   * Whether what is listed depends on who asks (a client's key, an OAuth token, a client-chosen
   * selection): then 2026-07-28 list results are cached per client ('private'), never 'public'.
   */
  listingIsPersonal?: boolean;
  /** Code mode: whose share of the process's script runs this session's take (its client key or token subject). */
  runShare?: string;
}

const INSTRUCTIONS =
  'Brevo (email, SMS, WhatsApp, contacts, campaigns, CRM). Tools map one-to-one to Brevo API ' +
  'operations; ids come from the list_/get_ tools or the brevo:// resources. Dates are YYYY-MM-DD ' +
  'unless a field says date-time (ISO 8601 with offset).';

const DYNAMIC_INSTRUCTIONS =
  ' Operations are not listed one by one here: find them with search_tools, read their inputs ' +
  'with describe_tool and run them with call_tool (a tool named in a prompt is run that way too)';
const ENABLE_INSTRUCTIONS = ', or enable_toolset to list a whole toolset.';
const GUIDED_INSTRUCTIONS =
  ' The most common operations are listed as tools; every other Brevo operation (campaigns, CRM, ' +
  'SMS, loyalty...) is found with search_tools, read with describe_tool and run with call_tool';

// What answering tools/list does not need loads on first use, not at start-up: together these
// modules were ~20 ms of a ~180 ms cold start (npm run bench).
const completions = onFirstUse(() => import('./completions/index.js'));
const executor = onFirstUse(() => import('./executor.js'));
const confirmations = onFirstUse(() => import('./confirm.js'));
const resourceModule = onFirstUse(() => import('./resources/index.js'));
const promptModule = onFirstUse(() => import('./prompts/index.js'));

const MAX_CACHED_SELECTIONS = 64;
// HTTP clients choose their own selections: the cache is bounded, the oldest forgotten first.
const listedBySelection = new BoundedMap<string, { tools: Tool[]; byName: Map<string, ToolEntry> }>(
  MAX_CACHED_SELECTIONS,
);

/** The tools/list answer for a selection, built once and shared by every instance that uses it. */
function toolsFor(manifest: ToolEntry[], selection: ToolSelection) {
  const key = selectionKey(selection);
  let cached = listedBySelection.get(key);
  if (!cached) {
    const selected = selectTools(manifest, selection);
    cached = {
      tools: selected.map(wireTool),
      byName: new Map(selected.map((t) => [t.name, t])),
    };
    listedBySelection.set(key, cached);
  }
  return cached;
}

// Request params as this server reads them. Checked here rather than by the SDK's spec parse,
// which answers a malformed request with -32603 and zod's raw dump: here it is -32602 Invalid
// params naming the problem in one line.
const cursor = { cursor: z.string().optional() };
const meta = { _meta: z.looseObject({}).optional() };
const PARAMS = {
  'tools/list': z.looseObject({ ...cursor }),
  'tools/call': z.looseObject({ name: z.string(), arguments: z.record(z.string(), z.unknown()).optional(), ...meta }),
  'resources/list': z.looseObject({ ...cursor }),
  'resources/templates/list': z.looseObject({ ...cursor }),
  'resources/read': z.looseObject({ uri: z.string() }),
  'prompts/list': z.looseObject({ ...cursor }),
  'prompts/get': z.looseObject({ name: z.string(), arguments: z.record(z.string(), z.string()).optional() }),
  'completion/complete': z.looseObject({
    ref: z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('ref/prompt'), name: z.string() }),
      z.looseObject({ type: z.literal('ref/resource'), uri: z.string() }),
    ]),
    argument: z.looseObject({ name: z.string(), value: z.string() }),
    context: z.looseObject({ arguments: z.record(z.string(), z.string()).optional() }).optional(),
  }),
} as const;
type Method = keyof typeof PARAMS;
type Params<M extends Method> = z.infer<(typeof PARAMS)[M]>;

/** Anything goes through the SDK's own parse: PARAMS checks it in the handler. */
const UNCHECKED = { params: z.unknown() };

/** How long a 2026-07-28 client may reuse a listing: it changes only with a new catalog or selection. */
const LIST_TTL_MS = 5 * 60_000;

/** The params of a request as PARAMS reads them; a malformed request throws -32602 naming each problem. */
function checkedParams<M extends Method>(method: M, raw: unknown): Params<M> {
  const request = { method, params: raw ?? {} };
  const parsed = z.object({ params: PARAMS[method] }).safeParse(request);
  if (parsed.success) return (parsed.data as { params: Params<M> }).params;
  const problems = parsed.error.issues.map((issue) => issueText(issue, request, '(params)')).join('; ');
  throw new RpcError(ProtocolErrorCode.InvalidParams, `Invalid ${method} request: ${problems}`);
}

/**
 * The SDK's Server, with tools/call's params checked by PARAMS before the SDK's own check of that
 * method, which answers with zod's raw issue dump. Done through the hook the SDK offers
 * subclasses for wrapping handlers.
 */
class BrevoServer extends Server {
  redactor: Redactor = NO_SECRETS;
  /** Declares the Skills extension in initialize and server/discover answers to the clients it serves. */
  skills?: SkillsWiring;

  protected override _wrapHandler(
    method: string,
    handler: Parameters<Server['_wrapHandler']>[1],
  ): ReturnType<Server['_wrapHandler']> {
    const wrapped = super._wrapHandler(method, handler);
    // Set in the SDK's constructor, before this instance's fields: the wiring is read at call time.
    if (method === 'initialize' || method === 'server/discover')
      return async (request, ctx) => {
        const result = await wrapped(request, ctx);
        return (this.skills?.declare(method, result, ctx, request.params) ?? result) as typeof result;
      };
    if (method !== 'tools/call') return wrapped;
    return async (request, ctx) => {
      try {
        checkedParams(method, request.params);
      } catch (error) {
        throw redactedError(this.redactor, error);
      }
      return wrapped(request, ctx);
    };
  }
}

/**
 * Registers a handler whose params are validated with PARAMS. What it answers, result or error,
 * is redacted: the one edge every tool result, resource, completion and prompt passes on its
 * way to the client.
 */
function handle<M extends Method>(
  server: Server,
  redactor: Redactor,
  method: M,
  handler: (params: Params<M>, ctx: ServerContext) => unknown,
): void {
  server.setRequestHandler(method, UNCHECKED, async (raw, ctx) => {
    try {
      return redactor.value(await handler(checkedParams(method, raw), ctx)) as never;
    } catch (error) {
      throw redactedError(redactor, error);
    }
  });
}

function redactedError(redactor: Redactor, error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code, data } = error as { code?: unknown; data?: unknown };
  const message = redactor.text(error.message);
  const cleanData = redactor.value(data);
  return message === error.message && cleanData === data
    ? error
    : new RpcError(typeof code === 'number' ? code : ProtocolErrorCode.InternalError, message, cleanData);
}

/** The client's capabilities for this request: its 2026-07-28 envelope, or the 2025 session's. */
function clientCapabilitiesOf(server: Server, ctx: ServerContext | undefined): ClientCapabilities | undefined {
  const envelope = ctx?.mcpReq.envelope as Record<string, unknown> | undefined;
  return (envelope?.[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined) ?? server.getClientCapabilities();
}

export function createMcpServer(options: ServerOptions): Server {
  const { manifest, client, selection, maxResultChars } = options;
  const redactor = options.redactor ?? NO_SECRETS;
  const modern = options.era === 'modern';
  // A 2026-07-28 instance over HTTP lives for one request: nothing it enables outlives it.
  const canEnableToolsets = !options.sessionless;
  // Meta-tools (search, describe, call) serve dynamic mode and the guided default alike.
  const meta = !options.code && (options.dynamic || options.listedToolsets !== undefined);
  const listCache: CacheHint = { ttlMs: LIST_TTL_MS, cacheScope: options.listingIsPersonal ? 'private' : 'public' };
  const server = new BrevoServer(
    { name: 'brevo-mcp', title: 'Brevo', version: VERSION },
    {
      // 2025-11-25 clients get what they always got; 2026-07-28 ones exactly what is served: the
      // tool list changes only where dynamic mode can enable a toolset.
      capabilities: {
        tools: { listChanged: modern ? Boolean(meta && canEnableToolsets) : true },
        resources: { listChanged: true },
        prompts: {},
        completions: {},
      },
      instructions: meta
        ? INSTRUCTIONS +
          (options.dynamic ? DYNAMIC_INSTRUCTIONS : GUIDED_INSTRUCTIONS) +
          (canEnableToolsets ? ENABLE_INSTRUCTIONS : '.')
        : INSTRUCTIONS + (options.code ? CODE_INSTRUCTIONS : ''),
      cacheHints: {
        'tools/list': listCache,
        'prompts/list': listCache,
        'resources/list': listCache,
        'resources/templates/list': listCache,
        'server/discover': listCache,
      },
      ...(options.stateCodec ? { requestState: { verify: options.stateCodec.verify } } : {}),
    },
  );
  server.redactor = redactor;
  const announce =
    options.announce ??
    ((kind: ChangeKind) =>
      void (kind === 'tools' ? server.sendToolListChanged() : server.sendResourceListChanged()).catch(() => {}));
  const tools = toolsFor(manifest, selection);
  /** Why an operation of the catalog is not offered here, in a sentence; undefined when it is not in the catalog. */
  const whyUnavailable = (name: string) => {
    const entry = manifest.find((t) => t.name === name);
    const why = entry && whyNotOffered(entry, selection);
    return why && `${name} is a Brevo operation (toolset ${entry.toolset}) that this server does not offer: ${why}.`;
  };
  const modeOptions = {
    entries: [...tools.byName.values()],
    listed: tools.tools,
    readOnly: selection.readOnly,
    whyUnavailable,
  };
  const codeLimits = options.code;
  // Built on the first tools/list or call; code mode's module is loaded only when it is the mode.
  const mode = onFirstUse(
    async (): Promise<ToolMode> =>
      codeLimits
        ? (await import('./modes/code.js')).codeMode({ ...modeOptions, limits: codeLimits, runShare: options.runShare })
        : meta
          ? dynamicMode({
              ...modeOptions,
              canEnableToolsets,
              listedToolsets: options.listedToolsets ?? [],
              toolsChanged: () => announce('tools'),
            })
          : staticMode(modeOptions),
  );
  const resourcesOf = async () => (await resourceModule()).resourceCatalog(manifest);
  // What resources and completions may call: decided by the registry with the tools.
  const reach = resourceReach(manifest, selection);
  const offered = (name: string) => tools.byName.has(name);
  const prompts = onFirstUse(async () => new (await promptModule()).SessionPrompts(offered));
  const views = new SessionViews(offered);
  const on = <M extends Method>(method: M, handler: (params: Params<M>, ctx: ServerContext) => unknown) =>
    handle(server, redactor, method, handler);
  // Skills (SEP-2640) for the clients --skills names; the same files as the prompts' steps.
  const skills = wireSkills(
    server,
    onFirstUse(async () => new (await import('./skills/session.js')).SessionSkills(offered, selection.readOnly)),
    options.skills ?? 'announced',
    (value) => redactor.value(value),
  );
  server.skills = skills;

  on('tools/list', async (_, ctx) => ({
    tools: views.annotate((await mode()).list(), clientCapabilitiesOf(server, ctx)),
  }));

  /** After successful writes: what the resources show (and the ids completions offer) changed. */
  const changed = async (names: Iterable<string>, ctx: ServerContext) => {
    const { changingTools } = await resourcesOf();
    if (![...names].some((name) => changingTools.has(name))) return;
    void completions.ifMade()?.then((m) => m.forgetCompletions(client));
    // 2025-11-25: sent as part of the request, so it reaches HTTP clients on the call's own
    // stream, stateless ones included. 2026-07-28: to the clients listening for it.
    if (ctx.mcpReq.envelope) announce('resources');
    else await ctx.mcpReq.notify({ method: 'notifications/resources/list_changed' }).catch(() => {});
  };

  on('tools/call', async (params, ctx) => {
    // 2025-11-25 asks within the request (cancelling it cancels the question); 2026-07-28 answers
    // with the question and runs the call when the client comes back with the answer.
    const confirm = options.confirm ? await confirmations() : undefined;
    const round =
      confirm && ctx.mcpReq.envelope && options.stateCodec
        ? new confirm.RoundConfirmation(options.stateCodec as never, ctx, clientCapabilitiesOf(server, ctx))
        : undefined;
    const approve = !confirm
      ? undefined
      : round
        ? round.approve
        : (op: Operation, args: Record<string, unknown>) =>
            confirm.confirmWithPerson(server, op, args, ctx.mcpReq.signal, redactor);
    const { OperationFailure, runOperation } = await executor();
    const resources = await resourcesOf();
    const run = async (entry: ToolEntry, args: unknown) => {
      const result = await runOperation(entry, args, {
        client,
        signal: ctx.mcpReq.signal,
        maxResultChars,
        approve,
        redactor,
        fullTextAt: (o, a, field) => resources.fullTextAt(o.name, field, (_, argument) => a[argument], reach),
      }).catch((error: unknown) => {
        throw error instanceof OperationFailure
          ? new RpcError(ProtocolErrorCode.InternalError, `Tool ${error.message}`)
          : error;
      });
      if (!result.isError) await changed([entry.name], ctx);
      return (await round?.question()) ?? result;
    };
    return (await mode()).call({
      name: params.name,
      args: params.arguments,
      run,
      changed: (names) => changed(names, ctx),
      script: {
        client,
        maxResultChars,
        redactor,
        approve: round ? confirm?.refuseInScript : approve,
        signal: ctx.mcpReq.signal,
        progressToken: params._meta?.progressToken as string | number | undefined,
        sendNotification: (notification) => ctx.mcpReq.notify(notification),
      },
    });
  });

  on('resources/list', async (_, ctx) => ({
    resources: [
      ...(await resourcesOf()).list(reach),
      ...views.resources(clientCapabilitiesOf(server, ctx)),
      ...(await skills.resources(ctx)),
    ],
  }));
  on('resources/templates/list', async () => ({ resourceTemplates: (await resourcesOf()).templates(reach) }));
  on('resources/read', async (params, ctx) =>
    views.owns(params.uri)
      ? views.read(params.uri)
      : skills.owns(params.uri, ctx)
        ? skills.read(params.uri)
        : (await resourcesOf()).read(params.uri, {
            client,
            signal: ctx.mcpReq.signal,
            maxResultChars,
            redactor,
            reach,
          }),
  );

  on('prompts/list', async () => ({ prompts: (await prompts()).list() }));
  on('prompts/get', async (params) => (await prompts()).get(params.name, params.arguments));

  on('completion/complete', async (params, ctx) => {
    const { ref, argument } = params;
    const source =
      ref.type === 'ref/resource'
        ? (await resourcesOf()).completionSource(ref.uri as string, argument.name, reach)
        : (await prompts()).completionSource(ref.name as string, argument.name);
    if (!source) return { completion: { values: [], hasMore: false } };
    return {
      completion: await (await completions()).completeFrom(source, argument.value, {
        client,
        manifest,
        signal: ctx.mcpReq.signal,
        reach,
      }),
    };
  });

  return server;
}
