// The catalog manifest: every tool's name, text, toolset, HTTP route, annotations and input JSON
// Schema, generated from the catalog by `npm run catalog` into catalog/tools.json and committed.
// It does two jobs. At run time the server lists tools from it without building 292 zod schemas
// and converting them (measured: ~45 ms of a ~120 ms cold start); an area's zod schemas are
// built only when one of its tools is first called. In review it is the snapshot of everything a
// model sees: any change to a tool shows as a diff, and a test fails when it is stale.
import { readFileSync } from 'node:fs';
import type { HttpMethod, Host, Operation, ToolAnnotations } from './define.js';
import { leanJsonSchema } from './json-schema.js';

export interface ToolEntry {
  name: string;
  title: string;
  description: string;
  /** Extra search words for the discovery engine; not part of tools/list. */
  keywords?: string[];
  toolset: string;
  method: HttpMethod;
  path: string;
  host: Host;
  annotations: ToolAnnotations;
  inputSchema: Record<string, unknown>;
}

export const manifestUrl = new URL('../../catalog/tools.json', import.meta.url);

export function readManifest(): ToolEntry[] {
  return (JSON.parse(readFileSync(manifestUrl, 'utf8')) as { tools: ToolEntry[] }).tools;
}

export function manifestEntry(op: Operation): ToolEntry {
  return {
    name: op.name,
    title: op.title,
    description: op.description,
    ...(op.keywords?.length ? { keywords: op.keywords } : {}),
    toolset: op.toolset,
    method: op.method,
    path: op.path,
    host: op.host,
    annotations: op.annotations,
    inputSchema: leanJsonSchema(op.input),
  };
}

export function manifestText(ops: Operation[]): string {
  return `${JSON.stringify({ tools: ops.map(manifestEntry) }, null, 1)}\n`;
}
