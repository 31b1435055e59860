// Asking the person before an irreversible action (--confirm): MCP elicitation in form mode with
// a plain summary of what will happen. Declined, cancelled or unanswerable means nothing is sent.
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
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

/**
 * Returns undefined when the person confirmed, or the text of a refusal. Only destructive
 * operations are asked about.
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
  if (!server.getClientCapabilities()?.elicitation) {
    return `Not done: this server asks the user to confirm irreversible actions (it was started with --confirm), and this client cannot ask (no MCP elicitation support). Nothing was sent to Brevo. Action: ${summary}. Use a client with elicitation, or have the operator start the server without --confirm.`;
  }
  try {
    const answer = await server.elicitInput(
      {
        mode: 'form',
        message: `${summary}.\nThis cannot be undone. Go ahead?`,
        requestedSchema: {
          type: 'object',
          properties: {
            confirm: { type: 'boolean', title: 'Yes, do it', description: 'Tick to let the assistant go ahead' },
          },
          required: ['confirm'],
        },
      },
      { signal },
    );
    if (answer.action === 'accept' && answer.content?.confirm === true) return undefined;
    const why = answer.action === 'accept' ? 'did not confirm' : answer.action === 'decline' ? 'declined' : 'cancelled';
    return `Not done: the user ${why}. Nothing was sent to Brevo. Action: ${summary}.`;
  } catch (error) {
    return `Not done: asking the user to confirm failed (${error instanceof Error ? error.message : String(error)}). Nothing was sent to Brevo.`;
  }
}
