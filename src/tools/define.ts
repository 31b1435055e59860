// The shape of one catalog entry. The catalog is data: each toolset file passes its operations'
// specs to `defineToolset`. Nothing here knows HTTP or MCP; the executor reads entries.
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Shape = Record<string, z.ZodType>;

/** Which Brevo host an operation lives on: the REST API, or the automation tracker. */
export type Host = 'api' | 'tracker';

export interface OperationSpec {
  /** Tool name, exactly as in the operations contract. */
  name: string;
  /** Short human title. */
  title: string;
  /** What it does and when to use it, for a model choosing a tool. */
  description: string;
  /**
   * Words people use for this operation that its name, title and description do not contain
   * ("blocklist", "unsubscribe" for update_contact). Searched by the discovery engine only, never
   * listed to clients; the glossary (src/discovery/lang/en/vocabulary.txt) holds words that apply
   * more widely.
   */
  keywords?: string[];
  method: HttpMethod;
  /** Path template relative to the host's base URL, e.g. `/contacts/{identifier}`. */
  path: string;
  host?: Host;
  /** Schemas of the `{placeholders}` in `path`. */
  pathParams?: Shape;
  query?: Shape;
  /** Fields of a JSON object body, flattened into the tool input. */
  body?: Shape;
  /** A body that is not an object (an array, say): the tool takes it as the field `body`. */
  rawBody?: z.ZodType;
  /** Sends the body as multipart/form-data: `fileField` holds the file's base64 content, `fileNameField` its name. */
  multipart?: { fileField: string; fileNameField: string };
  /**
   * Tool field → name on the wire, for API names that are not valid tool property keys
   * (clients such as Claude accept only [a-zA-Z0-9_.-] in property names), e.g. `price_gt` → `price[gt]`.
   */
  wireNames?: Record<string, string>;
  /** Query arrays Brevo wants comma-separated (`a,b`) instead of repeated (`x=a&x=b`). */
  csvQuery?: string[];
  /** Body variants (the API's oneOf) told apart by these fields: exactly one must be given. */
  exactlyOneOf?: string[];
  /** Like exactlyOneOf, for variants whose distinguishing field is itself optional: at most one. */
  atMostOneOf?: string[];
  /** Sends a message or cannot be undone: marked destructive. Deletes are destructive anyway. */
  destructive?: boolean;
  /** Override the idempotency the method implies (GET/PUT/DELETE idempotent, POST/PATCH not). */
  idempotent?: boolean;
}

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: true;
}

export interface Operation extends OperationSpec {
  toolset: string;
  host: Host;
  annotations: ToolAnnotations;
  /** The flat input the tool validates: path params, query and body side by side. */
  input: z.ZodObject;
}

export interface Toolset {
  name: string;
  operations: Operation[];
}

function annotationsFor(spec: OperationSpec): ToolAnnotations {
  const readOnly = spec.method === 'GET';
  return {
    readOnlyHint: readOnly,
    destructiveHint: !readOnly && (spec.method === 'DELETE' || spec.destructive === true),
    idempotentHint: spec.idempotent ?? (spec.method === 'GET' || spec.method === 'PUT' || spec.method === 'DELETE'),
    openWorldHint: true,
  };
}

function inputSchemaFor(spec: OperationSpec): z.ZodObject {
  const shape: Shape = { ...spec.pathParams, ...spec.query, ...spec.body };
  if (spec.rawBody) shape.body = spec.rawBody;
  const pathKeys = Object.keys(spec.pathParams ?? {});
  const group = spec.exactlyOneOf ?? spec.atMostOneOf;
  const atLeastOne = spec.exactlyOneOf !== undefined;
  return z.strictObject(shape).superRefine((value, ctx) => {
    const args = value as Record<string, unknown>;
    // An empty, '.' or '..' path segment would silently address another resource: /contacts/
    // is the list, and URL parsers resolve dot segments (even escaped) to the parent path.
    for (const key of pathKeys) {
      const v = args[key];
      if (v === '' || v === '.' || v === '..')
        ctx.addIssue({ code: 'custom', path: [key], message: `must not be ${v === '' ? 'empty' : `"${v}"`}` });
    }
    if (!group) return;
    const given = group.filter((key) => args[key] !== undefined);
    if (given.length > 1 || (atLeastOne && given.length === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: given.length ? [given[1]!] : [group[0]!],
        message: `give ${atLeastOne ? 'exactly' : 'only'} one of ${group.join(', ')}${given.length ? ` (got ${given.join(', ')})` : ''}`,
      });
    }
  });
}

export function defineToolset(name: string, specs: OperationSpec[]): Toolset {
  return {
    name,
    operations: specs.map((spec) => ({
      ...spec,
      toolset: name,
      host: spec.host ?? 'api',
      annotations: annotationsFor(spec),
      input: inputSchemaFor(spec),
    })),
  };
}
