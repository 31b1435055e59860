// completion/complete: ids of things in the account (lists, templates, campaigns...) offered for
// resource template variables and prompt arguments. Each kind is fetched through the executor
// with its catalog list operation (src/completions/sources.ts), kept for a short while per Brevo
// client (so per API key: sessions sharing the server's key share it), and filtered by what the
// user typed: ids starting with it first, then, when it holds letters, items whose name matches.
// A fetch is shared by the requests waiting for it and aborted when every one was cancelled.
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { BrevoClient } from '../client/brevo-client.js';
import { callOperation, OperationFailure } from '../executor.js';
import type { OperationReach } from '../registry.js';
import type { ToolEntry } from '../tools/manifest.js';
import { SOURCES, type CompletionSource, type SourceName } from './sources.js';
import { RpcError } from '../rpc-error.js';

/** The spec's most values in one answer. */
export const MAX_VALUES = 100;
/** Most items fetched per kind: enough to complete in any reasonable account, bounded in a huge one. */
export const MAX_ITEMS = 500;
/** How long fetched items are reused. */
export const CACHE_MS = 30_000;

export interface Candidate {
  value: string;
  labels: string[];
}

interface Fetched {
  items: Candidate[];
  /** False when the account holds more than MAX_ITEMS of them (so more may match). */
  complete: boolean;
}

export interface Completion {
  values: string[];
  total?: number;
  hasMore: boolean;
}

export interface CompletionContext {
  client: BrevoClient;
  manifest: ToolEntry[];
  now?: () => number;
  /** The completion request's own signal: cancelling it stops waiting (and the fetch, if no one else waits). */
  signal?: AbortSignal;
  /** The operations this session may call (default: all); a source outside it offers nothing. */
  reach?: OperationReach;
}

interface CacheEntry {
  at: number;
  fetched: Promise<Fetched>;
  /** Requests now waiting for this fetch, and the controller that aborts it. */
  waiting: number;
  abort: AbortController;
}

const caches = new WeakMap<BrevoClient, Map<SourceName, CacheEntry>>();

/** Drops what was fetched with this client: called when a tool call changed the account. */
export function forgetCompletions(client: BrevoClient): void {
  caches.delete(client);
}

/** The values of a kind that match what was typed. */
export async function completeFrom(name: SourceName, typed: string, ctx: CompletionContext): Promise<Completion> {
  if (ctx.reach && !ctx.reach.allows(SOURCES[name].operation)) return { values: [], hasMore: false };
  const now = ctx.now ?? Date.now;
  let cache = caches.get(ctx.client);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.client, cache);
  }
  let entry = cache.get(name);
  if (!entry || entry.abort.signal.aborted || now() - entry.at > CACHE_MS) {
    const abort = new AbortController();
    const fetched = fetchSource(SOURCES[name], ctx, abort.signal);
    const created: CacheEntry = { at: now(), fetched, waiting: 0, abort };
    cache.set(name, created);
    entry = created;
    // A failure is not kept: the next keystroke asks again.
    fetched.catch(() => {
      if (cache.get(name) === created) cache.delete(name);
    });
  }
  const { items, complete } = await waitFor(entry, ctx.signal);
  return matchCandidates(items, typed, complete);
}

/** The entry's fetch, or a rejection as soon as `signal` aborts; the last waiter to leave aborts the fetch. */
function waitFor(entry: CacheEntry, signal: AbortSignal | undefined): Promise<Fetched> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  entry.waiting++;
  return new Promise<Fetched>((resolve, reject) => {
    let settled = false;
    const leave = () => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      entry.waiting--;
    };
    const onAbort = () => {
      if (settled) return;
      leave();
      if (entry.waiting === 0) entry.abort.abort(signal!.reason);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.fetched.then(
      (value) => {
        if (settled) return;
        leave();
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        leave();
        reject(error);
      },
    );
  });
}

/**
 * Ids starting with the typed text (case-insensitive), then, when it holds a letter, items with
 * a label (name, subject...) or a word of one starting with it, then labels containing it.
 */
