// The execute tool: strip a script's types, run it in the sandbox, make one result of how it ended.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { log } from '../log.js';
import type { Redactor } from '../redact.js';
import { failure, fitJson } from '../results.js';
import { Bridge, type BridgeContext, type CallRecord } from './bridge.js';
import { limitText, MAX_CODE_CHARS, MAX_LOG_BYTES, MAX_LOG_LINES, type CodeLimits } from './limits.js';
import { runScript, type LogLine, type RunOutcome } from './runner.js';
import { stripTypes } from './strip.js';

export interface ExecuteContext extends Omit<BridgeContext, 'maxCalls' | 'maxBodyBytes'> {
  limits: CodeLimits;
  maxResultChars: number;
  signal?: AbortSignal;
  /** The session's secrets: kept out of the sandbox, cuts never split one, and the final text shows none. */
  redactor: Redactor;
  /** Whose share of the process's runs this run takes (one session, token or client key). */
  session: string;
}

/** Runs `code`; undefined when the run was cancelled (no result is sent for a cancelled request). */
export async function execute(args: unknown, ctx: ExecuteContext): Promise<CallToolResult | undefined> {
  const code = args && typeof args === 'object' ? (args as Record<string, unknown>).code : undefined;
  if (typeof code !== 'string' || !code.trim())
    return failure('Invalid arguments for execute: code: expected the script as a non-empty string');
  if (code.length > MAX_CODE_CHARS)
    return failure(`Invalid arguments for execute: code: at most ${MAX_CODE_CHARS} characters, got ${code.length}`);
  const stripped = await stripTypes(code);
  if ('error' in stripped)
    return failure(
      `The script does not parse: SyntaxError: ${stripped.error.message}${stripped.error.line ? ` (line ${stripped.error.line})` : ''}. ` +
        `Nothing was run.`,
    );

  const bridge = new Bridge({ ...ctx, maxCalls: ctx.limits.maxCalls, maxBodyBytes: ctx.limits.maxBodyBytes });
  const started = Date.now();
  const outcome = await runScript({
    code: stripped.code,
    names: [...ctx.entries.keys()],
    limits: ctx.limits,
    // The engine hands over at most this much; fitting to --max-result-chars happens here.
    maxReturnChars: Math.max(ctx.maxResultChars * 4, 1_000_000),
    signal: ctx.signal,
    session: ctx.session,
    call: (name, argsJson, signal, refused) => bridge.call(name, argsJson, signal, refused),
  });
  log(
    'debug',
    `execute: ${outcome.end}${outcome.limit ? ` (${outcome.limit} limit)` : ''} after ${Date.now() - started} ` +
      `ms, ${bridge.calls.length} Brevo calls`,
  );
  if (outcome.end === 'cancelled') return undefined;
  if (outcome.end === 'busy') return failure(outcome.crash!);
  const result = resultOf(outcome, bridge.calls, ctx);
  for (const item of result.content) if (item.type === 'text') item.text = ctx.redactor.text(item.text);
  return result;
}

