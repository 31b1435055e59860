#!/usr/bin/env node
// Development only: writes src/sandbox/requests.json, what the sandbox (brevo-mcp --sandbox,
// brevo-mcp emulator) checks every request against: for each row of ../shared/operations*.tsv,
// the path parameters, query parameters and body of Brevo's official definition (the legacy
// Swagger file for /reseller/children), reduced to the keywords a request check needs (types,
// enums, formats, required fields, bounds, nested objects). The tracker has no definition: its
// bodies follow Brevo's tracker docs. Nothing at run time or in `npm test` needs ../shared: the
// output file is committed.
//
//   node scripts/write-sandbox-requests.mjs
//
// Output: compact JSON { "METHOD /path/{param}": { path?, query?, body? } } where
//   path:  { name: schema }
//   query: [[name, schema, required?]]
//   body:  { type: "json" | "form", required?, anyOf: [schema...] }
// and a schema keeps only JSON Schema keywords (type, format, enum, required, properties, items,
// additionalProperties, minimum, maximum, minLength, maxLength, minItems, maxItems,
// minProperties, uniqueItems, pattern, nullable, anyOf). The definition's oneOf is read as anyOf
// (several of its oneOf bodies have variants without required fields, which every body matches).
import { writeFileSync } from 'node:fs';
import { contractRows, referenceOperation, sharedAvailable, sharedDir } from './lib/reference.mjs';

if (!sharedAvailable()) {
  console.error(`write-sandbox-requests: ${sharedDir} is not here; it reads Brevo's reference definitions from there.`);
  process.exit(1);
}

/**
 * Formats the sandbox checks (binary: a file part of a multipart body); the others (int64, float, objectID, mobile...)
 * add nothing to a type.
 */
const CHECKED_FORMATS = new Set(['email', 'url', 'uri', 'date', 'date-time', 'uuid', 'binary']);
const KEPT = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'pattern',
];

/** The tracker's bodies (Brevo's tracker docs; no OpenAPI definition exists for it). */
const free = { type: 'object' };
const TRACKER = {
  '/api/v2/identify': { required: ['email'], properties: { email: { type: 'string' }, attributes: free } },
  '/api/v2/trackEvent': {
    required: ['email', 'event'],
    properties: {
      email: { type: 'string' },
      event: { type: 'string' },
      properties: free,
      eventdata: { type: 'object', properties: { id: { type: 'string' }, data: free } },
    },
  },
  '/api/v2/trackLink': {
    required: ['email', 'link'],
    properties: { email: { type: 'string' }, link: { type: 'string' }, properties: free },
  },
  '/api/v2/trackPage': {
    required: ['email', 'page'],
    properties: { email: { type: 'string' }, page: { type: 'string' }, properties: free },
  },
};

/**
 * Where the definition contradicts itself, the sandbox takes the reading its own examples and
 * prose support, as the catalog does (see the comments in src/tools/ and ALLOWED in
 * test/contract.test.ts). [operation, dotted place, replacement schema, why].
 */
