// Dynamic mode (--dynamic): instead of listing the catalog, a handful of meta-tools reach every
// operation the session may use: search the catalog, describe one operation, call one by name
// (same validation, executor and errors as its static tool), and enable a whole toolset, which
// lists its tools from then on and tells the client (notifications/tools/list_changed). Where no
// session remembers what was enabled (stateless HTTP), enable_toolset is not offered.
import {
  type CallToolResult,
  type InputRequiredResult,
  ProtocolErrorCode,
  type Tool,
} from '@modelcontextprotocol/server';
import type { Discovery } from '../discovery/index.js';
import { onFirstUse } from '../lazy.js';
import { wireTool } from '../listing.js';
import { RpcError } from '../rpc-error.js';
import { MAX_QUERY_CHARS, queryProblem } from '../search-bounds.js';
import type { ToolEntry } from '../tools/manifest.js';
import type { ModeOptions, ToolMode } from './index.js';
import { failure } from '../results.js';

/** Runs one operation: its result, or (2026-07-28 --confirm) the question to put to the person first. */
export type RunEntry = (entry: ToolEntry, args: unknown) => Promise<CallToolResult | InputRequiredResult>;

export interface DynamicMode {
  /** Meta-tools, then the tools of every enabled toolset. */
  list(): Tool[];
  /** Runs a meta-tool; undefined when the name is not one. */
  call(name: string, args: unknown, run: RunEntry): Promise<CallToolResult | InputRequiredResult> | undefined;
  /** The catalog entry behind a listed (enabled) tool. */
  enabled(name: string): ToolEntry | undefined;
}

const text = (value: unknown): CallToolResult => ({
  content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }],
});

/** The first sentence of a description: enough to choose by, without the details describe_tool gives. */
const oneLine = (description: string) => /^.*?(?<!\b(?:e\.g|i\.e))[.!?](?=\s|$)/.exec(description)?.[0] ?? description;

/** Compact search results: how many matched, the best ones, and where to browse when little matched. */
function searchResult(discovery: Discovery, query: string, toolset: string | undefined, limit: number) {
  const found = discovery.search(query, { limit, toolset });
  return {
    matches: found.total,
    tools: found.hits.map(({ entry: e }) => ({
      name: e.name,
      toolset: e.toolset,
      readOnly: e.annotations.readOnlyHint,
      summary: oneLine(e.description),
    })),
    ...(found.fuzzy ? { fuzzy: true } : {}),
    ...(found.suggestedToolsets.length ? { browse: found.suggestedToolsets } : {}),
  };
}

export interface DynamicOptions {
  readOnly: boolean;
  /** False where nothing remembers an enabled toolset between requests (stateless HTTP). */
  canEnableToolsets: boolean;
  /** Why a catalog operation is out of reach and how to enable it; undefined for a name not in the catalog. */
  whyUnavailable: (name: string) => string | undefined;
  /** Toolsets listed from the start (the guided default's common ones); none in --dynamic. */
  listedToolsets?: string[];
}

