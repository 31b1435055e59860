// How catalog entries appear to clients in tools/list.
import type { Tool } from '@modelcontextprotocol/server';
import type { ToolAnnotations } from './tools/define.js';
import type { ToolEntry } from './tools/manifest.js';

/**
 * Annotations as listed to clients: readOnlyHint on every tool; on writes, destructiveHint and,
 * where true, idempotentHint (the spec gives those meaning only when readOnlyHint is false);
 * openWorldHint: true everywhere. Nothing is left to the spec's worst-case defaults, and nothing
 * is said that the spec ignores: ~2,000 tokens fewer over the catalog than all four keys always.
 */
export function wireAnnotations(a: ToolAnnotations): Tool['annotations'] {
  if (a.readOnlyHint) return { readOnlyHint: true, openWorldHint: a.openWorldHint };
  return {
    readOnlyHint: false,
    destructiveHint: a.destructiveHint,
    ...(a.idempotentHint ? { idempotentHint: true } : {}),
    openWorldHint: a.openWorldHint,
  };
}

/**
 * A catalog entry as clients see it in tools/list. The human title stays in the catalog, the
 * docs and --list-tools but is not listed: clients fall back to the name, and across 292 tools
 * the titles cost ~1,800 tokens of every conversation.
 */
export function wireTool(t: ToolEntry): Tool {
  return {
    name: t.name,
    description: t.description,
    inputSchema: t.inputSchema as Tool['inputSchema'],
    annotations: wireAnnotations(t.annotations),
  };
}