function resultOf(outcome: RunOutcome, calls: CallRecord[], ctx: ExecuteContext): CallToolResult {
  const max = ctx.maxResultChars;
  const cut = (text: string, room: number) => cutWithNote(text, room, ctx.redactor);
  const valueText = (room: number) => returnValueText(outcome, room, ctx.redactor);
  const logs = consoleText(outcome.logs, outcome.droppedLogLines);
  switch (outcome.end) {
    case 'returned': {
      const notes = outcome.unobserved.length
        ? `\nNote: ${plural(outcome.unobserved.length, 'Brevo call')} failed and the script never read ` +
          `the error: ${outcome.unobserved.join('; ')}.`
        : '';
      const tail = logs + notes;
      const whole = valueText(max);
      if (whole.length + tail.length <= max) return { content: [{ type: 'text', text: whole + tail }] };
      // Both do not fit: the console gets at most a quarter of the room.
      const shortTail = cut(tail, Math.floor(max / 4));
      return { content: [{ type: 'text', text: valueText(max - shortTail.length) + shortTail }] };
    }
    case 'threw': {
      const e = outcome.error!;
      const extra = [e.status && `status ${e.status}`, e.code && `code ${e.code}`, e.tool && `tool ${e.tool}`]
        .filter(Boolean)
        .join(', ');
      const where = e.line ? ` at line ${e.line}` : '';
      return failure(
        cut(
          `The script threw ${e.name}: ${e.message}${extra ? ` (${extra})` : ''}${where}.\n${callsText(calls)}${logs}`,
          max,
        ),
      );
    }
    case 'stalled':
      return failure(
        cut(
          `The script never finished: it awaits a promise that nothing can settle (there are no timers ` +
            `or events here; only brevo calls resolve).\n${callsText(calls)}${logs}`,
          max,
        ),
      );
    case 'limit':
      return failure(
        cut(`Stopped: the run hit ${limitText(outcome.limit!, ctx.limits)}. ${callsText(calls, true)}${logs}`, max),
      );
    default:
      return failure(cut(`The sandbox failed: ${outcome.crash}. ${callsText(calls, true)}${logs}`, max));
  }
}

/**
 * The return value as JSON, fitted to `room` the usual way (a long list keeps its first items, long strings are
 * shortened).
 */
function returnValueText(outcome: RunOutcome, room: number, redactor: Redactor): string {
  if (!outcome.value) return '(no return value)';
  const { json, length } = outcome.value;
  if (length > json.length) {
    // Too big to even hand over whole: cut as text.
    const note =
      `\n[cut: more than ${length - room} characters of JSON; return less (filter or summarise in ` +
      `the script) to see all of it]`;
    return redactor.cut(json, Math.max(0, room - note.length)) + note;
  }
  const info = {
    name: 'execute',
    continuation: () => ({ hint: 'return fewer items (filter or page in the script) for the rest' }),
  };
  return fitJson(JSON.parse(json), Math.max(room, 1), info, {}, { cut: (text, n) => redactor.cut(text, n) });
}

function consoleText(logs: LogLine[], dropped: number): string {
  if (!logs.length && !dropped) return '';
  const lines = logs.map((l) => (l.level === 'log' ? l.text : `[${l.level}] ${l.text}`));
  // -1: lines were dropped, but the run ended before they were counted.
  const what = dropped < 0 ? 'later console lines' : plural(dropped, 'later console line');
  const note = dropped
    ? `\n[${what} dropped: a run keeps at most ${MAX_LOG_LINES} lines and ${MAX_LOG_BYTES} bytes of console output]`
    : '';
  return `\n--- console ---\n${lines.join('\n')}${note}`;
}

/** "Brevo calls made: 3 (get_lists ok 200; get_contacts_from_list x2 ok 200)". */
function callsText(calls: CallRecord[], stopped = false): string {
  if (!calls.length) return 'No Brevo call was made.';
  const groups = new Map<string, number>();
  for (const c of calls) {
    const outcome = c.outcome === 'running' && stopped ? 'abandoned (it may have reached Brevo)' : c.outcome;
    const key = `${c.tool} ${outcome}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const shown = [...groups].slice(0, 20).map(([key, n]) => (n > 1 ? key.replace(' ', ` x${n} `) : key));
  const more = groups.size > 20 ? `; and ${groups.size - 20} more kinds` : '';
  return `Brevo calls made: ${calls.length} (${shown.join('; ')}${more}).`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** At most `max` characters, with a note when cut; no secret is cut in two. */
function cutWithNote(text: string, max: number, redactor: Redactor): string {
  if (text.length <= max) return text;
  const note = `\n[cut: ${text.length - max} more characters]`;
  return redactor.cut(text, Math.max(0, max - note.length)) + note;
}
