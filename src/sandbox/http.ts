// The small HTTP vocabulary the emulator speaks: Brevo-shaped errors, answers, and a matcher of
// path templates such as /crm/deals/{id}.
import type { Store } from './store.js';

/** A Brevo error answer: { code, message } with an HTTP status (and sometimes metadata). */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More top-level fields of the error body (metadata, unexistingEmails...). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  get body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const notFound = (message: string) => new SandboxError(404, 'document_not_found', message);
export const invalid = (message: string, extra?: Record<string, unknown>) =>
  new SandboxError(400, 'invalid_parameter', message, extra);
export const missing = (field: string) => new SandboxError(400, 'missing_parameter', `${field} is missing`);

/** The value kept under a key (and, where given, belonging where asked), or Brevo's 404 with the message. */
export function foundIn<K, V>(map: ReadonlyMap<K, V>, key: K, message: string, belongs?: (value: V) => boolean): V {
  const value = map.get(key);
  if (value === undefined || (belongs && !belongs(value))) throw notFound(message);
  return value;
}

/** An answer object without its undefined fields: Brevo leaves out what an object does not have. */
export const omitUndefined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export interface Answer {
  status: number;
  /** JSON body; undefined for no content. */
  body?: unknown;
  /** Raw body and its type, for the few answers that are not JSON. */
  raw?: { data: string | Buffer; contentType: string; fileName?: string; inline?: boolean };
  /** More headers (a redirect's location). */
  headers?: Record<string, string>;
}

export interface SandboxRequest {
  method: string;
  /** Path without the /v3 prefix, decoded per segment into params. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown;
}

export type Handler = (req: SandboxRequest, store: Store) => Answer;

/** One emulated operation: method, Brevo path template, handler. */
export type Route = [method: string, template: string, handler: Handler];

/** "METHOD /template", the key form of Brevo's definition (requests.json), as method and template. */
export function operationOf(key: string): [method: string, template: string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

/** An area's routes, written as { 'METHOD /template': handler } in the order they are listed. */
export function routes(table: Record<string, Handler>): Route[] {
  return Object.entries(table).map(([key, handler]): Route => [...operationOf(key), handler]);
}

interface Compiled<T> {
  method: string;
  template: string;
  segments: string[];
  value: T;
}

export type Match<T> =
  | { value: T; params: Record<string, string>; template: string }
  | { allowed: string[] }
  | undefined;

/**
 * Routes by METHOD and path template. Where templates overlap (/contacts/lists and
 * /contacts/{identifier}) the one with a literal segment earlier wins, as in Brevo.
 */
export class RouteTable<T> {
  private readonly routes: Compiled<T>[] = [];

  add(method: string, template: string, value: T): this {
    this.routes.push({ method: method.toUpperCase(), template, segments: template.split('/').slice(1), value });
    return this;
  }

  has(method: string, template: string): boolean {
    return this.routes.some((r) => r.method === method.toUpperCase() && r.template === template);
  }

  match(method: string, path: string): Match<T> {
    const parts = path.split('/').slice(1);
    let best: { route: Compiled<T>; params: Record<string, string>; rank: string } | undefined;
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      allowed.add(route.method);
      if (route.method !== method.toUpperCase()) continue;
      // Literal segments rank before parameters, position by position.
      const rank = route.segments.map((s) => (s.startsWith('{') ? '1' : '0')).join('');
      if (!best || rank < best.rank) best = { route, params, rank };
    }
    if (best) return { value: best.route.value, params: best.params, template: best.route.template };
    return allowed.size ? { allowed: [...allowed] } : undefined;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const part = parts[i]!;
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (part === '') return undefined;
      try {
        params[seg.slice(1, -1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (seg !== part) return undefined;
  }
  return params;
}

/** The fixed keys the CLI gives its client in sandbox mode; the emulator accepts only these. */
export const SANDBOX_API_KEY = 'xkeysib-sandbox-00000000000000000000000000000000-DemoShop';
export const SANDBOX_TRACKER_KEY = 'sandbox-ma-key-demoshop';
