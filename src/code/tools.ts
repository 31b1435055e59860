// The two tools code mode lists, `search` and `execute`, as clients see them in tools/list, and
// the line added to the server's instructions. Every word here is read on every conversation.
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { MAX_CODE_CHARS, type CodeLimits } from './limits.js';

export const MAX_SEARCH_LIMIT = 20;
export const DEFAULT_SEARCH_LIMIT = 5;

export const CODE_INSTRUCTIONS =
  ' Operations are not listed one by one here: find them with search, which gives their TypeScript declarations, and run them in a script with execute as brevo.<operation>(args) (an operation a prompt names is run that way too). Do multi-step work in one script and return only what is needed.';

export function codeTools(limits: CodeLimits, readOnly: boolean): Tool[] {
  return [
    {
      name: 'search',
      description:
        'Find Brevo API operations to call in execute, by words ("add contacts to a list") or by operation names (one or several). Returns TypeScript declarations of brevo methods: argument and answer types, and whether each is read-only, a write or a destructive write.',
      inputSchema: {
        type: 'object',
        properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_LIMIT } },
        required: ['query'],
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'execute',
      description: [
        'Run JavaScript or TypeScript against the Brevo account, in a sandbox, as the body of an async function: await, and return the result.',
        '`await brevo.<operation>(args)` calls an operation found with search, with the same arguments. It resolves to Brevo\'s JSON answer ({ ok: true, status } when empty) or rejects with an Error that has status, code, message and tool (code "invalid_arguments" or "not_approved": nothing was sent).',
        'The return value is given as JSON, then console output.',
        'No network, modules, timers or files.',
        `Per run at most ${limits.timeoutMs / 1000} s, ${limits.memoryMb} MB and ${limits.maxCalls} calls.`,
        'Do loops, filters and joins here and return only what is needed.',
      ].join(' '),
      inputSchema: {
        type: 'object',
        properties: { code: { type: 'string', maxLength: MAX_CODE_CHARS } },
        required: ['code'],
      },
      annotations: readOnly ? { readOnlyHint: true, openWorldHint: true } : { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
    },
  ];
}
