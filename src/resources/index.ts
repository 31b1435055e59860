// Read-only Brevo collections as MCP resources (the URIs are in ./definitions.ts). Each resource
// is a catalog read operation with fixed arguments; reading one goes through the same executor as
// the tools. What is not written in a definition comes from the catalog: paging (the operation
// takes offset and limit), the largest page, integer variables, and which tools change what.
import {
  ProtocolErrorCode,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplateType as ResourceTemplate,
} from '@modelcontextprotocol/server';
import type { BrevoClient, BrevoResponse } from '../client/brevo-client.js';
import type { SourceName } from '../completions/sources.js';
import { callOperation, cutText, OperationFailure } from '../executor.js';
import { NO_SECRETS, type Redactor } from '../redact.js';
import type { OperationReach } from '../registry.js';
import { fitJson, largestList, type FitOptions } from '../results.js';
import type { ToolEntry } from '../tools/manifest.js';
import { RESOURCES, type ResourceDefinition } from './definitions.js';
import { RpcError } from '../rpc-error.js';

export { RESOURCES, type ResourceDefinition } from './definitions.js';

const SCHEME = 'brevo://';
const DEFAULT_PAGE = 50;
const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html';

export interface ReadContext {
  client: BrevoClient;
  signal?: AbortSignal;
  /** Longest text one read returns (the server's --max-result-chars). */
  maxResultChars: number;
  /** The session's secrets: cuts never split one, and the text is redacted (default: none). */
  redactor?: Redactor;
  /** The operations this session's resources may call (default: all). */
  reach?: OperationReach;
}

interface JsonSchemaLite {
  type?: string;
  maximum?: number;
  properties?: Record<string, JsonSchemaLite>;
}

/** A definition with what the catalog says about its operation. */
export interface CompiledResource {
  def: ResourceDefinition;
  entry: ToolEntry;
  /** Path segments after brevo://; `{name}` segments are variables. */
  segments: string[];
  variables: string[];
  isTemplate: boolean;
  /** Set when the operation pages: the page size when the URI gives none, and the most allowed. */
  paging?: { size: number; max: number };
  /** What resources/templates/list shows: the URI with `{?offset,limit}` when a template pages. */
  listedUri: string;
}

interface Resolved {
  resource: CompiledResource;
  /** Template variables, decoded. */
  vars: Record<string, string>;
  args: Record<string, unknown>;
  /** The query fields given (filters), in the order given: kept in the next page's URI. */
  filters: [string, string][];
  page?: { offset: number; limit: number };
}

const isVar = (segment: string) => segment.startsWith('{') && segment.endsWith('}');
const pathSegments = (path: string) => path.split('/').filter(Boolean);

function notFound(uri: string, why = ''): RpcError {
  return new RpcError(ProtocolErrorCode.InvalidParams, `Resource not found: ${uri}${why ? ` (${why})` : ''}`, { uri });
}

function invalid(uri: string, message: string): RpcError {
  return new RpcError(ProtocolErrorCode.InvalidParams, `${uri}: ${message}`, { uri });
}

/** Every resource with its catalog facts; built once per manifest. */
export class ResourceCatalog {
  readonly compiled: CompiledResource[];
  /** Tools whose successful call changes something a resource shows. */
  readonly changingTools: ReadonlySet<string>;

  constructor(
    readonly manifest: ToolEntry[],
    definitions: ResourceDefinition[] = RESOURCES,
  ) {
    const byName = new Map(manifest.map((t) => [t.name, t]));
    this.compiled = definitions.map((def) => {
      const entry = byName.get(def.operation);
      if (!entry) throw new Error(`resource ${def.uri}: no catalog operation ${def.operation}`);
      if (!def.uri.startsWith(SCHEME)) throw new Error(`resource ${def.uri}: not a ${SCHEME} URI`);
      const segments = pathSegments(def.uri.slice(SCHEME.length));
      const variables = segments.filter(isVar).map((s) => s.slice(1, -1));
      const props = (entry.inputSchema as JsonSchemaLite).properties ?? {};
      const paged = 'offset' in props && 'limit' in props;
      const max = props.limit?.maximum ?? 1000;
      const paging = paged ? { size: Math.min(def.pageSize ?? DEFAULT_PAGE, max), max } : undefined;
      const isTemplate = variables.length > 0;
      const listedUri = isTemplate && paging ? `${def.uri}{?offset,limit}` : def.uri;
      return { def, entry, segments, variables, isTemplate, paging, listedUri };
    });
    this.changingTools = changingTools(manifest, this.compiled);
    // A literal segment wins over a variable one where both could match.
    this.matchOrder = [...this.compiled].sort((a, b) => a.variables.length - b.variables.length);
  }