const anyScalarOrObject = {
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object' },
    { type: 'array', items: { type: 'object' } },
  ],
};
const FIXES = [
  [
    'POST /categories',
    'body.id',
    { type: 'string' },
    'category ids are typed format: email, yet its own example is "CAT123"',
  ],
  [
    'POST /categories/batch',
    'body.categories[].id',
    { type: 'string' },
    'category ids are typed format: email, yet its own example is "CAT123"',
  ],
  [
    'POST /events',
    'body.event_properties{}',
    anyScalarOrObject,
    'its prose and example use decimals and booleans, which the schema leaves out',
  ],
  [
    'POST /transactionalSMS/sms',
    'body.tag',
    { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    "its text and Brevo's changelog allow an array of tags",
  ],
  [
    'POST /transactionalSMS/send',
    'body.tag',
    { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    "its text and Brevo's changelog allow an array of tags",
  ],
  [
    'POST /loyalty/balance/programs/{pid}/balance-definitions',
    'body.balanceExpirationDate',
    { type: 'string' },
    'typed format: date here, while its text and the update schema say dd/mm',
  ],
  [
    'POST /loyalty/balance/programs/{pid}/subscriptions/{cid}/balances',
    'path.cid',
    { type: 'string' },
    'a contact id, typed uuid here, int on another path and plain string on a third',
  ],
  [
    'POST /loyalty/tier/programs/{pid}/contacts/{cid}/tiers/{tid}',
    'path.cid',
    { type: 'string' },
    'a contact id, typed uuid here, int on another path and plain string on a third',
  ],
  [
    'PATCH /couponCollections/{id}',
    'body.expirationDate',
    { type: 'string', format: 'date-time', nullable: true },
    'its text says null removes the expiration date, the schema is not nullable',
  ],
  [
    'PATCH /couponCollections/{id}',
    'body.remainingDaysAlert',
    { type: 'integer', nullable: true },
    'its text says null disables the alert, the schema is not nullable',
  ],
  [
    'PATCH /couponCollections/{id}',
    'body.remainingCouponsAlert',
    { type: 'integer', nullable: true },
    'its text says null disables the alert, the schema is not nullable',
  ],
  [
    'DELETE /payments/requests/{id}',
    'path.id',
    { type: 'string' },
    'typed uuid, yet its own create example returns a 24-character id that is not one',
  ],
];

/** Required names the definition never defines (the WhatsApp text variant's authType): neither demanded nor refused. */
const undefinedRequired = [];

function compact(schema, where) {
  if (!schema || typeof schema !== 'object') return {};
  const out = {};
  const variants = schema.oneOf ?? schema.anyOf;
  let type = schema.type;
  if (!type && schema.properties) type = 'object';
  if (!type && schema.items) type = 'array';
  if (type) out.type = type;
  if (schema.format && CHECKED_FORMATS.has(schema.format) && type === 'string')
    out.format = schema.format === 'uri' ? 'url' : schema.format;
  if (schema.enum) out.enum = schema.enum.filter((v) => v !== null);
  if (schema.nullable || schema.enum?.includes(null)) out.nullable = true;
  for (const k of KEPT) if (schema[k] !== undefined && schema[k] !== false) out[k] = schema[k];
  if (type === 'object' || schema.properties) {
    const props = schema.properties ?? {};
    if (Object.keys(props).length)
      out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, compact(v, `${where}.${k}`)]));
    const required = (schema.required ?? []).filter((k) => {
      if (k in props) return true;
      undefinedRequired.push(`${where}.${k}`);
      return false;
    });
    if (required.length) out.required = required;
    const extra = schema.additionalProperties;
    if (extra === false) out.additionalProperties = false;
    else if (extra && typeof extra === 'object' && Object.keys(extra).length)
      out.additionalProperties = compact(extra, `${where}{}`);
  }
  if (type === 'array' && schema.items) {
    const items = compact(schema.items, `${where}[]`);
    if (Object.keys(items).length) out.items = items;
  }
  if (variants?.length) out.anyOf = variants.map((v, i) => compact(v, `${where}|${i}`));
  return out;
}

/** Replaces the schema at a dotted place (path.id, body.a.b, body.list[].id, body.map{}). */
function patch(op, place, replacement) {
  if (place.startsWith('path.')) {
    const name = place.slice(5);
    if (!op.path?.[name]) throw new Error(`fix ${place}: no such path parameter`);
    op.path[name] = replacement;
    return;
  }
  const steps = place.split('.').slice(1);
  let node = op.body.anyOf[0];
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    const name = step.replace(/(\[\]|\{\})$/, '');
    const holder = node.properties;
    if (!holder?.[name]) throw new Error(`fix ${place}: no ${name}`);
    if (step.endsWith('[]')) {
      if (last) holder[name].items = replacement;
      else node = holder[name].items;
    } else if (step.endsWith('{}')) {
      if (last) holder[name].additionalProperties = replacement;
      else node = holder[name].additionalProperties;
    } else if (last) holder[name] = replacement;
    else node = holder[name];
  });
}

function operationFor(row) {
  const key = `${row.method} ${row.path}`;
  if (row.spec === 'tracker-docs')
    return { body: { type: 'json', required: true, anyOf: [compact({ type: 'object', ...TRACKER[row.path] }, key)] } };
  const ref = referenceOperation(row);
  const op = {};
  if (ref.pathParams.length)
    op.path = Object.fromEntries(ref.pathParams.map((p) => [p.name, compact(p.schema, `${key} path.${p.name}`)]));
  if (ref.query.length)
    op.query = ref.query.map((p) => [p.name, compact(p.schema, `${key} query.${p.name}`), ...(p.required ? [1] : [])]);
  if (ref.body) {
    op.body = {
      type: /multipart|form-data/.test(ref.body.contentType) ? 'form' : 'json',
      ...(ref.body.required ? { required: true } : {}),
      anyOf: ref.body.variants.map((v) => compact(v, `${key} body`)),
    };
  }
  return op;
}

const out = {};
for (const row of contractRows()) out[`${row.method} ${row.path}`] = operationFor(row);
for (const [key, place, replacement] of FIXES) patch(out[key], place, replacement);

const target = new URL('../src/sandbox/requests.json', import.meta.url);
const text = `${JSON.stringify(out)}\n`;
writeFileSync(target, text);
const ops = Object.values(out);
const requiredBodies = ops.filter((o) => o.body?.required).length;
const withRequiredFields = ops.filter((o) => o.body?.required && o.body.anyOf.some((v) => v.required?.length)).length;
console.log(
  `wrote src/sandbox/requests.json: ${ops.length} operations (${requiredBodies} with a required ` +
    `body, ${withRequiredFields} of them with required fields), ${text.length} bytes`,
);
console.log(
  `fixes applied: ${FIXES.length}; required but never defined (not demanded): ${undefinedRequired.join(', ') || 'none'}`,
);
