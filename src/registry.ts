// Which tools a server exposes, decided in one place: toolsets, explicit tool lists, exclusions
// and read-only all apply here, once, when a server (or an HTTP session) is set up.
import type { ToolEntry } from './tools/manifest.js';
import { toolsetNames } from './tools/index.js';
import { unknownNamesText } from './suggest.js';

export interface ToolSelection {
  /** Toolset names, or 'all'. */
  toolsets: string[] | 'all';
  /** Exactly these tools (toolsets are then ignored). */
  tools?: string[];
  excludeTools?: string[];
  /** Only tools whose annotations mark them read-only; wins over everything else. */
  readOnly: boolean;
  /** Set when a client narrowed the server's selection (see narrowSelection): what each side asked. */
  narrowed?: { server: ToolSelection; requested: RequestedSelection };
}

/** The core a user gets without choosing: sending email and managing contacts. */
export const DEFAULT_TOOLSETS = ['transactional_email', 'contacts', 'account'];

export const defaultSelection = (): ToolSelection => ({ toolsets: DEFAULT_TOOLSETS, readOnly: false });

export class SelectionError extends Error {}

/** What a toolset may be called: every toolset's name, and `all`. */
const knownToolsetsText = () => `known toolsets: all, ${toolsetNames.join(', ')}`;

/**
 * Checks names early, so a typo in --toolsets or --tools fails loudly rather than silently
 * selecting nothing. The message suggests the nearest names and carries its own hint.
 */
export function validateSelection(selection: ToolSelection, manifest: ToolEntry[]): void {
  if (selection.toolsets !== 'all') {
    const unknown = selection.toolsets.filter((t) => !toolsetNames.includes(t));
    if (unknown.length)
      throw new SelectionError(
        `${unknownNamesText('toolset', unknown, ['all', ...toolsetNames])} (${knownToolsetsText()})`,
      );
  }
  const names = manifest.map((t) => t.name);
  const known = new Set(names);
  const unknownTools = [...(selection.tools ?? []), ...(selection.excludeTools ?? [])].filter((t) => !known.has(t));
  if (unknownTools.length)
    throw new SelectionError(`${unknownNamesText('tool', unknownTools, names)} (see --list-tools)`);
}

export function selectTools(manifest: ToolEntry[], selection: ToolSelection): ToolEntry[] {
  const explicit = selection.tools?.length ? new Set(selection.tools) : undefined;
  const excluded = new Set(selection.excludeTools ?? []);
  const toolsets = selection.toolsets === 'all' ? undefined : new Set(selection.toolsets);
  return manifest.filter(
    (tool) =>
      (explicit ? explicit.has(tool.name) : !toolsets || toolsets.has(tool.toolset)) &&
      !excluded.has(tool.name) &&
      (!selection.readOnly || tool.annotations.readOnlyHint),
  );
}

/**
 * Why a selection does not offer an operation, and how to get it; undefined when it does. The
 * server's own options are named first (flags), then what a client asked on its connection.
 */
export function whyNotOffered(entry: ToolEntry, selection: ToolSelection): string | undefined {
  if (!selection.narrowed) return reasonUnder(entry, selection, SERVER_OPTIONS);
  const { server, requested } = selection.narrowed;
  const asked: ToolSelection = {
    toolsets: requested.toolsets ?? 'all',
    tools: requested.tools,
    excludeTools: requested.excludeTools,
    readOnly: requested.readOnly === true,
  };
  const because = requested.readOnlyBecause;
  return (
    reasonUnder(entry, server, SERVER_OPTIONS) ??
    reasonUnder(
      entry,
      asked,
      because ? { ...CONNECTION_OPTIONS, readOnly: () => `it changes data and ${because}` } : CONNECTION_OPTIONS,
    )
  );
}