  private readonly matchOrder: CompiledResource[];

  /** The resources a session whose operations are `reach` may read. */
  private within(reach: OperationReach | undefined): CompiledResource[] {
    return reach ? this.compiled.filter((c) => reach.allows(c.def.operation)) : this.compiled;
  }

  list(reach?: OperationReach): Resource[] {
    return this.within(reach)
      .filter((c) => !c.isTemplate)
      .map((c) => ({
        uri: c.def.uri,
        name: c.def.name,
        title: c.def.title,
        description: describe(c),
        mimeType: mimeOf(c),
      }));
  }

  templates(reach?: OperationReach): ResourceTemplate[] {
    return this.within(reach)
      .filter((c) => c.isTemplate)
      .map((c) => ({
        uriTemplate: c.listedUri,
        name: c.def.name,
        title: c.def.title,
        description: describe(c),
        mimeType: mimeOf(c),
      }));
  }

  /** The template a completion request names (as listed, or without its query part). */
  template(uriTemplate: string, reach?: OperationReach): CompiledResource | undefined {
    return this.within(reach).find((c) => c.isTemplate && (c.listedUri === uriTemplate || c.def.uri === uriTemplate));
  }

  /** The completion source of a template variable; throws for a template this session does not list. */
  completionSource(uriTemplate: string, variable: string, reach?: OperationReach): SourceName | undefined {
    const found = this.template(uriTemplate, reach);
    if (!found) throw new RpcError(ProtocolErrorCode.InvalidParams, `No resource template ${uriTemplate}`);
    return found.def.complete?.[variable];
  }

  /**
   * Where the whole text of a field of an operation's answer is served: the text/html resource
   * reading that field of the same operation, its variables filled from `valueFor`.
   */
  fullTextAt(
    operation: string,
    field: string,
    valueFor: (variable: string, argument: string) => unknown,
    reach?: OperationReach,
  ): string | undefined {
    const html = this.within(reach).find((c) => c.def.htmlField === field && c.def.operation === operation);
    if (!html) return undefined;
    const segments: string[] = [];
    for (const segment of html.segments) {
      if (!isVar(segment)) segments.push(segment);
      else {
        const name = segment.slice(1, -1);
        const value = valueFor(name, html.def.argNames?.[name] ?? name);
        if (value === undefined || value === null || value === '') return undefined;
        segments.push(encodeURIComponent(String(value)));
      }
    }
    return SCHEME + segments.join('/');
  }

  /**
   * What a concrete URI names, with the operation's arguments; throws InvalidParams when nothing or when its query is
   * wrong.
   */
  resolve(uri: string): Resolved {
    if (!uri.startsWith(SCHEME) || uri.includes('#')) throw notFound(uri);
    const q = uri.indexOf('?');
    const segments = pathSegments(uri.slice(SCHEME.length, q < 0 ? undefined : q));
    for (const resource of this.matchOrder) {
      const vars = matchSegments(resource.segments, segments, uri);
      if (vars) return this.withArgs(resource, vars, uri, q < 0 ? '' : uri.slice(q + 1));
    }
    throw notFound(uri);
  }

