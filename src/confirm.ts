// Asking the person before an irreversible action (--confirm), in both protocol revisions: on
// 2025-11-25 an elicitation request in form mode; on 2026-07-28 an input-required result whose
// signed request state names the exact call, so any replica can check the answer that comes back.
// Declined, cancelled, unanswered or unanswerable means nothing is sent.
import { createHash, randomBytes } from 'node:crypto';
import {
  createRequestStateCodec,
  inputRequired,
  inputResponse,
  type ClientCapabilities,
  type InputRequiredResult,
  type RequestStateCodec,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { NO_SECRETS, type Redactor } from './redact.js';
import type { Operation } from './tools/define.js';

const MAX_SUMMARY = 400;

/** "Send email campaign now: campaignId 42" — the call in words a person can check. */
export function summarise(op: Operation, args: Record<string, unknown>): string {
  const parts = Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const text = `${op.title}${parts.length ? `: ${parts.join(', ')}` : ''}`;
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY)}…` : text;
}

const QUESTION_SCHEMA = {
  type: 'object' as const,
  properties: {
    confirm: { type: 'boolean' as const, title: 'Yes, do it', description: 'Tick to let the assistant go ahead' },
  },
  required: ['confirm'],
};

const question = (summary: string) => `${summary}.\nThis cannot be undone. Go ahead?`;

const cannotAsk = (summary: string) =>
  `Not done: this server asks the user to confirm irreversible actions (it was started with --confirm), ` +
  `and this client cannot ask (no MCP elicitation support). Nothing was sent to Brevo. Action: ` +
  `${summary}. Use a client with elicitation, or have the operator start the server without --confirm.`;

const refused = (why: string, summary: string) =>
  `Not done: the user ${why}. Nothing was sent to Brevo. Action: ${summary}.`;

/**
 * 2025-11-25: asks over the session and waits. Returns undefined when the person confirmed, or
 * the text of a refusal. Only destructive operations are asked about.
 */
export async function confirmWithPerson(
  server: Server,
  op: Operation,
  args: Record<string, unknown>,
  signal?: AbortSignal,
  redactor: Redactor = NO_SECRETS,
): Promise<string | undefined> {
  if (!op.annotations.destructiveHint) return undefined;
  // The question goes to the client outside any answer's redaction: a key in the arguments is hidden here.
  const summary = redactor.text(summarise(op, args));
  if (!server.getClientCapabilities()?.elicitation) return cannotAsk(summary);
  try {
    const answer = await server.elicitInput(
      { mode: 'form', message: question(summary), requestedSchema: QUESTION_SCHEMA },
      { signal },
    );
    if (answer.action === 'accept' && answer.content?.confirm === true) return undefined;
    const why = answer.action === 'accept' ? 'did not confirm' : answer.action === 'decline' ? 'declined' : 'cancelled';
    return refused(why, summary);
  } catch (error) {
    return (
      `Not done: asking the user to confirm failed (${error instanceof Error ? error.message : String(error)}). ` +
      `Nothing was sent to Brevo.`
    );
  }
}

/** What the signed request state of a confirmation holds: which call was asked about. */
interface ConfirmState {
  /** A hash of the operation's name and its validated arguments. */
  call: string;
}

const CONFIRM_KEY = 'confirm';

/** The exact call, as a hash: an answer given for one call never approves another. */
function callHash(op: Operation, args: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify([op.name, args]))
    .digest('base64url');
}

/**
 * The signing of request state: one secret shared by every replica (BREVO_MCP_STATE_SECRET), or,
 * without it, a random one for this process alone. States live ten minutes.
 */
export function stateCodec(secret: string | undefined): RequestStateCodec<ConfirmState> {
  return createRequestStateCodec<ConfirmState>({ key: secret ?? randomBytes(32), ttlSeconds: 600 });
}

/**
 * 2026-07-28: one tools/call round. `approve` goes to the executor; when it meets a destructive
 * call that this round has no answer for, it refuses it (nothing is sent) and `question()` then
 * gives the input-required result the handler returns in place of that refusal.
 */
export class RoundConfirmation {
  private pending: { summary: string; call: string } | undefined;

  constructor(
    private readonly codec: RequestStateCodec<ConfirmState>,
    private readonly ctx: ServerContext,
    private readonly clientCapabilities: ClientCapabilities | undefined,
  ) {}

  readonly approve = async (op: Operation, args: Record<string, unknown>): Promise<string | undefined> => {
    if (!op.annotations.destructiveHint) return undefined;
    const summary = summarise(op, args);
    const call = callHash(op, args);
    // Verified by the SDK with the codec before the handler ran: tampered or expired state never gets here.
    const state = this.ctx.mcpReq.requestState<ConfirmState>();
    if (state?.call === call) {
      const answer = inputResponse(this.ctx.mcpReq.inputResponses, CONFIRM_KEY);
      if (answer.kind !== 'elicit') return refused('did not answer', summary);
      if (answer.action === 'accept' && answer.content?.confirm === true) return undefined;
      return refused(
        answer.action === 'accept' ? 'did not confirm' : answer.action === 'decline' ? 'declined' : 'cancelled',
        summary,
      );
    }
    if (!this.clientCapabilities?.elicitation) return cannotAsk(summary);
    this.pending = { summary, call };
    return `Not done yet: waiting for the user to confirm. Action: ${summary}.`;
  };

  /** The question for the person, when this round stopped at one. */
  async question(): Promise<InputRequiredResult | undefined> {
    if (!this.pending) return undefined;
    return inputRequired({
      inputRequests: {
        [CONFIRM_KEY]: inputRequired.elicit({
          mode: 'form',
          message: question(this.pending.summary),
          requestedSchema: QUESTION_SCHEMA,
        }),
      },
      requestState: await this.codec.mint({ call: this.pending.call }),
    });
  }
}

/**
 * Code mode on 2026-07-28: a script cannot stop halfway for a person's answer and resume on
 * another request, so under --confirm its destructive calls are refused and nothing is sent.
 */
export async function refuseInScript(op: Operation, args: Record<string, unknown>): Promise<string | undefined> {
  if (!op.annotations.destructiveHint) return undefined;
  return (
    `Not done: this server asks the user to confirm irreversible actions (--confirm), and a code ` +
    `mode script cannot stop to ask in protocol revision 2026-07-28. Nothing was sent to Brevo. Action: ` +
    `${summarise(op, args)}. A client on protocol 2025-11-25 is asked before such calls; otherwise ` +
    `have the operator start the server without --code.`
  );
}
