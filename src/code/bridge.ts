// The bridge from the sandbox to the executor: each `brevo.<name>(args)` is one executor call.
import type { BrevoClient, BrevoResponse } from '../client/brevo-client.js';
import { callOperation, type ExecutionContext, OperationFailure } from '../executor.js';
import type { ToolEntry } from '../tools/manifest.js';
import { LimitReached } from './limits.js';

export interface BridgeContext {
  /** What this session may call. */
  entries: Map<string, ToolEntry>;
  /** Why an operation of the catalog is not offered to this session; undefined when there is none by that name. */
  whyUnavailable: (name: string) => string | undefined;
  client: BrevoClient;
  approve?: ExecutionContext['approve'];
  maxCalls: number;
  /** After each Brevo call: how many are done, and a line about the last one. */
  progress?: (done: number, message: string) => void;
  /** After each successful call (what resources show may have changed). */
  succeeded?: (entry: ToolEntry) => void;
}

/** One call as the run's summary shows it: the tool and what became of it. */
export interface CallRecord {
  tool: string;
  outcome: string;
}

interface ErrorForScript {
  message: string;
  code: string;
  status?: number;
  tool: string;
}

const envelope = (value: unknown) => `{"ok":true,"value":${JSON.stringify(value) ?? 'null'}}`;
const failed = (error: ErrorForScript) => JSON.stringify({ ok: false, error });

/** What the script gets for an answer: JSON as it is, `{ ok, status }` when empty, a file as base64. */
function scriptValue(response: BrevoResponse): unknown {
  switch (response.kind) {
    case 'json':
      return response.data;
    case 'empty':
      return { ok: true, status: response.status };
    case 'text':
      return response.data;
    case 'binary':
      return {
        fileName: response.fileName,
        contentType: response.contentType,
        base64: response.data.toString('base64'),
      };
  }
}

/**
 * `brevo.<name>(args)` on the host side: a call of the executor with the session's selection,
 * confirmation and client (retries, concurrency cap, timeouts) and the run's cancellation. Each
 * answer goes back to the script as JSON; each call is counted (the call limit) and recorded.
 */
export class Bridge {
  readonly calls: CallRecord[] = [];
  private done = 0;

  constructor(private readonly ctx: BridgeContext) {}

  /** Answers one `brevo.<name>(args)` with an envelope; throws LimitReached past the call limit. */
  async call(name: string, argsJson: string | undefined, signal: AbortSignal): Promise<string> {
    const entry = this.ctx.entries.get(name);
    if (!entry) return failed(this.unavailable(name));
    if (this.calls.length >= this.ctx.maxCalls) throw new LimitReached('calls');
    const record: CallRecord = { tool: name, outcome: 'running' };
    this.calls.push(record);
    try {
      const { response } = await callOperation(entry, argsJson === undefined ? {} : JSON.parse(argsJson), {
        client: this.ctx.client,
        signal,
        approve: this.ctx.approve,
      });
      record.outcome = `ok ${response.status}`;
      this.ctx.succeeded?.(entry);
      return envelope(scriptValue(response));
    } catch (error) {
      const forScript = errorForScript(name, error);
      record.outcome = forScript.status
        ? `failed ${forScript.status} ${forScript.code}`
        : forScript.code.replace(/_/g, ' ');
      return failed(forScript);
    } finally {
      this.ctx.progress?.(++this.done, `${name}: ${record.outcome}`);
    }
  }

  private unavailable(name: string): ErrorForScript {
    const why = this.ctx.whyUnavailable(name);
    if (!why)
      return {
        tool: name,
        code: 'unknown_tool',
        message: `brevo.${name} does not exist; find operations with the search tool`,
      };
    return { tool: name, code: 'not_available', message: why };
  }
}

function errorForScript(tool: string, error: unknown): ErrorForScript {
  if (error instanceof OperationFailure) {
    if (error.brevo)
      return { tool, status: error.brevo.status || undefined, code: error.brevo.code, message: error.message };
    if (error.kind === 'invalid_arguments' || error.kind === 'not_approved')
      return { tool, code: error.kind, message: error.message };
    return {
      tool,
      code: 'failed',
      message: error.kind === 'missing' ? `${tool} failed: ${error.message}` : error.message,
    };
  }
  if (error instanceof SyntaxError)
    return { tool, code: 'invalid_arguments', message: `Invalid arguments for ${tool}: not JSON` };
  return { tool, code: 'failed', message: `${tool} failed: ${error instanceof Error ? error.message : String(error)}` };
}
