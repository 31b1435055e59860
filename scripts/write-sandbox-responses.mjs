#!/usr/bin/env node
// Development only: writes src/sandbox/responses.json, the answers the sandbox (brevo-mcp
// --sandbox) gives for every contract operation it does not emulate with real state. For each
// row of ../shared/operations*.tsv it takes, from Brevo's official definition, the success
// status and the example body (or one synthesised from the response schema), trimmed small.
// Nothing at run time or in `npm test` needs ../shared: the output file is committed.
//
//   node scripts/write-sandbox-responses.mjs
//
// Output: compact JSON { "METHOD /path/{param}": [status, body?, contentType?] }. A missing body
// means no content; contentType is given only when the answer is not JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { contractRows, sharedAvailable, sharedDir } from './lib/reference.mjs';

if (!sharedAvailable()) {
  console.error(`write-sandbox-responses: ${sharedDir} is not here; it reads Brevo's reference definitions from there.`);
  process.exit(1);
}

const MAX_ITEMS = 2; // items kept in any array
const MAX_KEYS = 12; // keys kept in a free map (statsByDomain, linksStats...)
const MAX_STRING = 240; // longer example strings (HTML bodies) are shortened

const docs = {
  'openapi-v3': parse(readFileSync(join(sharedDir, 'reference', 'brevo-openapi-v3.yml'), 'utf8')),
  // The legacy file has malformed YAML inside response examples only; read it leniently.
  'legacy-v2': parseDocument(readFileSync(join(sharedDir, 'reference', 'brevo-swagger-v2-legacy.yml'), 'utf8'), { uniqueKeys: false, strict: false }).toJS(),
};

function deref(doc, node) {
  const seen = new Set();
  while (node && node.$ref) {
    if (seen.has(node.$ref)) return {};
    seen.add(node.$ref);
    node = node.$ref
      .split('/')
      .slice(1)
      .reduce((o, k) => o?.[k.replace(/~1/g, '/')], doc);
  }
  return node ?? {};
}

/** A schema with $refs followed and allOf merged (examples kept), at one level. */
function flat(doc, schema, depth = 0) {
  schema = deref(doc, schema);
  if (!schema.allOf || depth > 8) return schema;
  const { allOf, ...rest } = schema;
  let out = { ...rest, properties: { ...(rest.properties ?? {}) }, required: [...(rest.required ?? [])] };
  for (const part of allOf.map((p) => flat(doc, p, depth + 1))) {
    out = { ...part, ...out, properties: { ...out.properties, ...(part.properties ?? {}) }, required: [...out.required, ...(part.required ?? [])] };
  }
  if (!out.type) out.type = 'object';
  return out;
}

/** A believable value for a schema: its example, else its default or first enum, else by type. */
function synth(doc, schema, name = '', depth = 0) {
  const s = flat(doc, schema);
  if (depth > 7) return s.type === 'array' ? [] : s.type === 'object' ? {} : null;
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length) return synth(doc, variants[0], name, depth + 1);
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
  const fits = (v) =>
    v !== undefined &&
    v !== null &&
    (type === 'array' ? Array.isArray(v) : type === 'object' ? typeof v === 'object' && !Array.isArray(v) : type === 'integer' || type === 'number' ? typeof v === 'number' : type === 'boolean' ? typeof v === 'boolean' : typeof v === 'string');
  if (fits(s.example)) return s.example;
  if (fits(s.default)) return s.default;
  if (s.enum?.length) return s.enum.find((v) => v !== null);
  switch (type) {
    case 'object': {
      const out = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = synth(doc, v, k, depth + 1);
      return out;
    }
    case 'array':
      return s.items ? [synth(doc, s.items, name, depth + 1)] : [];
    case 'integer':
      return /id$/i.test(name) ? 42 : 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return stringFor(s.format, name);
  }
}

function stringFor(format, name) {
  if (format === 'email' || /email/i.test(name)) return 'ann.lee@example.com';
  if (format === 'date-time' || /(At|Date|Time)$/.test(name)) return '2025-01-15T10:30:00Z';
  if (format === 'date') return '2025-01-15';
  if (format === 'url' || format === 'uri' || /url$/i.test(name)) return 'https://www.example.com';
  if (format === 'uuid' || /uuid/i.test(name)) return '3f2b1c9e-5d4a-4b7e-9c1a-2e8f6d0b7a15';
  if (/id$/i.test(name)) return '65a1f0c2e4b0a1b2c3d4e5f6';
  if (/name$/i.test(name)) return 'Demo';
  return 'string';
}

/** Arrays cut to MAX_ITEMS, free maps to MAX_KEYS keys, long strings shortened. */
function trim(value) {
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map(trim);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).slice(0, MAX_KEYS).map(([k, v]) => [k, trim(v)]));
  if (typeof value === 'string' && value.length > MAX_STRING) return value.slice(0, MAX_STRING - 1) + '…';
  return value;
}

/** The example Brevo gives for a response, if it has the schema's required top-level fields. */
function exampleOf(doc, media, schema) {
  const candidates = [];
  if (media?.example !== undefined) candidates.push(media.example);
  for (const ex of Object.values(media?.examples ?? {})) candidates.push(deref(doc, ex).value ?? ex);
  const s = flat(doc, schema);
  const required = s.type === 'object' || s.properties ? (s.required ?? []) : [];
  return candidates.find((c) => {
    if (c === undefined || c === null) return false;
    if (s.type === 'array') return Array.isArray(c);
    if (typeof c !== 'object' || Array.isArray(c)) return s.type !== 'object' && !s.properties;
    return required.every((k) => k in c);
  });
}

function answerFor(row) {
  if (row.spec === 'tracker-docs') return [204];
  const doc = docs[row.spec];
  const op = doc.paths[row.path]?.[row.method.toLowerCase()];
  if (!op) throw new Error(`reference has no ${row.method} ${row.path}`);
  const successes = Object.entries(op.responses ?? {})
    .filter(([status]) => /^2\d\d$/.test(status))
    .sort(([a], [b]) => Number(a) - Number(b));
  if (!successes.length) return [200, {}];
  const [status, raw] = successes[0];
  const res = deref(doc, raw);
  const code = Number(status);
  if (row.spec === 'legacy-v2') {
    if (!res.schema) return [code];
    const example = res.examples?.['application/json'];
    return [code, trim(example !== undefined ? example : synth(doc, res.schema))];
  }
  const [contentType, media] = Object.entries(res.content ?? {})[0] ?? [];
  if (!contentType) return [code];
  if (!/json/.test(contentType)) return [code, 'sandbox file content\n', contentType];
  if (!media?.schema && media?.example === undefined && !media?.examples) return [code];
  const example = exampleOf(doc, media, media.schema ?? {});
  return [code, trim(example !== undefined ? example : synth(doc, media.schema ?? {}))];
}

const out = {};
for (const row of contractRows()) out[`${row.method} ${row.path}`] = answerFor(row);
const target = new URL('../src/sandbox/responses.json', import.meta.url);
const text = JSON.stringify(out) + '\n';
writeFileSync(target, text);
console.log(`wrote src/sandbox/responses.json: ${Object.keys(out).length} operations, ${text.length} bytes`);