export function matchCandidates(items: Candidate[], typed: string, complete = true): Completion {
  const text = typed.trim().toLowerCase();
  const letters = /\p{L}/u.test(text);
  const byId: string[] = [];
  const byWord: string[] = [];
  const byPart: string[] = [];
  for (const item of items) {
    if (item.value.toLowerCase().startsWith(text)) byId.push(item.value);
    else if (letters) {
      const labels = item.labels.map((l) => l.toLowerCase());
      if (labels.some((l) => l.startsWith(text) || l.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(text))))
        byWord.push(item.value);
      else if (labels.some((l) => l.includes(text))) byPart.push(item.value);
    }
  }
  const all = [...new Set([...byId, ...byWord, ...byPart])];
  return {
    values: all.slice(0, MAX_VALUES),
    ...(complete ? { total: all.length } : {}),
    hasMore: all.length > MAX_VALUES || !complete,
  };
}

async function fetchSource(source: CompletionSource, ctx: CompletionContext, signal: AbortSignal): Promise<Fetched> {
  const entry = ctx.manifest.find((t) => t.name === source.operation);
  const missing = () =>
    new RpcError(ProtocolErrorCode.InternalError, `no catalog operation ${source.operation} to complete from`);
  if (!entry) throw missing();
  const props = (entry.inputSchema.properties ?? {}) as Record<string, { maximum?: number }>;
  const paged = 'offset' in props && 'limit' in props;
  const pageSize = Math.min(source.pageSize ?? props.limit?.maximum ?? 100, MAX_ITEMS);

  const get = async (args: Record<string, unknown>) => {
    try {
      const { response } = await callOperation(entry, args, { client: ctx.client, signal });
      return response.kind === 'json' ? response.data : undefined;
    } catch (error) {
      if (!(error instanceof OperationFailure)) throw error;
      if (error.kind === 'missing') throw missing();
      const brevo = error.brevo;
      if (!brevo) throw error.cause;
      throw new RpcError(
        ProtocolErrorCode.InternalError,
        `Brevo answered ${brevo.status ? `HTTP ${brevo.status}` : 'nothing'} (${brevo.code}) to ${entry.name}: ` +
          `${brevo.brevoMessage}`,
      );
    }
  };

  const items: Candidate[] = [];
  let complete = true;
  for (const variant of source.variants ?? [{}]) {
    const args = { ...source.args, ...variant };
    if (!paged) {
      items.push(...candidatesIn(await get(args), source));
      continue;
    }
    const first = await get({ ...args, limit: pageSize, offset: 0 });
    const page = candidatesIn(first, source);
    items.push(...page);
    const total = countOf(first);
    if (total !== undefined) {
      // The count is known: fetch the remaining pages at once (the client caps requests in flight).
      const offsets: number[] = [];
      for (let offset = pageSize; offset < Math.min(total, MAX_ITEMS); offset += pageSize) offsets.push(offset);
      const pages = await Promise.all(offsets.map((offset) => get({ ...args, limit: pageSize, offset })));
      for (const data of pages) items.push(...candidatesIn(data, source));
      if (total > MAX_ITEMS) complete = false;
    } else {
      let last = page.length;
      for (let offset = pageSize; last >= pageSize && offset < MAX_ITEMS; offset += pageSize) {
        const next = candidatesIn(await get({ ...args, limit: pageSize, offset }), source);
        items.push(...next);
        last = next.length;
      }
      if (last >= pageSize) complete = false;
    }
  }
  const seen = new Set<string>();
  return { items: items.filter((i) => !seen.has(i.value) && seen.add(i.value)), complete };
}

function countOf(data: unknown): number | undefined {
  const count =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as { count?: unknown }).count : undefined;
  return typeof count === 'number' ? count : undefined;
}

/**
 * The items of a list answer: the answer itself when it is an array, else its list of objects holding the value field.
 */
export function candidatesIn(data: unknown, source: Pick<CompletionSource, 'value' | 'labels'>): Candidate[] {
  const valueField = source.value ?? 'id';
  const hasValue = (x: unknown) =>
    !!x && typeof x === 'object' && (x as Record<string, unknown>)[valueField] !== undefined;
  let list: unknown[] = [];
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === 'object') {
    list =
      Object.values(data).find((v): v is unknown[] => Array.isArray(v) && v.some(hasValue)) ??
      (hasValue(data) ? [data] : []);
  }
  const out: Candidate[] = [];
  for (const item of list) {
    if (!hasValue(item)) continue;
    const record = item as Record<string, unknown>;
    const value = record[valueField];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const labels = (source.labels ?? [])
      .map((l) => record[l])
      .filter((l): l is string => typeof l === 'string' && l !== '');
    out.push({ value: String(value), labels });
  }
  return out;
}
