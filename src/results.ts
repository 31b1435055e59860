// Turning Brevo's answers into text a model can use: compact JSON, bounded in size (a cut says
// what was left out and how to get it), and errors with Brevo's code, message and a hint.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { BrevoApiError } from './client/errors.js';
import { idSourceHint } from './id-sources.js';

/** A tool result that reports a failure in words the model reads (isError). */
export function failure(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

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

/** How to cut strings, and where a string left out can be read whole. */
export interface FitOptions {
  /** At most the first n characters of a text, with no secret cut in two (Redactor.cut). */
  cut: (text: string, n: number) => string;
  /** A resource serving the full text of a field (a template's HTML), where one exists. */
  fullTextAt?: (field: string) => string | undefined;
}

/** Strings this long inside list items are HTML bodies nobody asked to read in a listing. */
const LONG_HTML = 1000;
const HTML_FIELD = /html/i;
/** Strings shorter than this are never shortened: too little to win, too much to lose. */
const SHORTEST_SHORTENED = 200;

/**
 * Compact JSON no longer than maxChars, and always valid JSON. Long HTML fields inside list items
 * are summarised (the single-item read returns them); a list that is still too long keeps its
 * first items and says how to get the rest; what is still too long (one big item) has its longest
 * strings shortened in place, and its longest inner lists cut, each with a marker saying so.
 */
export function fitJson(
  data: unknown,
  maxChars: number,
  op: CallInfo,
  args: Record<string, unknown>,
  fit: FitOptions,
): string {
  const slim = omitListHtml(data);
  const text = JSON.stringify(slim);
  if (text.length <= maxChars) return text;
  const list = Array.isArray(slim) ? undefined : largestList(slim);
  if (list) {
    const { key, items } = list;
    const container = slim as Record<string, unknown>;
    let lo = 0;
    let hi = items.length;
    // Binary search for the most leading items that fit with the note.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (JSON.stringify(withCut(container, key, items, mid, op, args, maxChars)).length <= maxChars) lo = mid;
      else hi = mid - 1;
    }
    // When not even one item fits, keep one and shorten inside it rather than show none.
    if (lo < items.length)
      return JSON.stringify(
        shortenToFit(withCut(container, key, items, Math.max(lo, 1), op, args, maxChars), maxChars, fit),
      );
  }
  return JSON.stringify(shortenToFit(slim, maxChars, fit));
}

function withCut(
  container: Record<string, unknown>,
  key: string,
  items: unknown[],
  kept: number,
  op: CallInfo,
  args: Record<string, unknown>,
  maxChars: number,
) {
  const nextOffset = (Number(args.offset) || 0) + kept;
  const hint = op.continuation?.(nextOffset);
  return {
    ...container,
    [key]: items.slice(0, kept),
    ...hint?.fields,
    _truncated: {
      list: key,
      shown: kept,
      returned: items.length,
      hint: hint?.hint ?? restOf(op, nextOffset, maxChars),
    },
  };
}

/** How to get what a cut list left out: paging advice only for an operation that pages. */
function restOf(op: CallInfo, nextOffset: number, maxChars: number): string {
  const fields = Object.keys(op.query ?? {});
  if (fields.includes('offset'))
    return (
      `call ${op.name} again with offset=${nextOffset}${fields.includes('limit') ? ' (and a smaller limit)' : ''} ` +
      `for the rest`
    );
  const limit = `results are limited to ${maxChars} characters (--max-result-chars)`;
  return fields.length
    ? `${op.name} does not page: narrow it with ${fields.join(', ')}; ${limit}`
    : `${op.name} does not page; ${limit}`;
}

/**
 * An answer's main list: the field holding the most JSON among those with at least `minItems`
 * items (what a cut shortens, or what a page counts). An array answer is its own list (key '').
 */
export function largestList(data: unknown, minItems = 2): { key: string; items: unknown[] } | undefined {
  if (Array.isArray(data)) return { key: '', items: data };
  if (!data || typeof data !== 'object') return undefined;
  let best: { key: string; items: unknown[]; size: number } | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value) || value.length < minItems) continue;
    const size = JSON.stringify(value).length;
    if (!best || size > best.size) best = { key, items: value, size };
  }
  return best;
}

type Holder = Record<string, unknown> | unknown[];
interface Spot {
  holder: Holder;
  key: string | number;
  /** Its length as JSON. */
  size: number;
}

/**
 * Shortens the biggest things, one at a time, until the JSON fits: strings keep their start
 * and end with a marker saying how much was left out (and where to read it whole, when a resource
 * serves it); lists keep their first items and end with a marker item; as a last resort an
 * object keeps its first fields. Always valid JSON, and the rest is untouched.
 */