const SERVER_OPTIONS = {
  excluded: () => 'the server excludes it (--exclude-tools / BREVO_EXCLUDE_TOOLS); remove it there to offer it',
  readOnly: () => 'it changes data and the server is read-only (--read-only / BREVO_READ_ONLY)',
  tools: (name: string) =>
    `the server offers only the tools named in --tools (BREVO_TOOLS); add ${name} there to offer it`,
  toolset: (toolset: string) =>
    `its toolset ${toolset} is not enabled; start the server with --toolsets including ${toolset} (or --toolsets all)`,
};
const CONNECTION_OPTIONS = {
  excluded: () => 'this connection excluded it (exclude_tools / X-Brevo-Exclude-Tools)',
  readOnly: () => 'it changes data and this connection asked for read-only tools (read_only / X-Brevo-Read-Only)',
  tools: (name: string) =>
    `this connection asked for other tools (tools / X-Brevo-Tools); connect with ${name} among them`,
  toolset: (toolset: string) =>
    `this connection asked for other toolsets (toolsets / X-Brevo-Toolsets); connect with ${toolset} among them`,
};

function reasonUnder(entry: ToolEntry, selection: ToolSelection, say: typeof SERVER_OPTIONS): string | undefined {
  if (selection.excludeTools?.includes(entry.name)) return say.excluded();
  if (selection.readOnly && !entry.annotations.readOnlyHint) return say.readOnly();
  if (selection.tools?.length) return selection.tools.includes(entry.name) ? undefined : say.tools(entry.name);
  if (selection.toolsets !== 'all' && !selection.toolsets.includes(entry.toolset)) return say.toolset(entry.toolset);
  return undefined;
}

/** What resources and completions of a session may call, decided with its tools. */
export interface OperationReach {
  allows(operation: string): boolean;
  /** Why an operation they may not call is out of reach, with how to enable it. */
  whyNot(operation: string): string;
}

/**
 * Resources and completions reach what the tools reach, except that toolsets do not limit them
 * (a session has every resource whatever its toolsets): exclusions, explicit tool lists and
 * read-only hold there as well, the server's and the connection's.
 */
export function resourceReach(manifest: ToolEntry[], selection: ToolSelection): OperationReach {
  const byName = new Map(manifest.map((t) => [t.name, t]));
  const unlimitedToolsets = (s: ToolSelection): ToolSelection => ({ ...s, toolsets: 'all' });
  const reach: ToolSelection = selection.narrowed
    ? {
        ...unlimitedToolsets(selection),
        narrowed: {
          server: unlimitedToolsets(selection.narrowed.server),
          requested: { ...selection.narrowed.requested, toolsets: 'all' },
        },
      }
    : unlimitedToolsets(selection);
  const why = (operation: string) => {
    const entry = byName.get(operation);
    return entry ? whyNotOffered(entry, reach) : `${operation} is not in the catalog`;
  };
  return { allows: (operation) => why(operation) === undefined, whyNot: (operation) => why(operation) ?? '' };
}

/** A stable key for caching what a selection lists. */
export function selectionKey(selection: ToolSelection): string {
  return JSON.stringify([selection.toolsets, selection.tools ?? [], selection.excludeTools ?? [], selection.readOnly]);
}

/**
 * What one HTTP client asks for on initialize (query string or X-Brevo-* headers). It can only
 * narrow the server's own selection: the server's toolsets, tools, exclusions and read-only are
 * the most any session gets.
 */
export interface RequestedSelection {
  toolsets?: string[] | 'all';
  tools?: string[];
  excludeTools?: string[];
  readOnly?: boolean;
  /** Why read-only was asked for, when not by the client itself (an OAuth token's scopes). */
  readOnlyBecause?: string;
}

/** Each item: its query parameter, then its header. The query string wins when both are given. */
const REQUEST_SOURCES = {
  toolsets: ['toolsets', 'x-brevo-toolsets'],
  tools: ['tools', 'x-brevo-tools'],
  excludeTools: ['exclude_tools', 'x-brevo-exclude-tools'],
  readOnly: ['read_only', 'x-brevo-read-only'],
} as const;

type HeaderBag = Record<string, string | string[] | undefined>;

