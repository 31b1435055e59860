// The search tool: the discovery engine finds the operations this session may call, and the best
// ones come back as TypeScript declarations of `brevo` methods; the rest as one line each.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Discovery } from '../discovery/index.js';
import type { ToolEntry } from '../tools/manifest.js';
import { declarationOf, effectOf } from './declarations.js';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from './tools.js';

/**
 * How many hits are declared in full: the operation named, or the best two for words. The others
 * get a line each, and a search by name gives their declarations: every token here is read.
 */
const FULL_FOR_WORDS = 2;
const FULL_FOR_NAME = 1;

const failure = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });

export function search(args: unknown, discovery: Discovery, entries: Map<string, ToolEntry>): CallToolResult {
  const given = (args && typeof args === 'object' ? args : {}) as Record<string, unknown>;
  const { query, limit = DEFAULT_SEARCH_LIMIT } = given;
  if (typeof query !== 'string' || !query.trim()) return failure('Invalid arguments for search: query: expected words or an operation name');
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    return failure(`Invalid arguments for search: limit: expected a whole number from 1 to ${MAX_SEARCH_LIMIT}`);
  }
  // Operation names only (one, or several after a first search): exactly those, in full.
  const words = query.trim().split(/[\s,]+/);
  const named = words.map((w) => entries.get(w));
  if (words.length > 1 && named.every(Boolean)) {
    return { content: [{ type: 'text', text: [`// Methods of brevo, for execute:`, ...named.map((e) => declarationOf(e!))].join('\n') }] };
  }
  const found = discovery.search(query.trim(), { limit });
  // An exact name is always first, even where the engine would rank it otherwise.
  const exact = entries.get(query.trim());
  const hits = exact ? [exact, ...found.hits.map((h) => h.entry).filter((e) => e !== exact)].slice(0, limit) : found.hits.map((h) => h.entry);
  if (!hits.length) {
    const browse = found.suggestedToolsets.length ? ` Toolsets to try: ${found.suggestedToolsets.join(', ')}.` : '';
    return { content: [{ type: 'text', text: `// No operation matches "${query}".${browse}` }] };
  }
  const total = Math.max(found.total, hits.length);
  const head = `// ${total} operation${total === 1 ? '' : 's'} match${total === 1 ? 'es' : ''}${hits.length < total ? `, best ${hits.length} shown` : ''}${found.fuzzy ? ' (read with typo tolerance)' : ''}. Methods of brevo, for execute:`;
  const fullCount = exact ? FULL_FOR_NAME : FULL_FOR_WORDS;
  const full = hits.slice(0, fullCount).map(declarationOf);
  const others = hits.slice(fullCount);
  const brief = others.length ? [`// Also (search a name for its declaration): ${others.map((e) => `${e.name} (${effectOf(e)})`).join(', ')}`] : [];
  const browse = found.suggestedToolsets.length ? [`// Toolsets to browse: ${found.suggestedToolsets.join(', ')}`] : [];
  return { content: [{ type: 'text', text: [head, ...full, ...brief, ...browse].join('\n') }] };
}