  private withArgs(resource: CompiledResource, vars: Record<string, string>, uri: string, query: string): Resolved {
    const { def, entry, paging } = resource;
    const props = (entry.inputSchema as JsonSchemaLite).properties ?? {};
    const args: Record<string, unknown> = { ...def.args };
    for (const [name, text] of Object.entries(vars)) {
      const arg = def.argNames?.[name] ?? name;
      args[arg] = coerce(text, props[arg]);
    }
    const allowed = [...(paging ? ['offset', 'limit'] : []), ...(def.filters ?? [])];
    const params = new URLSearchParams(query);
    const filters: [string, string][] = [];
    const seen = new Set<string>();
    let offset = 0;
    let limit = paging?.size ?? 0;
    for (const [key, value] of params) {
      if (!allowed.includes(key)) {
        throw invalid(
          uri,
          allowed.length
            ? `unknown query parameter "${key}"; this resource takes ${allowed.join(', ')}`
            : `this resource takes no query parameters (got "${key}")`,
        );
      }
      if (seen.has(key)) throw invalid(uri, `query parameter "${key}" is given twice`);
      seen.add(key);
      if (key === 'offset' || key === 'limit') {
        const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
        if (key === 'offset') {
          if (Number.isNaN(n)) throw invalid(uri, `offset must be a whole number from 0, got "${value}"`);
          offset = n;
        } else {
          if (Number.isNaN(n) || n < 1 || n > paging!.max)
            throw invalid(uri, `limit must be a whole number from 1 to ${paging!.max}, got "${value}"`);
          limit = n;
        }
      } else {
        filters.push([key, value]);
        args[key] = coerce(value, props[key]);
      }
    }
    if (paging) Object.assign(args, { offset, limit });
    return { resource, vars, args, filters, page: paging ? { offset, limit } : undefined };
  }

  async read(uri: string, ctx: ReadContext): Promise<ReadResourceResult> {
    const found = this.resolve(uri);
    const { def, entry } = found.resource;
    if (ctx.reach && !ctx.reach.allows(def.operation))
      throw notFound(
        uri,
        `it reads with ${def.operation}, which this server does not offer: ${ctx.reach.whyNot(def.operation)}`,
      );
    let response: BrevoResponse;
    try {
      ({ response } = await callOperation(entry, found.args, ctx));
    } catch (error) {
      if (!(error instanceof OperationFailure)) throw error;
      if (error.kind === 'missing')
        throw new RpcError(ProtocolErrorCode.InternalError, `no catalog operation ${def.operation} behind ${uri}`);
      if (error.kind === 'invalid_arguments') throw invalid(uri, error.message);
      const brevo = error.brevo;
      if (!brevo) throw error.cause;
      // Not found is the caller's wrong id (invalid params); anything else is Brevo's or ours.
      const code = brevo.status === 404 ? ProtocolErrorCode.InvalidParams : ProtocolErrorCode.InternalError;
      throw new RpcError(
        code,
        `Brevo answered ${brevo.status ? `HTTP ${brevo.status}` : 'nothing'} (${brevo.code}) for ${uri}: ` +
          `${brevo.brevoMessage}`,
        { uri, status: brevo.status, code: brevo.code },
      );
    }
    const redactor = ctx.redactor ?? NO_SECRETS;
    if (response.kind === 'binary')
      return {
        contents: [
          {
            uri,
            mimeType: redactor.text(response.contentType),
            blob: redactor.bytes(response.data).toString('base64'),
          },
        ],
      };
    const data = response.kind === 'json' ? response.data : response.kind === 'text' ? response.data : {};
    if (def.htmlField)
      return {
        contents: [
          { uri, mimeType: HTML_TYPE, text: redactor.text(htmlOf(data, def.htmlField, ctx.maxResultChars, redactor)) },
        ],
      };
    const fit: FitOptions = {
      cut: (text, n) => redactor.cut(text, n),
      fullTextAt: (field) => this.fullTextAt(def.operation, field, (variable) => found.vars[variable], ctx.reach),
    };
    const text =
      typeof data === 'string'
        ? cutText(data, ctx.maxResultChars, redactor)
        : this.json(found, data, uri, ctx.maxResultChars, fit);
    return { contents: [{ uri, mimeType: JSON_TYPE, text: redactor.text(text) }] };
  }

  /** Brevo's JSON, with the page it is and the next page's URI, within maxChars. */
  private json(found: Resolved, data: unknown, uri: string, maxChars: number, fit: FitOptions): string {
    const { page } = found;
    const base = uri.slice(0, uri.includes('?') ? uri.indexOf('?') : undefined);
    const at = (offset: number, limit: number) => pageUri(base, found.filters, offset, limit);
    let body = data;
    let pageInfo: Record<string, unknown> | undefined;
    if (page) {
      const items = largestList(data, 1)?.items ?? [];
      const total = countOf(data);
      // An empty page never has a next one, whatever the count says: no loop for a client following next.
      const more =
        items.length > 0 && (total !== undefined ? page.offset + items.length < total : items.length >= page.limit);
      pageInfo = {
        offset: page.offset,
        limit: page.limit,
        returned: items.length,
        ...(total !== undefined ? { total } : {}),
        ...(more ? { next: at(page.offset + items.length, page.limit) } : {}),
      };
      body = Array.isArray(data) ? { items: data, _page: pageInfo } : { ...(data as object), _page: pageInfo };
    }
    const info = {
      name: found.resource.def.operation,
      continuation: (nextOffset: number) =>
        page && pageInfo
          ? {
              hint: `read ${at(nextOffset, page.limit)} for the rest`,
              fields: { _page: { ...pageInfo, returned: nextOffset - page.offset, next: at(nextOffset, page.limit) } },
            }
          : {
              hint:
                `Brevo does not page this collection and one read is limited to ${maxChars} characters (--max-result-chars); ` +
                `raise it to see the rest`,
            },
    };
    // As for tools: long HTML inside list items is summarised, a list too long is cut with a note,
    // one object too big (a template's HTML) keeps valid JSON with its longest strings shortened.
    return fitJson(body, maxChars, info, page ?? {}, fit);
  }
}