function requestValue(
  query: URLSearchParams,
  headers: HeaderBag,
  [param, header]: readonly [string, string],
): string | undefined {
  if (query.has(param)) return query.getAll(param).join(',');
  const value = headers[header];
  return Array.isArray(value) ? value.join(',') : value;
}

const names = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The selection a client asked for, or undefined when it asked for nothing. Throws SelectionError on a malformed value.
 */
export function requestedSelection(query: URLSearchParams, headers: HeaderBag): RequestedSelection | undefined {
  const toolsets = requestValue(query, headers, REQUEST_SOURCES.toolsets);
  const tools = requestValue(query, headers, REQUEST_SOURCES.tools);
  const exclude = requestValue(query, headers, REQUEST_SOURCES.excludeTools);
  const readOnly = requestValue(query, headers, REQUEST_SOURCES.readOnly);
  if (toolsets === undefined && tools === undefined && exclude === undefined && readOnly === undefined)
    return undefined;
  const requested: RequestedSelection = {};
  if (toolsets !== undefined) {
    const asked = names(toolsets.toLowerCase());
    requested.toolsets = asked.includes('all') ? 'all' : asked;
  }
  if (tools !== undefined) requested.tools = names(tools);
  if (exclude !== undefined) requested.excludeTools = names(exclude);
  if (readOnly !== undefined) {
    // A bare `?read_only` means yes.
    if (/^(|1|true|yes|on)$/i.test(readOnly.trim())) requested.readOnly = true;
    else if (/^(0|false|no|off)$/i.test(readOnly.trim())) requested.readOnly = false;
    else throw new SelectionError(`read_only must be 1 or 0, got "${readOnly}"`);
  }
  return requested;
}

/**
 * The server's selection narrowed by what a client asked for, as an explicit tool list. Unknown
 * names, and names this server does not offer, throw SelectionError naming them. The server's
 * read-only always holds: a client can turn read-only on, never off.
 */
export function narrowSelection(
  server: ToolSelection,
  requested: RequestedSelection,
  manifest: ToolEntry[],
): ToolSelection {
  const known = new Set(manifest.map((t) => t.name));
  const askedSets = requested.toolsets === 'all' ? [] : (requested.toolsets ?? []);
  const unknownSets = askedSets.filter((t) => !toolsetNames.includes(t));
  const unknownTools = [...(requested.tools ?? []), ...(requested.excludeTools ?? [])].filter((t) => !known.has(t));
  if (unknownSets.length || unknownTools.length) {
    const parts = [];
    if (unknownSets.length) parts.push(unknownNamesText('toolset', unknownSets, ['all', ...toolsetNames]));
    if (unknownTools.length) parts.push(unknownNamesText('tool', unknownTools, [...known]));
    throw new SelectionError(`${parts.join('; ')} (${knownToolsetsText()})`);
  }

  const offered = selectTools(manifest, server);
  const offeredNames = new Set(offered.map((t) => t.name));
  const offeredSets = [...new Set(offered.map((t) => t.toolset))];
  const notOffered = [
    ...askedSets.filter((t) => !offeredSets.includes(t)),
    ...(requested.tools ?? []).filter((t) => !offeredNames.has(t)),
  ];
  if (notOffered.length) {
    throw new SelectionError(
      // wide: one message whose parts depend on conditions; kept whole so it reads as sent
      `not offered by this server: ${notOffered.join(', ')} (it offers the toolsets ${offeredSets.join(', ') || 'none'}${server.readOnly ? ', read-only tools only' : ''})`,
    );
  }

  const readOnly = server.readOnly || requested.readOnly === true;
  const chosen = selectTools(offered, {
    toolsets: requested.toolsets ?? 'all',
    tools: requested.tools,
    excludeTools: requested.excludeTools,
    readOnly,
  }).map((t) => t.name);
  const narrowed = { server, requested };
  // An empty tools list would mean "no explicit list" to selectTools: say "no toolset" instead.
  return chosen.length
    ? { toolsets: 'all', tools: chosen, excludeTools: server.excludeTools, readOnly, narrowed }
    : { toolsets: [], excludeTools: server.excludeTools, readOnly, narrowed };
}
