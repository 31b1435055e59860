// The JSON Schema a model sees for a tool's input, from its zod schema, made lean: what zod adds
// for its own validation (regex patterns behind formats, safe-integer bounds, strict-object
// markers, property-name types, the $schema URL) is left out, since it tells a model nothing the
// type and format do not and costs tokens on every field. Validation still uses the full zod schema.
import { z } from 'zod';

const SAFE_INT = Number.MAX_SAFE_INTEGER;

export function leanJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return lean(z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' })) as Record<string, unknown>;
}

const isEmptyObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (!node || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(src)) {
    if (key === '$schema' || key === 'propertyNames') continue;
    // false is zod's strictness; {} (anything) is what JSON Schema assumes anyway.
    if (key === 'additionalProperties' && (value === false || isEmptyObject(value))) continue;
    if (key === 'pattern' && src.format) continue;
    if (key === 'contentEncoding' && src.format) continue;
    if ((key === 'maximum' && value === SAFE_INT) || (key === 'minimum' && value === -SAFE_INT)) continue;
    // An enum says its type already.
    if (key === 'type' && value === 'string' && Array.isArray(src.enum)) continue;
    out[key] = lean(value);
  }
  return out;
}
