// The search tool: the discovery engine's matches as TypeScript declarations of `brevo` methods.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Discovery } from '../discovery/index.js';
import { queryProblem } from '../search-bounds.js';
import type { ToolEntry } from '../tools/manifest.js';
import { declarationOf, effectOf } from './declarations.js';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from './tools.js';
import { failure } from '../results.js';

/**
 * Which hits are declared in full: the operation named, or for words the best one and a second
 * that scores nearly as well (a close call is the model's to make). The others are named, and a
 * search by name gives their declarations: every token here is read.
 */
const MAX_FULL = 2;
const CLOSE_SCORE = 0.85;

export function search(args: unknown, discovery: Discovery, entries: Map<string, ToolEntry>): CallToolResult {
  const given = (args && typeof args === 'object' ? args : {}) as Record<string, unknown>;
  const { query, limit = DEFAULT_SEARCH_LIMIT } = given;
  if (typeof query !== 'string' || !query.trim())
    return failure('Invalid arguments for search: query: expected words or an operation name');
  const problem = queryProblem(query);
  if (problem) return failure(`Invalid arguments for search: ${problem}`);
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    return failure(`Invalid arguments for search: limit: expected a whole number from 1 to ${MAX_SEARCH_LIMIT}`);
  }
  // Several operation names (after a first search): exactly those, in full. One name is an exact
  // match below, first among the engine's hits.
  const words = query.trim().split(/[\s,]+/);
  const named = words.map((w) => entries.get(w));
  if (words.length > 1 && named.every(Boolean)) {
    return {
      content: [{ type: 'text', text: ['// brevo methods:', ...named.map((e) => declarationOf(e!))].join('\n') }],
    };
  }
  const found = discovery.search(query.trim(), { limit });
  // An exact name is always first, even where the engine would rank it otherwise.
  const exact = entries.get(query.trim());
  const hits = exact
    ? [exact, ...found.hits.map((h) => h.entry).filter((e) => e !== exact)].slice(0, limit)
    : found.hits.map((h) => h.entry);
  const top = found.hits[0]?.score ?? 0;
  const fullCount = exact
    ? 1
    : Math.max(1, found.hits.slice(0, MAX_FULL).filter((h) => h.score >= top * CLOSE_SCORE).length);
  if (!hits.length) {
    const browse = found.suggestedToolsets.length ? ` Toolsets to try: ${found.suggestedToolsets.join(', ')}.` : '';
    return { content: [{ type: 'text', text: `// No operation matches "${query}".${browse}` }] };
  }
  const total = Math.max(found.total, hits.length);
  // wide: one message whose parts depend on conditions; kept whole so it reads as sent
  const head = `// ${total} match${total === 1 ? '' : 'es'}${hits.length < total ? `, best ${hits.length}` : ''}${found.fuzzy ? ' (typos read as the nearest words)' : ''}; brevo methods:`;
  const full = hits.slice(0, fullCount).map(declarationOf);
  const others = hits.slice(fullCount);
  const brief = others.length
    ? [`// Also (search names for their declarations): ${others.map((e) => `${e.name} (${effectOf(e)})`).join(', ')}`]
    : [];
  const browse = found.suggestedToolsets.length ? [`// Toolsets to browse: ${found.suggestedToolsets.join(', ')}`] : [];
  return { content: [{ type: 'text', text: [head, ...full, ...brief, ...browse].join('\n') }] };
}
