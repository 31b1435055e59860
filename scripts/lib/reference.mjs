// Reads Brevo's official API definitions from ../shared (development only: nothing at run time
// or in a user's `npm test` may depend on this) and normalises every operation of the contract
// (operations.tsv + operations-beyond-seed.tsv) into one shape:
//   { tool, method, path, host, tag, pathParams, query, body }
// where pathParams/query are [{ name, required, schema }] and body is
//   { contentType, required, variants: [objectSchema, ...] } (several variants = oneOf) or null.
// Schemas are plain JSON-Schema-like objects with $refs resolved and allOf merged.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseDocument } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const sharedDir = join(here, '..', '..', '..', 'shared');
export const sharedAvailable = () => existsSync(join(sharedDir, 'operations.tsv'));

function readTsv(file) {
  const [head, ...rows] = readFileSync(join(sharedDir, file), 'utf8').trim().split('\n');
  const cols = head.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((v, i) => [cols[i], v])));
}

/** Every row of the contract: { tool, method (upper case), path, host, tag, spec }. */
export function contractRows() {
  const seed = readTsv('operations.tsv').map((r) => ({ ...r, source: 'seed' }));
  const beyond = readTsv('operations-beyond-seed.tsv').map((r) => ({
    ...r,
    host: 'api',
    spec: 'openapi-v3',
    source: 'beyond',
  }));
  return [...seed, ...beyond].map((r) => ({
    tool: r.tool,
    method: r.method.toUpperCase(),
    path: r.path,
    host: r.host,
    spec: r.spec,
    tag: r.tag,
    summary: r.summary,
    source: r.source,
  }));
}

let docs;
function loadDocs() {
  if (docs) return docs;
  const v3 = parse(readFileSync(join(sharedDir, 'reference', 'brevo-openapi-v3.yml'), 'utf8'));
  // The legacy file has malformed YAML inside response examples only; read it leniently.
  const v2 = parseDocument(readFileSync(join(sharedDir, 'reference', 'brevo-swagger-v2-legacy.yml'), 'utf8'), {
    uniqueKeys: false,
    strict: false,
  }).toJS();
  docs = { 'openapi-v3': v3, 'legacy-v2': v2 };
  return docs;
}

function resolver(doc) {
  const deref = (node, seen = new Set()) => {
    while (node?.$ref) {
      if (seen.has(node.$ref)) return { type: 'object', recursive: node.$ref };
      seen.add(node.$ref);
      node = node.$ref
        .split('/')
        .slice(1)
        .reduce((o, k) => o?.[k.replace(/~1/g, '/')], doc);
    }
    return node;
  };
  // Fully resolve a schema: $refs replaced, allOf merged into one object.
  const resolve = (schema, seen = new Set()) => {
    if (!schema || typeof schema !== 'object') return schema;
    if (schema.$ref) {
      if (seen.has(schema.$ref)) return { type: 'object' };
      const next = new Set(seen).add(schema.$ref);
      return resolve(deref(schema), next);
    }
    if (Array.isArray(schema)) return schema.map((s) => resolve(s, seen));
    let out = {};
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'example' || k === 'examples' || k === 'description' || k === 'x-example') continue;
      if (k === 'properties')
        out.properties = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, resolve(s, seen)]));
      else if (k === 'items' || k === 'additionalProperties') out[k] = typeof v === 'object' ? resolve(v, seen) : v;
      else if (k === 'allOf' || k === 'oneOf' || k === 'anyOf') out[k] = v.map((s) => resolve(s, seen));
      else out[k] = v;
    }
    if (out.allOf) {
      const parts = out.allOf;
      delete out.allOf;
      for (const part of parts) {
        out = {
          ...out,
          ...part,
          properties: { ...(out.properties ?? {}), ...(part.properties ?? {}) },
          required: [...new Set([...(out.required ?? []), ...(part.required ?? [])])],
        };
      }
      if (!out.type && out.properties) out.type = 'object';
      if (out.required?.length === 0) delete out.required;
      if (out.properties && Object.keys(out.properties).length === 0 && !parts.some((p) => p.properties))
        delete out.properties;
    }
    return out;
  };
  return { deref, resolve };
}

// Swagger 2 parameters carry their schema inline; lift it into `schema` like OpenAPI 3.
function v2ParamSchema(p) {
  const { name, in: _in, required, description, schema, ...rest } = p;
  return schema ?? rest;
}

/** The normalised reference operation for a contract row, or null (tracker rows have none). */
export function referenceOperation(row) {
  if (row.spec === 'tracker-docs') return null;
  const doc = loadDocs()[row.spec];
  const { deref, resolve } = resolver(doc);
  const item = doc.paths[row.path];
  const op = item?.[row.method.toLowerCase()];
  if (!op) throw new Error(`reference has no ${row.method} ${row.path}`);
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(p));
  const isV2 = row.spec === 'legacy-v2';
  const param = (p) => ({
    name: p.name,
    required: !!p.required,
    schema: resolve(isV2 ? v2ParamSchema(p) : p.schema),
    // Arrays sent comma-separated rather than as repeated keys.
    csv: p.explode === false || p.collectionFormat === 'csv',
  });
  const pathParams = params.filter((p) => p.in === 'path').map(param);
  const query = params.filter((p) => p.in === 'query').map(param);
  let body = null;
  if (isV2) {
    const b = params.find((p) => p.in === 'body');
    const form = params.filter((p) => p.in === 'formData');
    if (b) body = { contentType: 'application/json', required: !!b.required, variants: variantsOf(resolve(b.schema)) };
    else if (form.length)
      body = {
        contentType: 'multipart/form-data',
        required: true,
        variants: [
          {
            type: 'object',
            properties: Object.fromEntries(form.map((p) => [p.name, resolve(v2ParamSchema(p))])),
            required: form.filter((p) => p.required).map((p) => p.name),
          },
        ],
      };
  } else if (op.requestBody) {
    const rb = deref(op.requestBody);
    const contentType = Object.keys(rb.content)[0];
    body = { contentType, required: !!rb.required, variants: variantsOf(resolve(rb.content[contentType].schema)) };
  }
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const res = deref(r);
    return {
      status,
      contentTypes: Object.keys((isV2 ? (res.schema ? { 'application/json': 1 } : {}) : res.content) ?? {}),
    };
  });
  return { ...row, operationId: op.operationId, pathParams, query, body, responses };
}

function variantsOf(schema) {
  if (schema.oneOf || schema.anyOf) return schema.oneOf ?? schema.anyOf;
  return [schema];
}

export function allReferenceOperations() {
  return contractRows().map((row) => ({ row, ref: referenceOperation(row) }));
}
