// How the selected operations are offered as tools: one mode per server, each a small module over
// the registry's selection. Static lists every operation; dynamic lists meta-tools that search,
// describe and call them; code lists search and execute. All run operations through the executor.
import type { CallToolResult, InputRequiredResult, Tool } from '@modelcontextprotocol/server';
import type { CodeCallContext } from '../code/index.js';
import type { ToolEntry } from '../tools/manifest.js';
import type { RunEntry } from './dynamic.js';

/** One tools/call as a mode sees it. */
export interface ToolCall {
  name: string;
  args: unknown;
  /** Runs one operation (validation, confirmation, executor, result); what static and dynamic call. */
  run: RunEntry;
  /** What a code-mode script run needs from the request. */
  script: CodeCallContext;
  /** After operations succeeded outside `run` (a script's calls): what changed, for listeners. */
  changed: (names: Iterable<string>) => Promise<void>;
}

export interface ToolMode {
  /** The tools listed (before views annotate them). */
  list(): Tool[];
  /** Answers tools/call; throws a JSON-RPC error for a name it does not offer. */
  call(call: ToolCall): Promise<CallToolResult | InputRequiredResult>;
}

/** What every mode is built from: the registry's selection and how to say why an operation is out of reach. */
export interface ModeOptions {
  /** The operations selected, in catalog order, and their wire listing. */
  entries: ToolEntry[];
  listed: Tool[];
  readOnly: boolean;
  /** Why an operation of the catalog is not offered here, in a sentence; undefined when not in the catalog. */
  whyUnavailable: (name: string) => string | undefined;
}
