// Code mode (--code): the tools search and execute in place of the catalog.
import type { CallToolResult, ProgressToken, ServerNotification, Tool } from '@modelcontextprotocol/server';
import type { Discovery } from '../discovery/index.js';
import type { Redactor } from '../redact.js';
import type { ToolEntry } from '../tools/manifest.js';
import type { BridgeContext } from './bridge.js';
import type { CodeLimits } from './limits.js';
import { codeTools } from './tools.js';
import { onFirstUse } from '../lazy.js';

// What the calls need (the discovery engine, the runner, the bridge, the stripper) is loaded on
// the first call, not at start-up: listing the two tools costs no more than their definitions.
const work = onFirstUse(() =>
  Promise.all([
    import('../discovery/index.js'),
    import('./execute.js'),
    import('./runner.js'),
    import('./search.js'),
    import('./strip.js'),
  ]),
);

/** How long after a tools/list the sandbox starts warming: after the answer, well before a model's first script. */
const WARM_AFTER_LIST_MS = 1_000;

/** Between a run's last progress notification and its result (only when progress was asked for). */
const PROGRESS_SETTLE_MS = 5;
export type { CodeLimits } from './limits.js';

export interface CodeModeOptions {
  /** The operations this session may use (its selection, already applied). */
  entries: ToolEntry[];
  /** Why an operation of the catalog is not offered to this session (the registry says). */
  whyUnavailable: (name: string) => string | undefined;
  readOnly: boolean;
  limits: CodeLimits;
  /**
   * Whose share of the process's script runs this server's runs take: the client's key or token
   * subject when there is one, so sessions (or stateless requests) of one client share one share;
   * otherwise this server (one session) alone.
   */
  runShare?: string;
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

/** Names each session's share of the runs when it has no key or token to go by: unique in this process is enough. */
let sessionsStarted = 0;

export function createCodeMode(options: CodeModeOptions): CodeMode {
  const tools = codeTools(options.limits, options.readOnly);
  const entries = new Map(options.entries.map((e) => [e.name, e]));
  const session = options.runShare ?? `session ${++sessionsStarted}`;
  let discovery: Discovery | undefined;
  return {
    list: () => {
      // A client lists the tools before it calls one: the sandbox's threads start now, ahead of a run.
      // A moment later, not during the listing: start-up and the listing itself stay light.
      setTimeout(() => {
        void work()
          .then(([, , { warmUp }, , { loadStripper }]) => {
            warmUp(options.limits.memoryMb);
            return loadStripper();
          })
          .catch(() => {});
      }, WARM_AFTER_LIST_MS).unref();
      return tools;
    },
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
        // Progress sent before the result, never after it (a client drops progress for a finished request).
        const sent: Array<Promise<unknown>> = [];
        const progress =
          progressToken === undefined
            ? undefined
            : (done: number, message: string) =>
                void sent.push(
                  sendNotification({
                    method: 'notifications/progress',
                    // Notifications do not pass the server's redaction of answers: this one is redacted here.
                    params: { progressToken, progress: done, message: ctx.redactor.text(message) },
                  }).catch(() => {}),
                );
        const result = await execute(args, {
          ...ctx,
          entries,
          whyUnavailable: options.whyUnavailable,
          limits: options.limits,
          session,
          progress,
          succeeded: (e) => succeeded.add(e.name),
        });
        if (sent.length) {
          await Promise.all(sent);
          // The SDK's client handles a notification a microtask later than a response read with it,
          // and drops progress for a request already answered: the answer follows a moment later.
          await new Promise((resolve) => setTimeout(resolve, PROGRESS_SETTLE_MS));
        }
        return { result, succeeded };
      });
    },
  };
}
