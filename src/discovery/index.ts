// The discovery engine's entry point: finds the operations that answer a request in people's words, for dynamic mode's
// search_tools and code mode's search.
import type { ToolEntry } from '../tools/manifest.js';
import { queryProblem } from '../search-bounds.js';
import { Index } from './engine.js';
import { BoundedMap } from '../bounded-map.js';

export interface DiscoveryHit {
  entry: ToolEntry;
  score: number;
}

export interface DiscoveryResult {
  /** How many operations matched well: those scoring at least a quarter of the best. */
  total: number;
  /** The best matches, best first, at most `limit`. */
  hits: DiscoveryHit[];
  /**
   * Typo-tolerant matching was needed: a query word was read as the nearest known word, or nothing matched otherwise.
   */
  fuzzy: boolean;
  /** Toolsets worth browsing when nothing or little matched (empty otherwise). */
  suggestedToolsets: string[];
}

export interface SearchOptions {
  /** At most this many hits (default 10). */
  limit?: number;
  /** Only operations of this toolset. */
  toolset?: string;
}

export interface Discovery {
  search(query: string, options?: SearchOptions): DiscoveryResult;
}

/** Scores below this share of the best are not counted as matches. */
const MATCH_SHARE = 0.25;
/** Fewer good matches than this, or a fuzzy reading, and the answer names toolsets to browse. */
const FEW = 3;

const MAX_CACHED = 32;
const indexes = new BoundedMap<string, Index>(MAX_CACHED);

/** One index per set of entries, built on its first search and shared by every session with that set. */
function indexFor(entries: ToolEntry[]): Index {
  const key = entries.map((e) => e.name).join(',');
  let index = indexes.get(key);
  if (!index) {
    index = new Index(entries);
    indexes.set(key, index);
  }
  return index;
}

export function createDiscovery(entries: ToolEntry[]): Discovery {
  let index: Index | undefined;
  const allToolsets = [...new Set(entries.map((e) => e.toolset))];
  return {
    search(query, options = {}) {
      // Callers refuse such a query with the reason; here it is refused before any work, whoever calls.
      const problem = queryProblem(query);
      if (problem) throw new RangeError(`Invalid search: ${problem}`);
      index ??= indexFor(entries);
      const limit = Math.max(1, options.limit ?? 10);
      const ranking = index.rank(query);
      const hits = options.toolset ? ranking.hits.filter((h) => h.entry.toolset === options.toolset) : ranking.hits;
      const top = hits[0]?.score ?? 0;
      const total = hits.filter((h) => h.score >= top * MATCH_SHARE).length;
      let suggestedToolsets: string[] = [];
      if (total < FEW || ranking.fuzzy) {
        // The toolsets of the best matches, by their summed score; with no match at all, every toolset.
        const byToolset = new Map<string, number>();
        for (const h of ranking.hits.slice(0, 20))
          byToolset.set(h.entry.toolset, (byToolset.get(h.entry.toolset) ?? 0) + h.score);
        suggestedToolsets = byToolset.size
          ? [...byToolset]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 3)
              .map(([t]) => t)
          : allToolsets;
      }
      return { total, hits: hits.slice(0, limit), fuzzy: ranking.fuzzy, suggestedToolsets };
    },
  };
}
