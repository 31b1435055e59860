// The JSON Schema a model sees for a tool's input, from its zod schema, made lean: what zod adds
// for its own validation (regex patterns behind formats, safe-integer bounds, strict-object
// markers, property-name types, the $schema URL) is left out, since it tells a model nothing the
// type and format do not and costs tokens on every field. Validation still uses the full zod schema.
//
// Clients pass this schema to model providers unchanged, and one definition a provider rejects
// can break a whole session, so it keeps to what OpenAI, Anthropic and Gemini all accept: every
// property has a `type` (an enum too; Gemini and gemini-cli refuse a property without one),
// enums only of strings or numbers (a true/false enum is a plain boolean), no `format` outside
// JSON Schema's own list (base64 content is `contentEncoding`), and null, where Brevo gives it a
// meaning, as an `anyOf` branch `{type: "null"}`: type arrays such as ["string","null"] are
// rejected by Gemini's function declarations, and OpenAPI's `nullable` is not JSON Schema.
import { z } from 'zod';

const SAFE_INT = Number.MAX_SAFE_INTEGER;

export function leanJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return lean(z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' })) as Record<
    string,
    unknown
  >;
}

const isEmptyObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

/** JSON Schema's type for an enum's values, when they share one. */
function enumType(values: unknown[]): string | undefined {
  if (values.every((v) => typeof v === 'string')) return 'string';
  if (values.every((v) => Number.isInteger(v))) return 'integer';
  if (values.every((v) => typeof v === 'number')) return 'number';
  return undefined;
}

function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (!node || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  // [true, false] allows every boolean: say boolean, which every provider takes.
  if (Array.isArray(src.enum) && src.enum.length === 2 && src.enum.includes(true) && src.enum.includes(false)) {
    const { enum: _, ...rest } = src;
    return lean({ ...rest, type: 'boolean' });
  }
  const out: Record<string, unknown> = {};
  // The type first, as people read it; an enum's type is that of its values.
  if (Array.isArray(src.enum)) out.type = enumType(src.enum) ?? src.type;
  for (const [key, value] of Object.entries(src)) {
    if (key === '$schema' || key === 'propertyNames') continue;
    // false is zod's strictness; {} (anything) is what JSON Schema assumes anyway.
    if (key === 'additionalProperties' && (value === false || isEmptyObject(value))) continue;
    if (key === 'pattern' && src.format) continue;
    // base64 is not a JSON Schema format; contentEncoding says it (and is kept below).
    if (key === 'format' && value === 'base64') continue;
    if (key === 'contentEncoding' && src.format && src.format !== 'base64') continue;
    if ((key === 'maximum' && value === SAFE_INT) || (key === 'minimum' && value === -SAFE_INT)) continue;
    if (key === 'type' && 'type' in out) continue;
    out[key] = lean(value);
  }
  return out;
}