export function createDynamicMode(
  reachable: ToolEntry[],
  toolsetsChanged: () => void,
  options: DynamicOptions,
): DynamicMode {
  const { readOnly } = options;
  const byName = new Map(reachable.map((e) => [e.name, e]));
  const toolsets = [...new Set(reachable.map((e) => e.toolset))];
  // The engine (and its index) loads on the first search, so start-up never pays for it.
  const discover = onFirstUse(async () => (await import('../discovery/index.js')).createDiscovery(reachable));
  const enabledSets = new Set<string>(options.listedToolsets?.filter((t) => toolsets.includes(t)));
  const listEnabled = () => reachable.filter((e) => enabledSets.has(e.toolset)).map(wireTool);
  let enabledTools: Tool[] = enabledSets.size ? listEnabled() : [];

  const meta: Tool[] = [
    {
      name: 'search_tools',
      description:
        'Find Brevo API operations by what you want done, in your own words (e.g. "text a code to a ' +
        'phone", "unsubscribe a contact"). Returns how many matched and the best: name, toolset, ' +
        'readOnly, summary.',
      inputSchema: {
        type: 'object',
        properties: {
          query: { type: 'string', maxLength: MAX_QUERY_CHARS },
          toolset: { type: 'string', enum: toolsets },
          limit: { type: 'integer', minimum: 1, maximum: 50 },
        },
        required: ['query'],
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'describe_tool',
      description: 'Input JSON Schema and annotations of one operation, before calling it.',
      inputSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'call_tool',
      description: 'Call a Brevo operation by name with its arguments (as describe_tool gives them).',
      inputSchema: {
        type: 'object',
        properties: { name: { type: 'string' }, arguments: { type: 'object' } },
        required: ['name'],
      },
      annotations: readOnly
        ? { readOnlyHint: true, openWorldHint: true }
        : { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
    },
  ];
  if (options.canEnableToolsets) {
    meta.push({
      name: 'enable_toolset',
      description: 'List every tool of a toolset directly from now on.',
      inputSchema: {
        type: 'object',
        properties: { toolset: { type: 'string', enum: toolsets } },
        required: ['toolset'],
      },
      // It changes only what this connection lists, no data: read-only servers offer it too.
      annotations: { readOnlyHint: true, openWorldHint: false },
    });
  }

  const arg = (args: unknown, key: string) =>
    args && typeof args === 'object' ? (args as Record<string, unknown>)[key] : undefined;
  const unknownTool = (name: unknown) =>
    failure(
      options.whyUnavailable(String(name)) ??
        `No operation named ${JSON.stringify(name)} here; use search_tools to find one${readOnly ? ' (this server offers read-only operations only)' : ''}.`,
    );

  return {
    list: () => [...meta, ...enabledTools],
    enabled: (name) => (enabledSets.has(byName.get(name)?.toolset ?? '') ? byName.get(name) : undefined),
    call(name, args, run) {
      switch (name) {
        case 'search_tools': {
          const query = arg(args, 'query');
          const toolset = arg(args, 'toolset');
          const limit = Number(arg(args, 'limit') ?? 10);
          if (typeof query !== 'string')
            return Promise.resolve(failure('Invalid arguments for search_tools: query: expected a string'));
          const problem = queryProblem(query);
          if (problem) return Promise.resolve(failure(`Invalid arguments for search_tools: ${problem}`));
          if (toolset !== undefined && !toolsets.includes(String(toolset)))
            return Promise.resolve(
              failure(`Invalid arguments for search_tools: toolset: one of ${toolsets.join(', ')}`),
            );
          return discover().then((d) =>
            text(searchResult(d, query, toolset as string | undefined, Math.min(50, Math.max(1, limit || 10)))),
          );
        }
        case 'describe_tool': {
          const entry = byName.get(String(arg(args, 'name')));
          if (!entry) return Promise.resolve(unknownTool(arg(args, 'name')));
          const { name: n, toolset, description, method, path, annotations, inputSchema } = entry;
          return Promise.resolve(text({ name: n, toolset, description, method, path, annotations, inputSchema }));
        }
        case 'call_tool': {
          const entry = byName.get(String(arg(args, 'name')));
          if (!entry) return Promise.resolve(unknownTool(arg(args, 'name')));
          return run(entry, arg(args, 'arguments') ?? {});
        }
        case 'enable_toolset': {
          if (!options.canEnableToolsets) {
            return Promise.resolve(
              failure(
                'enable_toolset is not offered here: this server is stateless, so nothing would keep a toolset ' +
                  'enabled between requests. Run operations with call_tool.',
              ),
            );
          }
          const toolset = String(arg(args, 'toolset'));
          if (!toolsets.includes(toolset))
            return Promise.resolve(
              failure(`Invalid arguments for enable_toolset: toolset: one of ${toolsets.join(', ')}`),
            );
          if (!enabledSets.has(toolset)) {
            enabledSets.add(toolset);
            enabledTools = listEnabled();
            toolsetsChanged();
          }
          const names = reachable.filter((e) => e.toolset === toolset).map((e) => e.name);
          return Promise.resolve(text(`Enabled ${toolset}: ${names.length} tools now listed (${names.join(', ')}).`));
        }
        default:
          return undefined;
      }
    },
  };
}

/**
 * Dynamic mode, and the guided default, as the server's tool mode: the meta-tools, then the tools
 * of the listed and enabled toolsets. An operation the session may use runs by its own name too,
 * listed or not; one the operator ruled out is refused as a result that says why.
 */
export function dynamicMode(
  options: ModeOptions & { canEnableToolsets: boolean; listedToolsets: string[]; toolsChanged: () => void },
): ToolMode {
  const byName = new Map(options.entries.map((e) => [e.name, e]));
  const dynamic = createDynamicMode(options.entries, options.toolsChanged, {
    readOnly: options.readOnly,
    canEnableToolsets: options.canEnableToolsets,
    whyUnavailable: options.whyUnavailable,
    listedToolsets: options.listedToolsets,
  });
  return {
    list: () => dynamic.list(),
    call({ name, args, run }) {
      const metaCall = dynamic.call(name, args, run);
      if (metaCall) return metaCall;
      const entry = byName.get(name);
      if (entry) return run(entry, args);
      return Promise.resolve(notOffered(name, options.whyUnavailable));
    },
  };
}

/**
 * A tools/call for a Brevo operation the operator's selection rules out: a result the model can
 * read (what is wrong, what it can do now), not a protocol error. A name that is no operation at
 * all stays the protocol's "Unknown tool".
 */
export function notOffered(name: string, whyUnavailable: (name: string) => string | undefined): CallToolResult {
  const why = whyUnavailable(name);
  if (!why) throw new RpcError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${name}`);
  return failure(
    `${why} Only the server's operator can change that. Tell the user, and look for a listed tool that does the job.`,
  );
}
