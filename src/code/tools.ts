// The two tools code mode lists, as clients see them, and its line in the server's instructions.
import type { Tool } from '@modelcontextprotocol/server';
import { MAX_QUERY_CHARS } from '../search-bounds.js';
import type { CodeLimits } from './limits.js';

export const MAX_SEARCH_LIMIT = 20;
export const DEFAULT_SEARCH_LIMIT = 5;

export const CODE_INSTRUCTIONS =
  ' Operations are not listed one by one here: find them with search, which gives their TypeScript ' +
  'declarations, and run them in a script with execute as brevo.<operation>(args) (an operation ' +
  'a prompt names is run that way too). Do multi-step work in one script and return only what is ' +
  'needed.';

export function codeTools(limits: CodeLimits, readOnly: boolean): Tool[] {
  return [
    {
      name: 'search',
      description:
        'Find Brevo API operations to call in execute, by words ("add contacts to a list") or by names ' +
        '(one or several). Returns TypeScript declarations of brevo methods: arguments, answer, ' +
        'and whether each is read-only, a write or a destructive write.',
      inputSchema: {
        type: 'object',
        properties: {
          query: { type: 'string', maxLength: MAX_QUERY_CHARS },
          limit: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_LIMIT },
        },
        required: ['query'],
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    {
      name: 'execute',
      description: [
        'Run JavaScript or TypeScript in a sandbox as the body of an async function, and return the result.',
        "`await brevo.<operation>(args)` calls an operation found with search. It resolves to Brevo's " +
          'JSON answer ({ ok: true, status } if empty) or throws an Error with status, code, message ' +
          'and tool (code "invalid_arguments" or "not_approved": nothing was sent).',
        'Console output follows the result.',
        'No network, modules or timers.',
        `Per run: ${limits.timeoutMs / 1000} s, ${limits.memoryMb} MB, ${limits.maxCalls} calls.`,
        'Loop, filter and join here; return only what is needed.',
      ].join(' '),
      inputSchema: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
      annotations: readOnly
        ? { readOnlyHint: true, openWorldHint: true }
        : { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
    },
  ];
}
