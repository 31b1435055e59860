// Every toolset of the catalog, each in its own file under src/tools/, loaded on first use.
import type { Operation, Toolset } from './define.js';

interface ToolsetInfo {
  /** One line for people and for dynamic-mode discovery. */
  summary: string;
  load: () => Promise<{ default: Toolset }>;
}

export const toolsets: Record<string, ToolsetInfo> = {
  transactional_email: {
    summary: 'Transactional email: send, schedule, templates, statistics, events, logs, blocked contacts and domains, inbound parsing',
    load: () => import('./transactional_email.js'),
  },
  contacts: {
    summary: 'Contacts, lists, folders, contact attributes, segments, imports and exports',
    load: () => import('./contacts.js'),
  },
  account: {
    summary: 'Account details, plan and credits, background processes, activity log',
    load: () => import('./account.js'),
  },
};

export const toolsetNames = Object.keys(toolsets);

const loaded = new Map<string, Promise<Map<string, Operation>>>();

/** The operation behind a tool name, building its toolset's schemas on first use. */
export async function loadOperation(toolset: string, name: string): Promise<Operation | undefined> {
  let ops = loaded.get(toolset);
  if (!ops) {
    const info = toolsets[toolset];
    if (!info) return undefined;
    ops = info.load().then((m) => new Map(m.default.operations.map((op) => [op.name, op])));
    loaded.set(toolset, ops);
  }
  return (await ops).get(name);
}

/** Every operation of every toolset, in catalog order (for the manifest and tests). */
export async function loadCatalog(): Promise<Operation[]> {
  const all = await Promise.all(toolsetNames.map((name) => toolsets[name]!.load()));
  return all.flatMap((m) => m.default.operations);
}
