// Code mode (--code): the tools search and execute in place of the catalog.
import type { CallToolResult, ProgressToken, ServerNotification, Tool } from '@modelcontextprotocol/server';
import type { Discovery } from '../discovery/index.js';
import type { Redactor } from '../redact.js';
import type { ToolEntry } from '../tools/manifest.js';
import type { BridgeContext } from './bridge.js';
import type { CodeLimits } from './limits.js';
import { codeTools } from './tools.js';

// What the calls need (the discovery engine, the runner, the bridge, the stripper) is loaded on
// the first call, not at start-up: listing the two tools costs no more than their definitions.
let working:
  | Promise<
      [
        typeof import('../discovery/index.js'),
        typeof import('./execute.js'),
        typeof import('./runner.js'),
        typeof import('./search.js'),
        typeof import('./strip.js'),
      ]
    >
  | undefined;
const work = () =>
  (working ??= Promise.all([
    import('../discovery/index.js'),
    import('./execute.js'),
    import('./runner.js'),
    import('./search.js'),
    import('./strip.js'),
  ]));

export { CODE_INSTRUCTIONS } from './tools.js';
export type { CodeLimits } from './limits.js';

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
  let discovery: Discovery | undefined;
  return {
    list: () => tools,
    call(name, args, ctx) {
      if (name !== 'search' && name !== 'execute') return undefined;
      const succeeded = new Set<string>();
      return work().then(async ([{ createDiscovery }, { execute }, { warmUp }, { search }, { loadStripper }]) => {
        if (name === 'search') {
          // A script usually follows: have its engine and type stripper ready by then.
          warmUp(options.limits.memoryMb);
          void loadStripper().catch(() => {});
          discovery ??= createDiscovery(options.entries);
          return { result: search(args, discovery, entries), succeeded };
        }
        const { progressToken, sendNotification } = ctx;
        const progress =
          progressToken === undefined
            ? undefined
            : (done: number, message: string) =>
                void sendNotification({
                  method: 'notifications/progress',
                  params: { progressToken, progress: done, message },
                }).catch(() => {});
        const result = await execute(args, {
          ...ctx,
          entries,
          whyUnavailable: options.whyUnavailable,
          limits: options.limits,
          progress,
          succeeded: (e) => succeeded.add(e.name),
        });
        return { result, succeeded };
      });
    },
  };
}
