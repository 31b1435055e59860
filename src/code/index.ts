// Code mode (--code): two tools instead of the catalog. `search` answers with TypeScript
// declarations of the operations this session may call; `execute` runs a script that calls them
// as `brevo.<name>(args)` in a WebAssembly sandbox, each call through the one executor.
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createDiscovery } from '../discovery/index.js';
import type { ToolEntry } from '../tools/manifest.js';
import type { BridgeContext } from './bridge.js';
import { execute } from './execute.js';
import type { CodeLimits } from './limits.js';
import { warmUp } from './runner.js';
import { search } from './search.js';
import { loadStripper } from './strip.js';
import { codeTools } from './tools.js';

export { CODE_INSTRUCTIONS } from './tools.js';
export { DEFAULT_CODE_LIMITS, type CodeLimits } from './limits.js';

export interface CodeModeOptions {
  /** The operations this session may use (its selection, already applied). */
  entries: ToolEntry[];
  /** The whole catalog, to say why an operation that exists is not available. */
  manifest: ToolEntry[];
  readOnly: boolean;
  limits: CodeLimits;
}

/** What one tools/call brings from the server: its client, confirmation, signal and outputs. */
export interface CodeCallContext extends Pick<BridgeContext, 'client' | 'approve' | 'progress' | 'succeeded'> {
  signal?: AbortSignal;
  maxResultChars: number;
  redact: (text: string) => string;
}

export interface CodeMode {
  list(): Tool[];
  /** Runs search or execute; undefined for any other name. The promise gives undefined when the run was cancelled. */
  call(name: string, args: unknown, ctx: CodeCallContext): Promise<CallToolResult | undefined> | undefined;
}

export function createCodeMode(options: CodeModeOptions): CodeMode {
  const tools = codeTools(options.limits, options.readOnly);
  const entries = new Map(options.entries.map((e) => [e.name, e]));
  const catalog = new Map(options.manifest.map((e) => [e.name, e]));
  const discovery = createDiscovery(options.entries);
  return {
    list: () => tools,
    call(name, args, ctx) {
      if (name === 'search') {
        // A script usually follows: have its engine and type stripper ready by then.
        warmUp(options.limits.memoryMb);
        void loadStripper().catch(() => {});
        return Promise.resolve(search(args, discovery, entries));
      }
      if (name === 'execute') return execute(args, { ...ctx, entries, catalog, readOnly: options.readOnly, limits: options.limits });
      return undefined;
    },
  };
}