export function shortenToFit(data: unknown, maxChars: number, fit: FitOptions): unknown {
  const box: Record<string, unknown> = { value: structuredClone(data) };
  let size = jsonSize(box.value);
  // Each round shortens one thing to what the rest leaves room for; a few rounds suffice.
  for (let round = 0; size > maxChars && round < 1000; round++) {
    const spot = biggest(box);
    if (!spot) break;
    const room = spot.size - (size - maxChars);
    const value = (spot.holder as Record<string | number, unknown>)[spot.key];
    const shorter =
      typeof value === 'string'
        ? shortenString(value, room, spot.key, maxChars, fit)
        : Array.isArray(value)
          ? shortenList(value, room, maxChars)
          : shortenObject(value as Record<string, unknown>, room, maxChars);
    (spot.holder as Record<string | number, unknown>)[spot.key] = shorter;
    const newSize = jsonSize(box.value);
    if (newSize >= size) break;
    size = newSize;
  }
  return size <= maxChars ? box.value : startOf(JSON.stringify(data), maxChars, fit);
}

/** The last resort for a shape nothing above can shorten enough: the start of its JSON, as a string in valid JSON. */
function startOf(json: string, maxChars: number, fit: FitOptions): unknown {
  const wrap = (start: string) => ({
    _truncated: {
      hint:
        `this answer is ${json.length} characters of JSON; results are limited to ${maxChars} characters ` +
        `(--max-result-chars), so only its start is shown, as text`,
    },
    start,
  });
  let lo = 0;
  let hi = json.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (jsonSize(wrap(fit.cut(json, mid))) <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  return wrap(fit.cut(json, lo));
}

/** The biggest string or list that can still be shortened or, when there is none, the widest object. */
function biggest(box: Record<string, unknown>): Spot | undefined {
  let best: Spot | undefined;
  let widest: (Spot & { fields: number }) | undefined;
  const visit = (holder: Holder, key: string | number, value: unknown): number => {
    let size: number;
    if (typeof value === 'string') {
      size = JSON.stringify(value).length;
      if (value.length > SHORTEST_SHORTENED && !isMarker(value) && (!best || size > best.size))
        best = { holder, key, size };
      return size;
    }
    if (!value || typeof value !== 'object') return JSON.stringify(value ?? null).length;
    const entries = Object.entries(value);
    size = 2 + Math.max(0, entries.length - 1);
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) size += visit(value, i, value[i]);
    else for (const [k, v] of entries) size += JSON.stringify(k).length + 1 + visit(value as Holder, k, v);
    // Anything smaller than a marker cannot be shortened by one.
    if (size <= SHORTEST_SHORTENED) return size;
    if (Array.isArray(value)) {
      if (value.length > 1 && !isMarker(value.at(-1)) && (!best || size > best.size)) best = { holder, key, size };
    } else if (entries.length > 1 && !(OBJECT_MARKER in value) && (!widest || entries.length > widest.fields)) {
      widest = { holder, key, size, fields: entries.length };
    }
    return size;
  };
  visit(box, 'value', box.value);
  return best ?? widest;
}

