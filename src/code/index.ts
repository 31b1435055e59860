// Code mode (--code): the tools search and execute in place of the catalog.
import type { CallToolResult, ProgressToken, ServerNotification, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createDiscovery } from '../discovery/index.js';
import type { Redactor } from '../redact.js';
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
  /** Why an operation of the catalog is not offered to this session (the registry says). */
  whyUnavailable: (name: string) => string | undefined;
  readOnly: boolean;
  limits: CodeLimits;
}

/** What one tools/call brings from the server: its client, confirmation, signal and outputs. */
export interface CodeCallContext extends Pick<BridgeContext, 'client' | 'approve'> {
  signal?: AbortSignal;
  maxResultChars: number;
  redactor: Redactor;
  /** The call's progress token: each Brevo call then sends notifications/progress. */
  progressToken?: ProgressToken;
  sendNotification: (notification: ServerNotification) => Promise<void>;
}

export interface CodeCallResult {
  /** Undefined when the run was cancelled (no answer goes to a cancelled request). */
  result?: CallToolResult;
  /** Operations that succeeded, for what the server must say changed. */
  succeeded: Set<string>;
}

export interface CodeMode {
  list(): Tool[];
  /** Runs search or execute; undefined for any other name. */
  call(name: string, args: unknown, ctx: CodeCallContext): Promise<CodeCallResult> | undefined;
}

export function createCodeMode(options: CodeModeOptions): CodeMode {
  const tools = codeTools(options.limits, options.readOnly);
  const entries = new Map(options.entries.map((e) => [e.name, e]));
  const discovery = createDiscovery(options.entries);
  return {
    list: () => tools,
    call(name, args, ctx) {
      const succeeded = new Set<string>();
      if (name === 'search') {
        // A script usually follows: have its engine and type stripper ready by then.
        warmUp(options.limits.memoryMb);
        void loadStripper().catch(() => {});
        return Promise.resolve({ result: search(args, discovery, entries), succeeded });
      }
      if (name !== 'execute') return undefined;
      const { progressToken, sendNotification } = ctx;
      const progress =
        progressToken === undefined
          ? undefined
          : (done: number, message: string) => void sendNotification({ method: 'notifications/progress', params: { progressToken, progress: done, message } }).catch(() => {});
      return execute(args, { ...ctx, entries, whyUnavailable: options.whyUnavailable, limits: options.limits, progress, succeeded: (e) => succeeded.add(e.name) }).then(
        (result) => ({ result, succeeded }),
      );
    },
  };
}
