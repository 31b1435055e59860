#!/usr/bin/env node
// Development only: writes src/sandbox/responses.json, test data: the example answer of every
// contract operation (the sandbox never serves them; test/sandbox-routes.test.ts checks that its
// routes cover the same operations, test/sandbox-contract.test.ts that they fit). For each
// row of ../shared/operations*.tsv it takes, from Brevo's official definition, the success
// status and the example body made to fit the response schema (or one synthesised from the
// schema where there is no example), trimmed small.
// Nothing at run time or in `npm test` needs ../shared: the output file is committed.
//
//   node scripts/write-sandbox-responses.mjs
//
// Output: compact JSON { "METHOD /path/{param}": [status, body?, contentType?] }. A missing body
// means no content; contentType is given only when the answer is not JSON.
import { writeFileSync } from 'node:fs';
import { contractRows, sharedAvailable, sharedDir } from './lib/reference.mjs';
import { checkAgainst, definitions, deref, flat } from './lib/response-schemas.mjs';

if (!sharedAvailable()) {
  console.error(
    `write-sandbox-responses: ${sharedDir} is not here; it reads Brevo's reference definitions from there.`,
  );
  process.exit(1);
}

const MAX_ITEMS = 2; // items kept in any array
const MAX_KEYS = 4; // entries kept in a free map (statsByDomain, linksStats...)
const MAX_DEPTH = 5; // synthesised nesting (recursive schemas such as loyalty rule conditions stop here)
const MAX_STRING = 240; // longer example strings (HTML bodies) are shortened

const docs = definitions();

/** A believable value for a schema: its example, else its default or first enum, else by type. */
function synth(doc, schema, name = '', depth = 0) {
  const s = flat(doc, schema);
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length && depth <= MAX_DEPTH) return synth(doc, variants[0], name, depth + 1);
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
  // Recursive schemas (loyalty rule conditions) stop here.
  if (depth > MAX_DEPTH && (type === 'object' || type === 'array')) return type === 'object' ? {} : [];
  const fits = (v) =>
    v !== undefined &&
    v !== null &&
    (type === 'array'
      ? Array.isArray(v)
      : type === 'object'
        ? typeof v === 'object' && !Array.isArray(v)
        : type === 'integer' || type === 'number'
          ? typeof v === 'number'
          : type === 'boolean'
            ? typeof v === 'boolean'
            : typeof v === 'string' && !checkAgainst(doc, s, v).length);
  if (fits(s.example)) return s.example;
  if (fits(s.default)) return s.default;
  if (s.enum?.length) return s.enum.find((v) => v !== null);
  switch (type) {
    case 'object': {
      const out = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = synth(doc, v, k, depth + 1);
      for (const k of s.required ?? []) if (!(k in out)) out[k] = synth(doc, {}, k, depth + 1);
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
  if (format === 'date-time' || /(At|Date|Time)$|^date$/.test(name)) return '2025-01-15T10:30:00Z';
  if (format === 'date') return '2025-01-15';
  if (format === 'url' || format === 'uri' || /url$/i.test(name)) return 'https://www.example.com';
  if (format === 'uuid' || /uuid/i.test(name)) return '3f2b1c9e-5d4a-4b7e-9c1a-2e8f6d0b7a15';
  if (/id$/i.test(name)) return '65a1f0c2e4b0a1b2c3d4e5f6';
  if (/name$/i.test(name)) return 'Demo';
  return 'string';
}

/**
 * Brevo's example made to fit its own schema (examples and schemas disagree in ~30 operations):
 * fields the schema does not name are dropped, missing required ones synthesised, values of the
 * wrong type replaced. The example's values are kept wherever they fit.
 */
function conform(doc, schema, value, name = '', depth = 0) {
  const s = flat(doc, schema);
  if (depth > 7) return value;
  const variants = s.oneOf ?? s.anyOf;
  if (variants?.length) {
    if (variants.some((v) => checkAgainst(doc, v, value).length === 0)) return value;
    return conform(doc, variants[0], value, name, depth + 1);
  }
  if (value === null) return s.nullable ? null : synth(doc, s, name, depth);
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  if (type === 'object') {
    if (typeof value !== 'object' || Array.isArray(value)) return synth(doc, s, name, depth);
    const props = s.properties ?? {};
    const free = Object.keys(props).length === 0 || s.additionalProperties;
    const out = {};
    // A free map (statsByDomain, linksStats...) keeps its first MAX_KEYS entries.
    const entries = Object.entries(value).slice(0, Object.keys(props).length ? undefined : MAX_KEYS);
    const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
    for (const [k, v] of entries) {
      if (k in props) out[k] = conform(doc, props[k], v, k, depth + 1);
      else if (free || (s.required ?? []).includes(k)) out[k] = extra ? conform(doc, extra, v, k, depth + 1) : v;
    }
    // A required field the schema never defines (a task's date, a segment's name) is made up too.
    for (const k of s.required ?? []) if (!(k in out)) out[k] = synth(doc, props[k] ?? {}, k, depth + 1);
    return out;
  }
  if (type === 'array')
    return Array.isArray(value)
      ? value.map((v) => (s.items ? conform(doc, s.items, v, name, depth + 1) : v))
      : synth(doc, s, name, depth);
  if (checkAgainst(doc, s, value).length) return synth(doc, s, name, depth);
  return value;
}

/**
 * The definition's placeholders for the account's own company and domains become the demo
 * account's ("Demo Shop", demoshop.example), so canned answers agree with it wherever they name
 * it; recipients' addresses (example.com...) and Brevo's own hosts stay as they are.
 */
const ACCOUNT_NAMES = [
  [
    /\b(?:my-?company|mydomain|myshop|mycustomdomain|mynewdomain|testdomain|myexample|company|domain|my-org|your-org)\.com\b/gi,
    'demoshop.example',
  ],
  [/\bMyCompany\b/g, 'DemoShop'],
];

/** Arrays cut to MAX_ITEMS, long strings shortened, the account's names put in. */
function trim(value) {
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map(trim);
  // Keys too: a campaign's linksStats are keyed by the account's own links.
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [named(k), trim(v)]));
  if (typeof value !== 'string') return value;
  const text = named(value);
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING - 1)}…` : text;
}

const named = (text) => ACCOUNT_NAMES.reduce((out, [pattern, name]) => out.replace(pattern, name), text);

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
    return [code, trim(example !== undefined ? conform(doc, res.schema, example) : synth(doc, res.schema))];
  }
  const [contentType, media] = Object.entries(res.content ?? {})[0] ?? [];
  if (!contentType) return [code];
  if (!/json/.test(contentType)) return [code, 'sandbox file content\n', contentType];
  if (!media?.schema && media?.example === undefined && !media?.examples) return [code];
  const example = exampleOf(doc, media, media.schema ?? {});
  if (!media.schema) return [code, trim(example ?? {})];
  return [code, trim(example !== undefined ? conform(doc, media.schema, example) : synth(doc, media.schema))];
}

const out = {};
for (const row of contractRows()) out[`${row.method} ${row.path}`] = answerFor(row);
const target = new URL('../src/sandbox/responses.json', import.meta.url);
const text = `${JSON.stringify(out)}\n`;
writeFileSync(target, text);
console.log(`wrote src/sandbox/responses.json: ${Object.keys(out).length} operations, ${text.length} bytes`);
