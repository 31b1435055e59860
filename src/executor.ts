// The only place that turns a catalog entry plus arguments into a Brevo request, and Brevo's
// answer into MCP content. Every face comes through callOperation (static and dynamic tools, code
// mode's bridge, resources, completions) and gets one kind of failure back, OperationFailure,
// which it shows in its own form: a tool result, a script's error, a JSON-RPC error.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { BrevoClient, BrevoRequest, BrevoResponse } from './client/brevo-client.js';
import { BrevoApiError } from './client/errors.js';
import type { Operation } from './tools/define.js';
import { NO_SECRETS, type Redactor } from './redact.js';
import { errorText, failure, fitJson } from './results.js';
import { idSourceHint } from './id-sources.js';
import { issueText } from './issue-text.js';
import { loadOperation } from './tools/index.js';

export interface ExecutionContext {
  client: BrevoClient;
  signal?: AbortSignal;
  /** Longest text a result may have; longer JSON is cut with a note on how to get the rest. */
  maxResultChars: number;
  /** Asked after validation and before sending; a returned text refuses the call with that message. */
  approve?: (op: Operation, args: Record<string, unknown>) => Promise<string | undefined>;
  /** The session's secrets: cuts never split one, and the result text is redacted (default: none). */
  redactor?: Redactor;
  /** A resource serving the whole text of a field of this call's answer (a template's HTML), if any. */
  fullTextAt?: (op: Operation, args: Record<string, unknown>, field: string) => string | undefined;
}

type Args = Record<string, unknown>;

/** Arguments that do not fit an operation's schema; the message names every bad field. */
export class InvalidArgumentsError extends Error {}

/** The call was not approved (see ExecutionContext.approve); nothing was sent. */
export class NotApprovedError extends Error {}

/** Why a call did not get an answer from Brevo: what each face needs to say so in its own form. */
export class OperationFailure extends Error {
  constructor(
    /** missing: listed but not in the catalog; brevo: Brevo answered with an error; failed: anything else. */
    readonly kind: 'missing' | 'invalid_arguments' | 'not_approved' | 'brevo' | 'failed',
    /** What went wrong in one line, without the operation's name in front (Brevo's own message for kind brevo). */
    message: string,
    /** The text a tool result shows. */
    readonly toolText: string,
    cause: unknown,
    /** Brevo's answer, for kind brevo. */
    readonly brevo?: BrevoApiError,
  ) {
    super(message, { cause });
  }
}

/**
 * The one way to Brevo: the entry's operation from the catalog, its arguments validated, the
 * call approved where the context asks (--confirm), the request sent. Throws OperationFailure.
 */
export async function callOperation(
  entry: { toolset: string; name: string },
  rawArgs: unknown,
  ctx: Pick<ExecutionContext, 'client' | 'signal' | 'approve'>,
) {
  const op = await loadOperation(entry.toolset, entry.name);
  if (!op) {
    const text = `${entry.name} is listed but not in the catalog`;
    throw new OperationFailure('missing', text, text, undefined);
  }
  try {
    return { op, ...(await sendOperation(op, rawArgs, ctx)) };
  } catch (error) {
    if (error instanceof InvalidArgumentsError)
      throw new OperationFailure('invalid_arguments', error.message, error.message, error);
    if (error instanceof NotApprovedError)
      throw new OperationFailure('not_approved', error.message, error.message, error);
    if (error instanceof BrevoApiError)
      throw new OperationFailure(
        'brevo',
        error.brevoMessage,
        errorText(error, op, (rawArgs ?? {}) as Args),
        error,
        error,
      );
    const text = `${op.name} failed: ${error instanceof Error ? error.message : String(error)}`;
    throw new OperationFailure('failed', text, text, error);
  }
}

/**
 * Validates arguments and sends the request. Throws InvalidArgumentsError or BrevoApiError.
 * Faces go through callOperation, which turns those into OperationFailure.
 */
async function sendOperation(
  op: Operation,
  rawArgs: unknown,
  ctx: Pick<ExecutionContext, 'client' | 'signal' | 'approve'>,
) {
  const input = rawArgs ?? {};
  const deep = fieldNestedTooDeep(input);
  if (deep !== undefined) {
    throw new InvalidArgumentsError(
      `Invalid arguments for ${op.name}: ${deep} nests arrays or objects more than ${MAX_NESTING} ` +
        `levels deep; no Brevo field takes data that deep`,
    );
  }
  const parsed = op.input.safeParse(input);
  if (!parsed.success) throw new InvalidArgumentsError(invalidArgumentsText(op, parsed.error, input));
  const args = parsed.data as Args;
  const refusal = await ctx.approve?.(op, args);
  if (refusal) throw new NotApprovedError(refusal);
  const response = await ctx.client.request({ ...buildRequest(op, args), signal: ctx.signal });
  return { args, response };
}

/**
 * One tool call (static tools, dynamic mode's call_tool): callOperation, then Brevo's answer as
 * content, or the failure as an isError result. Throws only OperationFailure 'missing' (a listed
 * tool the catalog lacks is a server fault, not the caller's). The result is redacted with the
 * session's secrets, in case an answer echoes a key back.
 */