const MARKER = /^\[\d+ more items left out|\u2026\[\d+ characters left out/;
/** The key under which a shortened object says how many fields it left out. */
const OBJECT_MARKER = '\u2026';
const isMarker = (value: unknown) => typeof value === 'string' && MARKER.test(value);

function shortenString(value: string, room: number, key: string | number, maxChars: number, fit: FitOptions): string {
  const at = typeof key === 'string' ? fit.fullTextAt?.(key) : undefined;
  const marker = (left: number) =>
    `\u2026[${left} characters left out${at ? `; read ${at} for the whole text` : `; results are limited to ${maxChars} characters (--max-result-chars)`}]`;
  // The most leading characters that fit the room, found by halving (escapes make length uneven).
  let lo = 0;
  let hi = value.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const kept = fit.cut(value, mid);
    if (JSON.stringify(kept + marker(value.length - kept.length)).length <= room) lo = mid;
    else hi = mid - 1;
  }
  const kept = fit.cut(value, lo);
  return kept + marker(value.length - kept.length);
}

function shortenList(list: unknown[], room: number, maxChars: number): unknown[] {
  const kept: unknown[] = [];
  let size = 2;
  const marker = (left: number) =>
    `[${left} more items left out; results are limited to ${maxChars} characters (--max-result-chars)]`;
  for (const item of list) {
    const next = size + jsonSize(item) + 1;
    if (next + JSON.stringify(marker(list.length - kept.length - 1)).length > room) break;
    kept.push(item);
    size = next;
  }
  // Keep at least one item: the next round shortens inside it if it is what does not fit.
  if (!kept.length) kept.push(list[0]);
  return [...kept, marker(list.length - kept.length)];
}

function shortenObject(object: Record<string, unknown>, room: number, maxChars: number): Record<string, unknown> {
  const entries = Object.entries(object);
  const kept: Record<string, unknown> = {};
  let size = 2;
  let count = 0;
  for (const [k, v] of entries) {
    const next = size + JSON.stringify(k).length + 1 + jsonSize(v) + 1;
    if (count > 0 && next + 120 > room) break;
    kept[k] = v;
    size = next;
    count++;
  }
  kept[OBJECT_MARKER] =
    `[${entries.length - count} more fields left out; results are limited to ${maxChars} characters ` +
    `(--max-result-chars)]`;
  return kept;
}

const jsonSize = (value: unknown) => JSON.stringify(value ?? null).length;

function omitListHtml(data: unknown): unknown {
  if (Array.isArray(data))
    return data.map((item) =>
      item && typeof item === 'object' && !Array.isArray(item) ? summariseHtml(item as Record<string, unknown>) : item,
    );
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
  400: 'Brevo rejected the request as invalid.',
  401:
    'The API key is missing or invalid: set BREVO_API_KEY (or send X-Brevo-Api-Key, where the server ' +
    'lets clients bring their own) to a valid key from Brevo > SMTP & API > API keys.',
  402: 'Not enough credits or the plan does not include this feature.',
  403: 'The key lacks permission for this, or this IP is not authorised (Brevo > Security > Authorised IPs).',
  405: 'Brevo does not allow this method here.',
  406: 'Brevo could not accept the request as sent (content type or a value).',
  422: 'Brevo could not process the values given.',
};

/** The text of an isError result: status, Brevo's code and message, and what to do. */
export function errorText(
  error: BrevoApiError,
  op: CallInfo & { pathParams?: Record<string, unknown> },
  args: Record<string, unknown>,
): string {
  const attempts =
    error.details.attempts && error.details.attempts > 1 ? ` after ${error.details.attempts} attempts` : '';
  const fields = error.details.fields;
  const extra = fields
    ? ` (${Object.entries(fields)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join('; ')})`
    : '';
  const head = error.status
    ? `Brevo answered HTTP ${error.status} (${error.code}) to ${op.name}${attempts}: ${error.brevoMessage}${extra}`
    : error.code === 'response_too_large'
      ? `${op.name}: ${error.brevoMessage} (the limit is BREVO_MAX_RESPONSE_BYTES)`
      : `${op.name} got no answer from Brevo${attempts}: ${error.brevoMessage}`;
  return `${head}\n${hintFor(error, op, args)}`.trimEnd();
}

function hintFor(
  error: BrevoApiError,
  op: CallInfo & { pathParams?: Record<string, unknown> },
  args: Record<string, unknown>,
): string {
  if (error.status === 404) {
    const ids = Object.keys(op.pathParams ?? {});
    if (!ids.length) return 'Hint: Brevo found nothing there.';
    const sources = ids.flatMap((k) => {
      const source = idSourceHint(op, k);
      return source ? [`${k}: ${source}`] : [];
    });
    const given = ids.map((k) => `${k}=${JSON.stringify(args[k])}`).join(', ');
    return sources.length
      ? `Hint: nothing found for ${given}; check the id (${sources.join('; ')}).`
      : `Hint: nothing found for ${given}; check the id.`;
  }
  if (error.status === 400) return `Hint: ${badRequestHint(error, op, args)}`;
  if (error.status === 429) {
    const after = error.details.retryAfterSeconds;
    return `Hint: rate limited by Brevo${after !== undefined ? `; retry after ${after} seconds` : ''}.`;
  }
  // The sandbox's answer for an operation it does not emulate: trying again changes nothing.
  if (error.status === 501 && error.code === 'not_implemented')
    return 'Hint: the sandbox does not emulate this operation; it needs a real Brevo account.';
  if (error.status >= 500) return 'Hint: Brevo had a server problem; try again shortly.';
  if (error.status === 0) {
    if (error.code === 'timeout')
      return 'Hint: Brevo did not answer in time; a write may still have happened, so check before repeating it.';
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

/** What to do about fields Brevo's error body lists, by the field's name. */
const ERROR_FIELD_HINTS: Record<string, string> = {
  unexistingEmails:
    'the addresses in unexistingEmails are not contacts of the account; create them (create_contact) and send again',
  withoutListEmails: 'the contacts in withoutListEmails belong to no list; add them to one (add_contact_to_list)',
  blackListedEmails:
    'the contacts in blackListedEmails are blocklisted and receive nothing; they must opt in again to be sent to',
};

/**
 * A 400's next step: what the listed fields of the error body call for, else the fields the
 * message names; a message that names none gets no claim that it does.
 */
function badRequestHint(
  error: BrevoApiError,
  op: CallInfo & { pathParams?: Record<string, unknown>; body?: Record<string, unknown> },
  args: Record<string, unknown>,
): string {
  const listed = Object.keys(error.details.fields ?? {}).flatMap((k) =>
    ERROR_FIELD_HINTS[k] ? [ERROR_FIELD_HINTS[k]] : [],
  );
  if (listed.length) return `${listed.join('; ')}.`;
  const known = new Set([...Object.keys(args), ...Object.keys(op.body ?? {}), ...Object.keys(op.query ?? {})]);
  const words = new Set(error.brevoMessage.toLowerCase().split(/\W+/));
  const named = [...known].filter((field) => words.has(field.toLowerCase()));
  if (named.length) return `Brevo rejected the value of ${named.join(', ')}; correct it and call again.`;
  return (
    `Brevo rejected the request as invalid without naming a field; compare the arguments with ${op.name}'s ` +
    `input schema.`
  );
}
