// The contract test: every tool against Brevo's official definition in ../shared/reference.
// Names, methods and paths must equal the rows of ../shared/operations*.tsv; path, query and body
// parameters must agree with the reference operation in names, required sets, types and enums,
// down through nested objects. ../shared exists on developer machines and in CI, not on a user's
// machine, so without it this file skips with a printed reason.
import type { Json } from './support/json.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allReferenceOperations, sharedAvailable, sharedDir } from '../scripts/lib/reference.mjs';
import { loadCatalog } from '../src/tools/index.js';
import type { Operation } from '../src/tools/define.js';

type Schema = Record<string, Json>;

/**
 * Where our tool knowingly differs from the reference, and why. Keys are `tool` or `tool:where`.
 */
const ALLOWED: Record<string, string> = {
  'upload_file:body.fileName':
    'multipart: the file travels as base64 in `file`; the optional fileName names the uploaded ' +
    "part (the reference's binary part carries its name itself)",
  'import_companies:body.fileName': 'multipart: names the base64 CSV part sent as `file` (defaults to companies.csv)',
  'import_deals:body.fileName': 'multipart: names the base64 CSV part sent as `file` (defaults to deals.csv)',
  'create_event:body.event_properties{}':
    'the reference schema allows string|integer|object|array values, but its own prose and example ' +
    'use decimals and booleans; the tool accepts number and boolean too',
};

const available = sharedAvailable();
if (!available)
  console.warn(`contract test skipped: ${sharedDir} (Brevo's reference definitions) is not present on this machine`);

function jsonOf(shape: Record<string, z.ZodType> | undefined): Schema {
  return z.toJSONSchema(z.object(shape ?? {}), { io: 'input', unrepresentable: 'any' }) as Schema;
}

const typeOf = (s: Schema): string | undefined => {
  if (s.type) return s.format === 'int64' && s.type === 'number' ? 'integer' : s.type;
  if (s.properties) return 'object';
  if (s.enum) return typeof s.enum[0] === 'number' ? 'number' : 'string';
  return undefined;
};

/** Differences between our JSON Schema and the reference's, as readable lines. */
function compare(ours: Schema | undefined, ref: Schema | undefined, where: string, out: string[]): void {
  if (!ref || !ours) return;
  const refVariants = ref.oneOf ?? ref.anyOf;
  const ourVariants = ours.anyOf ?? ours.oneOf;
  if (refVariants || ourVariants) {
    // A union: accept when some variant of ours covers each variant of the reference by type.
    const refTypes = new Set((refVariants ?? [ref]).map(typeOf));
    const ourTypes = new Set((ourVariants ?? [ours]).map(typeOf));
    for (const t of refTypes)
      if (t && !ourTypes.has(t) && !(t === 'number' && ourTypes.has('integer')))
        out.push(`${where}: type ${t} not accepted (ours: ${[...ourTypes].join('|')})`);
    return;
  }
  const refType = typeOf(ref);
  const ourType = typeOf(ours);
  if (
    refType &&
    ourType &&
    refType !== ourType &&
    !(refType === 'number' && ourType === 'integer' && /int/.test(ref.format ?? ''))
  ) {
    out.push(`${where}: type ${ourType}, reference says ${refType}`);
  }
  if (ref.enum) {
    const a = JSON.stringify([...(ours.enum ?? [])].sort());
    const b = JSON.stringify([...ref.enum.filter((v: unknown) => v !== null)].sort());
    if (a !== b) out.push(`${where}: enum ${a}, reference says ${b}`);
  } else if (ours.enum) out.push(`${where}: enum ${JSON.stringify(ours.enum)} where the reference has none`);
  if (refType === 'array') compare(ours.items, ref.items, `${where}[]`, out);
  if (refType === 'object' && ref.properties) compareFields(ours, ref, where, out);
  if (refType === 'object' && !ref.properties && typeof ref.additionalProperties === 'object') {
    compare(ours.additionalProperties, ref.additionalProperties, `${where}{}`, out);
  }
}

