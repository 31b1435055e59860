// Turning Brevo's answers into text a model can use: compact JSON, bounded in size (a cut says
// what was left out and how to get it), and errors with Brevo's code, message and a hint.
import { BrevoApiError } from './client/errors.js';

/** What the result shaping needs to know about the call. */
interface CallInfo {
  name: string;
  query?: Record<string, unknown>;
  /**
   * How to get the rest after a list was cut at nextOffset: the hint to give, and fields to set
   * beside it (resources point at their next page's URI instead of a tool call).
   */
  continuation?: (nextOffset: number) => { hint: string; fields?: Record<string, unknown> };
}

/** Strings this long inside list items are HTML bodies nobody asked to read in a listing. */
const LONG_HTML = 1000;
const HTML_FIELD = /html/i;

/**
 * Compact JSON no longer than maxChars. Long HTML fields inside list items are summarised (the
 * single-item read returns them); a list that is still too long keeps its first items and says
 * which offset continues it; anything else too long is cut with a note.
 */
export function fitJson(data: unknown, maxChars: number, op: CallInfo, args: Record<string, unknown>): string {
  const slim = omitListHtml(data);
  const text = JSON.stringify(slim);
  if (text.length <= maxChars) return text;
  const list = largestList(slim);
  if (list) {
    const { key, items } = list;
    const container = slim as Record<string, unknown>;
    let lo = 0;
    let hi = items.length;
    // Binary search for the most leading items that fit with the note.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (JSON.stringify(withCut(container, key, items, mid, op, args)).length <= maxChars) lo = mid;
      else hi = mid - 1;
    }
    const fitted = JSON.stringify(withCut(container, key, items, lo, op, args));
    if (fitted.length <= maxChars) return fitted;
  }
  return text.slice(0, maxChars) + `\n[cut: ${text.length - maxChars} more characters of JSON; narrow the request (filters, a smaller limit) to see all of it]`;
}

function withCut(container: Record<string, unknown>, key: string, items: unknown[], kept: number, op: CallInfo, args: Record<string, unknown>) {
  const pages = op.query && 'offset' in op.query;
  const nextOffset = (Number(args.offset) || 0) + kept;
  const custom = op.continuation?.(nextOffset);
  const how =
    custom?.hint ??
    (pages
      ? `call ${op.name} again with offset=${nextOffset}${op.query && 'limit' in op.query ? ' (and a smaller limit)' : ''} for the rest`
      : 'narrow the request to see the rest');
  return {
    ...container,
    [key]: items.slice(0, kept),
    ...custom?.fields,
    _truncated: { list: key, shown: kept, returned: items.length, hint: how },
  };
}

function largestList(data: unknown): { key: string; items: unknown[] } | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  let best: { key: string; items: unknown[]; size: number } | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value) || value.length < 2) continue;
    const size = JSON.stringify(value).length;
    if (!best || size > best.size) best = { key, items: value, size };
  }
  return best;
}

function omitListHtml(data: unknown): unknown {
  if (Array.isArray(data)) return data.map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? summariseHtml(item as Record<string, unknown>) : item));
  if (!data || typeof data !== 'object') return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? omitListHtml(v) : v]));
}

function summariseHtml(item: Record<string, unknown>): Record<string, unknown> {
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (HTML_FIELD.test(k) && typeof v === 'string' && v.length > LONG_HTML) {
      out[k] = `[${v.length} characters of HTML omitted in this list; read the single item to get it]`;
      changed = true;
    } else out[k] = v;
  }
  return changed ? out : item;
}

const HINTS: Record<number, string> = {
  400: 'Brevo rejected the request as invalid: check the fields named in the message.',
  401: 'The API key is missing or invalid: set BREVO_API_KEY (or send X-Brevo-Api-Key, where the server lets clients bring their own) to a valid key from Brevo > SMTP & API > API keys.',
  402: 'Not enough credits or the plan does not include this feature.',
  403: 'The key lacks permission for this, or this IP is not authorised (Brevo > Security > Authorised IPs).',
  405: 'Brevo does not allow this method here.',
  406: 'Brevo could not accept the request as sent (content type or a value).',
  422: 'Brevo could not process the values given.',
};

/** The text of an isError result: status, Brevo's code and message, and what to do. */
export function errorText(error: BrevoApiError, op: CallInfo & { pathParams?: Record<string, unknown> }, args: Record<string, unknown>): string {
  const attempts = error.details.attempts && error.details.attempts > 1 ? ` after ${error.details.attempts} attempts` : '';
  const head = error.status
    ? `Brevo answered HTTP ${error.status} (${error.code}) to ${op.name}${attempts}: ${error.brevoMessage}`
    : error.code === 'response_too_large'
      ? `${op.name}: ${error.brevoMessage} (the limit is BREVO_MAX_RESPONSE_BYTES)`
      : `${op.name} got no answer from Brevo${attempts}: ${error.brevoMessage}`;
  return `${head}\n${hintFor(error, op, args)}`.trimEnd();
}

function hintFor(error: BrevoApiError, op: CallInfo & { pathParams?: Record<string, unknown> }, args: Record<string, unknown>): string {
  if (error.status === 404) {
    const ids = Object.keys(op.pathParams ?? {}).map((k) => `${k}=${JSON.stringify(args[k])}`);
    return ids.length ? `Hint: nothing found for ${ids.join(', ')}; check the id (list the collection to find it).` : 'Hint: Brevo found nothing there.';
  }
  if (error.status === 429) {
    const after = error.details.retryAfterSeconds;
    return `Hint: rate limited by Brevo${after !== undefined ? `; retry after ${after} seconds` : ''}.`;
  }
  if (error.status >= 500) return 'Hint: Brevo had a server problem; try again shortly.';
  if (error.status === 0) {
    if (error.code === 'timeout') return 'Hint: Brevo did not answer in time; a write may still have happened, so check before repeating it.';
    if (error.code === 'cancelled') return '';
    if (error.code.startsWith('missing_')) return '';
    if (error.code === 'response_too_large') {
      const less = op.query && 'limit' in op.query ? 'ask for less (a smaller limit) or ' : '';
      return `Hint: ${less}raise BREVO_MAX_RESPONSE_BYTES in the server's environment.`;
    }
    return 'Hint: check the network and BREVO_API_URL; Brevo could not be reached.';
  }
  return HINTS[error.status] ? `Hint: ${HINTS[error.status]}` : '';
}
