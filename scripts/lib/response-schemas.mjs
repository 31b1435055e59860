// Development only: the success responses of Brevo's official definitions (../shared/reference),
// with $refs followed and allOf merged, and a small checker of a JSON answer against them. Used
// by scripts/write-sandbox-responses.mjs and by test/sandbox-contract.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { sharedDir } from './reference.mjs';

let docs;
export function definitions() {
  docs ??= {
    'openapi-v3': parse(readFileSync(join(sharedDir, 'reference', 'brevo-openapi-v3.yml'), 'utf8')),
    // The legacy file has malformed YAML inside response examples only; read it leniently.
    'legacy-v2': parseDocument(readFileSync(join(sharedDir, 'reference', 'brevo-swagger-v2-legacy.yml'), 'utf8'), {
      uniqueKeys: false,
      strict: false,
    }).toJS(),
  };
  return docs;
}

export function deref(doc, node) {
  const seen = new Set();
  while (node?.$ref) {
    if (seen.has(node.$ref)) return {};
    seen.add(node.$ref);
    node = node.$ref
      .split('/')
      .slice(1)
      .reduce((o, k) => o?.[k.replace(/~1/g, '/')], doc);
  }
  return node ?? {};
}

/** A schema with $refs followed and allOf merged (examples kept), at its top level. */
export function flat(doc, schema, depth = 0) {
  schema = deref(doc, schema);
  if (!schema.allOf || depth > 8) return schema;
  const { allOf, ...rest } = schema;
  let out = { ...rest, properties: { ...(rest.properties ?? {}) }, required: [...(rest.required ?? [])] };
  for (const part of allOf.map((p) => flat(doc, p, depth + 1))) {
    out = {
      ...part,
      ...out,
      properties: { ...out.properties, ...(part.properties ?? {}) },
      required: [...out.required, ...(part.required ?? [])],
    };
  }
  if (!out.type) out.type = 'object';
  return out;
}

/**
 * The success answers of one operation: [{ status, contentType, schema, media }] in status order
 * (contentType undefined for no content). spec is 'openapi-v3' or 'legacy-v2'.
 */
export function successResponses(spec, method, path) {
  const doc = definitions()[spec];
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`reference has no ${method} ${path}`);
  return Object.entries(op.responses ?? {})
    .filter(([status]) => /^2\d\d$/.test(status))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, raw]) => {
      const res = deref(doc, raw);
      if (spec === 'legacy-v2')
        return {
          status: Number(status),
          contentType: res.schema ? 'application/json' : undefined,
          schema: res.schema,
          media: res,
          doc,
        };
      const [contentType, media] = Object.entries(res.content ?? {})[0] ?? [];
      return { status: Number(status), contentType, schema: media?.schema, media, doc };
    });
}

/** The string formats an answer is checked for (others, such as int64 or objectID, say nothing more). */
const FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

/**
 * Differences between a JSON value and a schema, as readable lines (unknown fields, missing required ones, wrong types,
 * formats).
 */
export function checkAgainst(doc, schema, value, where = '$', out = []) {
  const s = flat(doc, schema);
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    const results = variants.map((v) => checkAgainst(doc, v, value, where, []));
    if (!results.some((r) => r.length === 0)) out.push(...results.sort((a, b) => a.length - b.length)[0]);
    return out;
  }
  if (value === null) {
    if (!s.nullable) out.push(`${where}: null`);
    return out;
  }
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        out.push(`${where}: not an object`);
        return out;
      }
      const props = s.properties ?? {};
      // Some schemas require a field they never define (crm task "date", a segment's "name"):
      // such a field is demanded, as JSON Schema does, and may have any value.
      const named = new Set([...Object.keys(props), ...(s.required ?? [])]);
      for (const k of s.required ?? []) if (!(k in value)) out.push(`${where}.${k}: required, missing`);
      const free = Object.keys(props).length === 0 || s.additionalProperties;
      for (const [k, v] of Object.entries(value)) {
        if (k in props) checkAgainst(doc, props[k], v, `${where}.${k}`, out);
        else if (!free && !named.has(k)) out.push(`${where}.${k}: not in the definition`);
        else if (typeof s.additionalProperties === 'object')
          checkAgainst(doc, s.additionalProperties, v, `${where}.${k}`, out);
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(value)) {
        out.push(`${where}: not an array`);
        return out;
      }
      if (s.items) value.forEach((v, i) => void checkAgainst(doc, s.items, v, `${where}[${i}]`, out));
      return out;
    case 'integer':
      if (!Number.isInteger(value)) out.push(`${where}: ${JSON.stringify(value)} is not an integer`);
      break;
    case 'number':
      if (typeof value !== 'number') out.push(`${where}: ${JSON.stringify(value)} is not a number`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(`${where}: ${JSON.stringify(value)} is not a boolean`);
      break;
    case 'string':
      if (typeof value !== 'string') out.push(`${where}: ${JSON.stringify(value)} is not a string`);
      else if (FORMATS[s.format] && !FORMATS[s.format].test(value))
        out.push(`${where}: ${JSON.stringify(value)} is not a valid ${s.format}`);
      break;
  }
  if (s.enum && !s.enum.includes(value))
    out.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  return out;
}