function compareFields(ours: Schema, ref: Schema, where: string, out: string[]): void {
  const ourProps: Schema = ours.properties ?? {};
  const refProps: Schema = ref.properties ?? {};
  for (const k of Object.keys(refProps)) if (!(k in ourProps)) out.push(`${where}.${k}: missing`);
  for (const k of Object.keys(ourProps)) if (!(k in refProps)) out.push(`${where}.${k}: not in the reference`);
  const ourReq = new Set<string>(ours.required ?? []);
  const refReq = new Set<string>(ref.required ?? []);
  for (const k of Object.keys(refProps)) {
    if (!(k in ourProps)) continue;
    if (refReq.has(k) !== ourReq.has(k))
      out.push(
        `${where}.${k}: ${ourReq.has(k) ? 'required' : 'optional'}, reference says ${refReq.has(k) ? 'required' : 'optional'}`,
      );
    compare(ourProps[k], refProps[k], `${where}.${k}`, out);
  }
}

/** Our parameters keyed by their names on the wire. */
function onTheWire(op: Operation, shape: Record<string, z.ZodType> | undefined): Schema {
  const json = jsonOf(shape);
  const rename = (k: string) => op.wireNames?.[k] ?? k;
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(json.properties ?? {}).map(([k, v]) => [rename(k), v])),
    required: (json.required ?? []).map(rename),
  };
}

const paramsObject = (params: Array<{ name: string; required: boolean; schema: Schema }>): Schema => ({
  type: 'object',
  properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
  required: params.filter((p) => p.required).map((p) => p.name),
});

/** The reference body as one object: oneOf variants merged, a field required only if every variant requires it. */
function referenceBody(body: { variants: Schema[] } | null): Schema | undefined {
  if (!body) return undefined;
  const objects = body.variants.filter((v) => v.properties);
  if (!objects.length) return undefined;
  const properties = Object.assign({}, ...objects.map((v) => v.properties));
  const required = Object.keys(properties).filter((k) => objects.every((v) => (v.required ?? []).includes(k)));
  return { type: 'object', properties, required };
}

describe.skipIf(!available)("contract with Brevo's official definition", async () => {
  const ops = available ? await loadCatalog() : [];
  const reference = available ? allReferenceOperations() : [];
  const byTool = new Map(reference.map((r) => [r.row.tool, r]));

  it('names, methods and paths equal the contract rows', () => {
    const problems: string[] = [];
    for (const op of ops) {
      const row = byTool.get(op.name)?.row;
      if (!row) problems.push(`${op.name}: not in the contract`);
      else if (`${row.method} ${row.path}` !== `${op.method} ${op.path}`)
        problems.push(`${op.name}: ${op.method} ${op.path}, contract says ${row.method} ${row.path}`);
      else if ((row.host === 'tracker') !== (op.host === 'tracker'))
        problems.push(`${op.name}: host ${op.host}, contract says ${row.host}`);
    }
    expect(problems).toEqual([]);
  });

  it('parameters agree with the reference operations', () => {
    const problems: string[] = [];
    for (const op of ops) {
      const ref = byTool.get(op.name)?.ref;
      if (!ref) continue;
      const diffs: string[] = [];
      compareFields(onTheWire(op, op.pathParams), paramsObject(ref.pathParams), 'path', diffs);
      compareFields(onTheWire(op, op.query), paramsObject(ref.query), 'query', diffs);
      const refBody = referenceBody(ref.body);
      if (refBody) compareFields(onTheWire(op, op.body), refBody, 'body', diffs);
      else if (ref.body && op.rawBody)
        compare(jsonOf({ body: op.rawBody }).properties.body, ref.body.variants[0], 'body', diffs);
      else if (ref.body) diffs.push('body: the reference has a body, the tool sends none');
      else if (op.body || op.rawBody) diffs.push('body: the tool sends a body the reference does not have');
      for (const d of diffs)
        if (!ALLOWED[op.name] && !ALLOWED[`${op.name}:${d.split(':')[0]}`]) problems.push(`${op.name}: ${d}`);
    }
    expect(problems, `disagreements with the reference:\n  ${problems.join('\n  ')}`).toEqual([]);
  });
});
