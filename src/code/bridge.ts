// The bridge from the sandbox to the executor: each `brevo.<name>(args)` is one executor call.
import type { BrevoClient, BrevoResponse } from '../client/brevo-client.js';
import { callOperation, type ExecutionContext, OperationFailure } from '../executor.js';
import type { Redactor } from '../redact.js';
import type { ToolEntry } from '../tools/manifest.js';
import { LimitReached, LIMIT_FLAGS, MAX_ARGS_DEPTH, MAX_NAME_CHARS } from './limits.js';

export interface BridgeContext {
  /** What this session may call. */
  entries: Map<string, ToolEntry>;
  /** Why an operation of the catalog is not offered to this session; undefined when there is none by that name. */
  whyUnavailable: (name: string) => string | undefined;
  client: BrevoClient;
  approve?: ExecutionContext['approve'];
  maxCalls: number;
  /** Bytes of arguments one call may send, and the whole run (--max-body-bytes). */
  maxBodyBytes: number;
  /**
   * The session's secrets (the operator's keys, its own key): taken out of every answer and error
   * before it enters the sandbox, so no script can read, transform and return one.
   */
  redactor: Redactor;
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

/**
 * What the script gets for an answer, secrets taken out: JSON as it is, `{ ok, status }` when empty, a file as base64.
 */
function scriptValue(response: BrevoResponse, redactor: Redactor): unknown {
  switch (response.kind) {
    case 'json':
      return redactor.value(response.data);
    case 'empty':
      return { ok: true, status: response.status };
    case 'text':
      return redactor.text(response.data);
    case 'binary':
      return {
        fileName: response.fileName && redactor.text(response.fileName),
        contentType: redactor.text(response.contentType),
        base64: redactor.bytes(response.data).toString('base64'),
      };
  }
}

/** How deep objects and arrays nest in a JSON text, counted without parsing it; stops past max. */
export function jsonDepth(json: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character; a quote ends the string.
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/**
 * `brevo.<name>(args)` on the host side: a call of the executor with the session's selection,
 * confirmation and client (retries, concurrency cap, timeouts) and the run's cancellation. Each
 * answer goes back to the script as JSON; each call is counted (the call limit) and recorded.
 */
export class Bridge {
  readonly calls: CallRecord[] = [];
  private done = 0;
  /** Bytes of arguments the run's calls have sent so far. */
  private sent = 0;

  constructor(private readonly ctx: BridgeContext) {}

  /**
   * Answers one `brevo.<name>(args)` with an envelope; throws LimitReached past the call limit.
   * Every call counts, to an unknown name or refused too; `refused` names what stayed in the
   * engine for being past its limit (the name, or the arguments).
   */
  async call(
    name: string,
    argsJson: string | undefined,
    signal: AbortSignal,
    refused?: 'name' | 'args',
  ): Promise<string> {
    if (this.calls.length >= this.ctx.maxCalls) throw new LimitReached('calls');
    const tool =
      refused === 'name' || name.length > MAX_NAME_CHARS ? `(a name over ${MAX_NAME_CHARS} characters)` : name;
    const record: CallRecord = { tool, outcome: 'running' };
    this.calls.push(record);
    try {
      const entry = tool === name ? this.ctx.entries.get(name) : undefined;
      if (tool !== name)
        throw new Refusal({
          tool,
          code: 'unknown_tool',
          message:
            `No operation has a name longer than ${MAX_NAME_CHARS} characters; find operations with the ` +
            `search tool`,
        });
      if (!entry) throw new Refusal(this.unavailable(tool));
      const bytes = refused === 'args' ? Infinity : argsJson === undefined ? 0 : Buffer.byteLength(argsJson);
      this.checkArguments(tool, argsJson, bytes);
      this.sent += bytes;
      const { response } = await callOperation(entry, argsJson === undefined ? {} : JSON.parse(argsJson), {
        client: this.ctx.client,
        signal,
        approve: this.ctx.approve,
      });
      record.outcome = `ok ${response.status}`;
      this.ctx.succeeded?.(entry);
      return envelope(scriptValue(response, this.ctx.redactor));
    } catch (error) {
      const forScript = errorForScript(tool, error, this.ctx.redactor);
      record.outcome = forScript.status
        ? `failed ${forScript.status} ${forScript.code}`
        : forScript.code.replace(/_/g, ' ');
      return failed(forScript);
    } finally {
      this.ctx.progress?.(++this.done, `${tool}: ${record.outcome}`);
    }
  }

  /** The limits on what one call sends: its size, the run's total, its nesting. */
  private checkArguments(tool: string, argsJson: string | undefined, bytes: number): void {
    const { maxBodyBytes } = this.ctx;
    const flag = LIMIT_FLAGS.body;
    if (bytes > maxBodyBytes) {
      throw new Refusal({
        tool,
        code: 'too_large',
        message:
          `Invalid arguments for ${tool}: more than ${maxBodyBytes} bytes of JSON, the most one call ` +
          `may send (${flag}). Nothing was sent.`,
      });
    }
    if (this.sent + bytes > maxBodyBytes) {
      throw new Refusal({
        tool,
        code: 'too_large',
        message:
          `Not sent: this run's calls have sent ${this.sent} bytes of arguments and ${tool} would add ` +
          `${bytes}, past ${maxBodyBytes}, the most one run may send (${flag}).`,
      });
    }
    if (argsJson !== undefined && jsonDepth(argsJson, MAX_ARGS_DEPTH) > MAX_ARGS_DEPTH) {
      throw new Refusal({
        tool,
        code: 'invalid_arguments',
        message:
          `Invalid arguments for ${tool}: nested deeper than ${MAX_ARGS_DEPTH} levels of objects and ` +
          `arrays. Nothing was sent.`,
      });
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

/** A call refused before anything was sent, with what the script is told. */
class Refusal extends Error {
  constructor(readonly forScript: ErrorForScript) {
    super(forScript.message);
  }
}

/** What the script is told of a failed call; Brevo's words pass the redactor first (an error can echo the key). */
function errorForScript(tool: string, error: unknown, redactor: Redactor): ErrorForScript {
  const told = describeError(tool, error);
  return { ...told, code: redactor.text(told.code), message: redactor.text(told.message) };
}

function describeError(tool: string, error: unknown): ErrorForScript {
  if (error instanceof Refusal) return error.forScript;
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
