// The only place that turns a catalog entry plus arguments into a Brevo request, and Brevo's
// answer into MCP content. Static tools, dynamic mode and resources all come through here.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { BrevoClient, BrevoRequest, BrevoResponse } from './client/brevo-client.js';
import { BrevoApiError } from './client/errors.js';
import type { Operation } from './tools/define.js';
import { redact } from './log.js';
import { errorText, fitJson } from './results.js';

export interface ExecutionContext {
  client: BrevoClient;
  signal?: AbortSignal;
  /** Longest text a result may have; longer JSON is cut with a note on how to get the rest. */
  maxResultChars: number;
  /** Asked after validation and before sending; a returned text refuses the call with that message. */
  approve?: (op: Operation, args: Record<string, unknown>) => Promise<string | undefined>;
}

type Args = Record<string, unknown>;

/** Arguments that do not fit an operation's schema; the message names every bad field. */
export class InvalidArgumentsError extends Error {}

/** The call was not approved (see ExecutionContext.approve); nothing was sent. */
export class NotApprovedError extends Error {}

/**
 * Validates arguments and sends the request. Throws InvalidArgumentsError or BrevoApiError.
 * Tools format what this returns as content; resources return the JSON itself.
 */
export async function sendOperation(op: Operation, rawArgs: unknown, ctx: Pick<ExecutionContext, 'client' | 'signal' | 'approve'>) {
  const parsed = op.input.safeParse(rawArgs ?? {});
  if (!parsed.success) throw new InvalidArgumentsError(invalidArgumentsText(op.name, parsed.error));
  const args = parsed.data as Args;
  const refusal = await ctx.approve?.(op, args);
  if (refusal) throw new NotApprovedError(refusal);
  const response = await ctx.client.request({ ...buildRequest(op, args), signal: ctx.signal });
  return { args, response };
}

/**
 * Validates, sends and formats one tool call. Never throws: every failure is an isError result.
 * Secrets are scrubbed from the text even here, in case an answer echoes a key back.
 */
export async function runOperation(op: Operation, rawArgs: unknown, ctx: ExecutionContext): Promise<CallToolResult> {
  const result = await runUnredacted(op, rawArgs, ctx);
  for (const item of result.content) if (item.type === 'text') item.text = redact(item.text);
  return result;
}

async function runUnredacted(op: Operation, rawArgs: unknown, ctx: ExecutionContext): Promise<CallToolResult> {
  try {
    const { args, response } = await sendOperation(op, rawArgs, ctx);
    return toToolResult(op, args, response, ctx.maxResultChars);
  } catch (error) {
    if (error instanceof InvalidArgumentsError || error instanceof NotApprovedError) return failure(error.message);
    if (error instanceof BrevoApiError) return failure(errorText(error, op, (rawArgs ?? {}) as Args));
    return failure(`${op.name} failed: ${error instanceof Error ? error.message : String(error)}`);
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

function toToolResult(op: Operation, args: Args, response: BrevoResponse, maxChars: number): CallToolResult {
  switch (response.kind) {
    case 'empty':
      return { content: [{ type: 'text', text: `Done: ${op.title} (HTTP ${response.status}, no content returned).` }] };
    case 'json':
      return { content: [{ type: 'text', text: fitJson(response.data, maxChars, op, args) }] };
    case 'text':
      return { content: [{ type: 'text', text: response.data.length > maxChars ? response.data.slice(0, maxChars) + `\n[cut: ${response.data.length - maxChars} more characters]` : response.data }] };
    case 'binary':
      return {
        content: [
          {
            type: 'resource',
            resource: {
              uri: `brevo://${op.name}/${encodeURIComponent(response.fileName ?? 'file')}`,
              mimeType: response.contentType,
              blob: response.data.toString('base64'),
            },
          },
          { type: 'text', text: `File ${response.fileName ?? ''} (${response.contentType}, ${response.data.length} bytes).`.replace('File  (', 'File (') },
        ],
      };
  }
}

function failure(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

/** Names every bad field, so a model can correct the call. */
export function invalidArgumentsText(tool: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : '(arguments)';
    return `${where}: ${issue.message}`;
  });
  return `Invalid arguments for ${tool}: ${problems.join('; ')}`;
}