const catalogs = new WeakMap<ToolEntry[], ResourceCatalog>();

/** The resource catalog of a manifest, built on first use. */
export function resourceCatalog(manifest: ToolEntry[]): ResourceCatalog {
  let catalog = catalogs.get(manifest);
  if (!catalog) {
    catalog = new ResourceCatalog(manifest);
    catalogs.set(manifest, catalog);
  }
  return catalog;
}

function describe(c: CompiledResource): string {
  if (!c.paging) return c.def.description;
  const how = c.isTemplate ? 'offset and limit' : `?offset=0&limit=${c.paging.size}`;
  return (
    `${c.def.description} Paged: ${how} (limit up to ${c.paging.max}, default ${c.paging.size}); ` +
    `_page.next is the next page's URI.`
  );
}

const mimeOf = (c: CompiledResource) => (c.def.htmlField ? HTML_TYPE : JSON_TYPE);

/** Template segments against URI segments: the decoded variables, or undefined when they do not match. */
function matchSegments(template: string[], segments: string[], uri: string): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const vars: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const s = segments[i]!;
    if (!isVar(t)) {
      if (t !== s) return undefined;
      continue;
    }
    let value: string;
    try {
      value = decodeURIComponent(s);
    } catch {
      throw notFound(uri, `"${s}" is not a valid URI segment`);
    }
    vars[t.slice(1, -1)] = value;
  }
  return vars;
}

/** A URI or query text as the operation's argument type: integers and booleans from their text. */
function coerce(text: string, schema: JsonSchemaLite | undefined): unknown {
  if (schema?.type === 'integer' && /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  if (schema?.type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (schema?.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function pageUri(base: string, filters: [string, string][], offset: number, limit: number): string {
  const params = new URLSearchParams(filters);
  params.set('offset', String(offset));
  params.set('limit', String(limit));
  return `${base}?${params}`;
}

function countOf(data: unknown): number | undefined {
  const count =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as { count?: unknown }).count : undefined;
  return typeof count === 'number' ? count : undefined;
}

function htmlOf(data: unknown, field: string, maxChars: number, redactor: Redactor): string {
  const html = data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  const text = typeof html === 'string' ? html : '';
  if (text.length <= maxChars) return text;
  const kept = redactor.cut(text, maxChars);
  return (
    `${kept}\n<!-- brevo-mcp: ${text.length - kept.length} more characters were cut to fit one ` +
    `read (--max-result-chars ${maxChars}) -->`
  );
}

/**
 * Tools whose success changes what some resource shows: every write (not GET) to the API whose
 * path and a resource's path (its operation's, or one of its changedBy paths) lie one under the
 * other, `{variables}` matching any segment. POST /contacts/lists (create_list) and
 * DELETE /contacts/lists/{listId} change brevo://contacts/lists; POST /smtp/email does not.
 */
export function changingTools(manifest: ToolEntry[], compiled: CompiledResource[]): Set<string> {
  const watched = compiled.flatMap((c) => [c.entry.path, ...(c.def.changedBy ?? [])]).map(pathSegments);
  const related = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i] !== b[i] && !isVar(a[i]!) && !isVar(b[i]!)) return false;
    return true;
  };
  return new Set(
    manifest
      .filter((t) => t.method !== 'GET' && t.host === 'api')
      .filter((t) => {
        const segments = pathSegments(t.path);
        return watched.some((w) => related(segments, w));
      })
      .map((t) => t.name),
  );
}
