// The search tool: the discovery engine finds the operations this session may call, and the best
// ones come back as TypeScript declarations of `brevo` methods; the rest as one line each.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Discovery } from '../discovery/index.js';
import type { ToolEntry } from '../tools/manifest.js';
import { declarationOf, summaryOf } from './declarations.js';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from './tools.js';

/** How many hits are declared in full; the others get a line, and a search by name gives the rest. */
export const FULL_DECLARATIONS = 3;

const failure = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });

export function search(args: unknown, discovery: Discovery, entries: Map<string, ToolEntry>): CallToolResult {
  const given = (args && typeof args === 'object' ? args : {}) as Record<string, unknown>;
  const { query, limit = DEFAULT_SEARCH_LIMIT } = given;
  if (typeof query !== 'string' || !query.trim()) return failure('Invalid arguments for search: query: expected words or an operation name');
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    return failure(`Invalid arguments for search: limit: expected a whole number from 1 to ${MAX_SEARCH_LIMIT}`);
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
  const full = hits.slice(0, FULL_DECLARATIONS).map(declarationOf);
  const brief = hits.slice(FULL_DECLARATIONS).map(summaryOf);
  if (brief.length) brief.push('// (search one of these names for its declaration)');
  const browse = found.suggestedToolsets.length ? [`// Toolsets to browse: ${found.suggestedToolsets.join(', ')}`] : [];
  return { content: [{ type: 'text', text: [head, ...full, ...brief, ...browse].join('\n') }] };
}
