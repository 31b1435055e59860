// Which tools a server exposes, decided in one place: toolsets, explicit tool lists, exclusions
// and read-only all apply here, once, when a server (or an HTTP session) is set up.
import type { ToolEntry } from './tools/manifest.js';
import { toolsetNames } from './tools/index.js';

export interface ToolSelection {
  /** Toolset names, or 'all'. */
  toolsets: string[] | 'all';
  /** Exactly these tools (toolsets are then ignored). */
  tools?: string[];
  excludeTools?: string[];
  /** Only tools whose annotations mark them read-only; wins over everything else. */
  readOnly: boolean;
}

/** The core a user gets without choosing: sending email and managing contacts. */
export const DEFAULT_TOOLSETS = ['transactional_email', 'contacts', 'account'];

export const defaultSelection = (): ToolSelection => ({ toolsets: DEFAULT_TOOLSETS, readOnly: false });

export class SelectionError extends Error {}

/** Checks names early, so a typo in --toolsets or --tools fails loudly rather than silently selecting nothing. */
export function validateSelection(selection: ToolSelection, manifest: ToolEntry[]): void {
  if (selection.toolsets !== 'all') {
    const unknown = selection.toolsets.filter((t) => !toolsetNames.includes(t));
    if (unknown.length) throw new SelectionError(`unknown toolset ${unknown.join(', ')}; known: ${toolsetNames.join(', ')}`);
  }
  const names = new Set(manifest.map((t) => t.name));
  const unknownTools = [...(selection.tools ?? []), ...(selection.excludeTools ?? [])].filter((t) => !names.has(t));
  if (unknownTools.length) throw new SelectionError(`unknown tool ${unknownTools.join(', ')} (see --list-tools)`);
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

/** A stable key for caching what a selection lists. */
export function selectionKey(selection: ToolSelection): string {
  return JSON.stringify([selection.toolsets, selection.tools ?? [], selection.excludeTools ?? [], selection.readOnly]);
}
