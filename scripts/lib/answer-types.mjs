// Development only: Brevo's success answers (../shared/reference) as compact TypeScript types, for
// scripts/write-answer-types.mjs and the test that keeps src/code/answer-types.json current.
import { definitions, deref, flat } from './response-schemas.mjs';

/** Objects nested deeper than this are shown as `object`: enough to write a script, small to read. */
export const MAX_DEPTH = 3;

const EMPTY = '{ ok: true; status: number }';
const FILE = '{ fileName?: string; contentType: string; base64: string }';
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The type of one schema; depth counts the objects around it. */
export function typeOf(doc, schema, depth = 0, seen = new Set()) {
  if (schema?.$ref) {
    if (seen.has(schema.$ref)) return 'object';
    seen = new Set(seen).add(schema.$ref);
  }
  const s = flat(doc, schema ?? {});
  const nullable = s.nullable ? ' | null' : '';
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length) {
    const parts = [...new Set(variants.map((v) => typeOf(doc, v, depth, seen)))];
    return parts.length === 1 ? parts[0] + nullable : parts.map(wrapUnion).join(' | ') + nullable;
  }
  if (s.enum?.length)
    return [...new Set(s.enum.filter((v) => v !== null))].map((v) => JSON.stringify(v)).join(' | ') + nullable;
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (type) {
    case 'integer':
    case 'number':
      return `number${nullable}`;
    case 'boolean':
      return `boolean${nullable}`;
    case 'string':
      return `string${nullable}`;
    case 'array': {
      const item = s.items ? typeOf(doc, s.items, depth, seen) : 'unknown';
      return `${/[ |]/.test(item) && !/^\{.*\}$/.test(item) ? `Array<${item}>` : `${item}[]`}${nullable}`;
    }
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (!props.length) {
        const extra =
          typeof s.additionalProperties === 'object' ? typeOf(doc, s.additionalProperties, depth + 1, seen) : 'unknown';
        return `Record<string, ${extra}>${nullable}`;
      }
      if (depth >= MAX_DEPTH) return `object${nullable}`;
      const required = new Set(s.required ?? []);
      const fields = props.map(
        ([name, sub]) =>
          `${IDENT.test(name) ? name : JSON.stringify(name)}${required.has(name) ? '' : '?'}: ${typeOf(doc, sub, depth + 1, seen)}`,
      );
      return `{ ${fields.join('; ')} }${nullable}`;
    }
    default:
      return 'unknown';
  }
}

const wrapUnion = (t) => (t.includes(' | ') && !t.startsWith('{') ? `(${t})` : t);

/** The answer type of one contract row. */
export function answerTypeOf(row) {
  if (row.spec === 'tracker-docs') return EMPTY;
  const doc = definitions()[row.spec];
  const op = doc.paths[row.path]?.[row.method.toLowerCase()];
  if (!op) throw new Error(`reference has no ${row.method} ${row.path}`);
  const success = Object.entries(op.responses ?? {})
    .filter(([status]) => /^2\d\d$/.test(status))
    .sort(([a], [b]) => Number(a) - Number(b))[0];
  if (!success) return 'unknown';
  const res = deref(doc, success[1]);
  if (row.spec === 'legacy-v2') return res.schema ? typeOf(doc, res.schema) : EMPTY;
  const [contentType, media] = Object.entries(res.content ?? {})[0] ?? [];
  if (!contentType) return EMPTY;
  if (!/json/.test(contentType)) return /^text\//.test(contentType) ? 'string' : FILE;
  return media?.schema ? typeOf(doc, media.schema) : 'unknown';
}

/** { tool: type } for every row. */
export function answerTypes(rows) {
  return Object.fromEntries(rows.map((row) => [row.tool, answerTypeOf(row)]));
}