export async function runOperation(
  entry: { toolset: string; name: string },
  rawArgs: unknown,
  ctx: ExecutionContext,
): Promise<CallToolResult> {
  const redactor = ctx.redactor ?? NO_SECRETS;
  try {
    const { op, args, response } = await callOperation(entry, rawArgs, ctx);
    return redactor.value(toToolResult(op, args, response, ctx, redactor));
  } catch (error) {
    if (!(error instanceof OperationFailure) || error.kind === 'missing') throw error;
    return redactor.value(failure(error.toolText));
  }
}

/** The HTTP request an entry and validated arguments stand for. */
export function buildRequest(op: Operation, args: Args): Omit<BrevoRequest, 'signal'> {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(args[name])));
  const query: [string, string][] = [];
  for (const field of Object.keys(op.query ?? {})) {
    const value = args[field];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (op.csvQuery?.includes(field)) query.push([wire(op, field), value.map(String).join(',')]);
      else for (const item of value) query.push([wire(op, field), String(item)]);
    } else query.push([wire(op, field), String(value)]);
  }
  const request: Omit<BrevoRequest, 'signal'> = {
    host: op.host,
    method: op.method,
    path,
    query,
    idempotent: op.annotations.idempotentHint,
  };
  if (op.rawBody) request.json = args.body;
  else if (op.multipart) request.form = multipartBody(op, args);
  else if (op.body) {
    const body: Args = {};
    for (const field of Object.keys(op.body)) if (args[field] !== undefined) body[wire(op, field)] = args[field];
    request.json = body;
  }
  return request;
}

function multipartBody(op: Operation, args: Args): FormData {
  const { fileField, fileNameField } = op.multipart!;
  const form = new FormData();
  for (const field of Object.keys(op.body ?? {})) {
    const value = args[field];
    if (value === undefined || field === fileNameField) continue;
    if (field === fileField) {
      const bytes = Buffer.from(String(value), 'base64');
      form.append(fileField, new Blob([bytes]), String(args[fileNameField] ?? 'file'));
    } else form.append(wire(op, field), typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form;
}

const wire = (op: Operation, field: string) => op.wireNames?.[field] ?? field;

function toToolResult(
  op: Operation,
  args: Args,
  response: BrevoResponse,
  ctx: ExecutionContext,
  redactor: Redactor,
): CallToolResult {
  const maxChars = ctx.maxResultChars;
  switch (response.kind) {
    case 'empty':
      return { content: [{ type: 'text', text: `Done: ${op.title} (HTTP ${response.status}, no content returned).` }] };
    case 'json': {
      const fit = {
        cut: (text: string, n: number) => redactor.cut(text, n),
        fullTextAt: (field: string) => ctx.fullTextAt?.(op, args, field),
      };
      return { content: [{ type: 'text', text: fitJson(response.data, maxChars, op, args, fit) }] };
    }
    case 'text':
      return { content: [{ type: 'text', text: cutText(response.data, maxChars, redactor) }] };
    case 'binary': {
      // Names and types come from Brevo's headers: redacted before they become a URI.
      const fileName = response.fileName && redactor.text(response.fileName);
      const contentType = redactor.text(response.contentType);
      return {
        content: [
          {
            type: 'resource',
            resource: {
              uri: `brevo://${op.name}/${encodeURIComponent(fileName ?? 'file')}`,
              mimeType: contentType,
              // A file can echo the key too (an export of what was sent): redacted before it is encoded.
              blob: redactor.bytes(response.data).toString('base64'),
            },
          },
          {
            type: 'text',
            text: `File ${fileName ?? ''} (${contentType}, ${response.data.length} bytes).`.replace(
              'File  (',
              'File (',
            ),
          },
        ],
      };
    }
  }
}

/** Text within maxChars, cut (never inside a secret) with a note saying how much was left out. */
export function cutText(text: string, maxChars: number, redactor: Redactor): string {
  if (text.length <= maxChars) return text;
  const kept = redactor.cut(text, maxChars);
  return `${kept}\n[cut: ${text.length - kept.length} more characters]`;
}

/**
 * Names every bad field, so a model can correct the call; a missing id also says which operation
 * lists or creates the things it names ("folderId is required (get_folders lists them; ...)").
 */
export function invalidArgumentsText(op: Operation, error: z.ZodError, input: unknown): string {
  const texts = error.issues.map((issue) => {
    const text = issueText(issue, input, '(arguments)');
    const field = issue.path.length === 1 ? String(issue.path[0]) : undefined;
    const source = field && text === `${field} is required` ? idSourceHint(op, field) : undefined;
    return source ? `${text} (${source})` : text;
  });
  return `Invalid arguments for ${op.name}: ${texts.join('; ')}`;
}

/**
 * Deepest nesting of arrays and objects an argument may have. Brevo's deepest body has 5 levels
 * and free records (template params, event properties) a few more; thousands of levels would
 * only overflow the stack where the request is serialised.
 */
export const MAX_NESTING = 32;

/** The argument that nests deeper than MAX_NESTING, if one does. Iterative: deep input cannot overflow it. */
function fieldNestedTooDeep(args: unknown): string | undefined {
  if (!args || typeof args !== 'object') return undefined;
  const stack: Array<[value: unknown, depth: number, field: string]> = Object.entries(args).map(([k, v]) => [v, 1, k]);
  while (stack.length) {
    const [value, depth, field] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth > MAX_NESTING) return field;
    for (const child of Object.values(value))
      if (child && typeof child === 'object') stack.push([child, depth + 1, field]);
  }
  return undefined;
}
