// Requests generated from Brevo's official definition (not from our schemas) must be accepted
// by our tools and reach the API in a form that definition validates: path, query and body of
// what the fake Brevo receives are checked with ajv against the reference operation. Skips with
// a printed reason where ../shared is absent.
import type { Json } from './support/json.js';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allReferenceOperations, sharedAvailable, sharedDir } from '../scripts/lib/reference.mjs';
import { BrevoClient, defaultClientOptions } from '../src/client/brevo-client.js';
import { runOperation } from '../src/executor.js';
import type { Operation } from '../src/tools/define.js';
import { loadCatalog } from '../src/tools/index.js';
import { FakeBrevo, type RecordedRequest } from './support/fake-brevo.js';
import { arbitraryFor } from './support/schema-arbitrary.js';

type Schema = Record<string, Json>;
const RUNS = Number(process.env.CONTRACT_RUNS ?? 12);
const available = sharedAvailable();
if (!available)
  console.warn(
    `contract request test skipped: ${sharedDir} (Brevo's reference definitions) is not present on this machine`,
  );

const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
addFormats(ajv);
for (const f of [
  'mobile',
  'objectID',
  'int',
  'integer',
  'int16',
  'in64',
  'float64',
  'string',
  'uuidv4',
  'datetime',
  'url',
  'password',
  'binary',
  'float',
  'int64',
])
  ajv.addFormat(f, true);

// Fields the definition leaves untyped (conversations) are generated as Json scalar.

/** Values of one parameter as text on the wire, back to the type its schema says. */
function fromWire(schema: Schema, values: string[]): unknown {
  const scalar = (s: Schema, v: string) =>
    s.type === 'integer' || s.type === 'number' ? Number(v) : s.type === 'boolean' ? v === 'true' : v;
  if (schema.type === 'array') return values.flatMap((v) => v.split(',')).map((v) => scalar(schema.items ?? {}, v));
  return scalar(schema, values[0]!);
}

function validate(schema: Schema, value: unknown, where: string, problems: string[]): void {
  if (!ajv.validate(schema, value))
    problems.push(`${where}: ${ajv.errorsText(ajv.errors)} (value ${JSON.stringify(value)?.slice(0, 200)})`);
}

/** Checks a received request against the reference operation; returns the problems. */
function checkAgainstReference(ref: Json, request: RecordedRequest): string[] {
  const problems: string[] = [];
  const names: string[] = [];
  const pattern = new RegExp(
    '^' +
      ref.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_: string, n: string) => {
        names.push(n);
        return '([^/]+)';
      }) +
      '$',
  );
  const match = pattern.exec(request.path);
  if (!match) return [`path ${request.path} does not fit ${ref.path}`];
  for (const p of ref.pathParams) {
    const raw = decodeURIComponent(match[names.indexOf(p.name) + 1]!);
    validate(p.schema, fromWire(p.schema, [raw]), `path.${p.name}`, problems);
  }
  const query = new URLSearchParams(request.query);
  const known = new Set(ref.query.map((p: Json) => p.name));
  for (const key of new Set(query.keys())) if (!known.has(key)) problems.push(`query.${key}: not in the definition`);
  for (const p of ref.query) {
    const values = query.getAll(p.name);
    if (!values.length) {
      if (p.required) problems.push(`query.${p.name}: required but missing`);
      continue;
    }
    validate(p.schema, fromWire(p.schema, values), `query.${p.name}`, problems);
  }
  if (ref.body && ref.body.contentType === 'application/json') {
    const schema = ref.body.variants.length > 1 ? { anyOf: ref.body.variants } : ref.body.variants[0];
    if (request.json === undefined && ref.body.required) problems.push('body: required but missing');
    else if (request.json !== undefined) validate(schema, request.json, 'body', problems);
  }
  return problems;
}

/** A request generated from the reference, as the flat arguments our tool takes. */
function referenceRequest(ref: Json, op: Operation): fc.Arbitrary<Record<string, unknown>> {
  const toField = Object.fromEntries(Object.entries(op.wireNames ?? {}).map(([field, wire]) => [wire, field]));
  const field = (name: string) => toField[name] ?? name;
  // A path segment is never empty (nor a dot segment) in a request that addresses the operation.
  const nonEmpty = (s: Schema): Schema =>
    s.oneOf || s.anyOf
      ? { ...s, oneOf: (s.oneOf ?? s.anyOf).map(nonEmpty), anyOf: undefined }
      : s.type === 'string' || !s.type
        ? { ...s, minLength: Math.max(1, s.minLength ?? 1), pattern: s.pattern ?? '^[A-Za-z0-9_-]+$' }
        : s;
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const p of ref.pathParams) {
    parts[field(p.name)] = arbitraryFor(nonEmpty(p.schema));
    required.push(field(p.name));
  }
  for (const p of ref.query) {
    parts[field(p.name)] = arbitraryFor(p.schema);
    if (p.required) required.push(field(p.name));
  }
  const base = fc.record(parts, { requiredKeys: required });
  if (!ref.body) return base;
  const variants = ref.body.variants as Schema[];
  // Only bodies the definition itself accepts (minProperties, ...). Its oneOf bodies are read as
  // anyOf: variants without required fields all match Json body, so under strict oneOf no body
  // at all would be valid for add_contact_to_list and friends.
  const bodySchema = variants.length > 1 ? { anyOf: variants } : variants[0]!;
  const body = fc.oneof(...variants.map((v) => arbitraryFor(v))).filter((b) => ajv.validate(bodySchema, b));
  return fc.tuple(base, body).map(([args, b]) => {
    if (op.rawBody) return { ...args, body: b };
    const fields = Object.fromEntries(
      Object.entries((b ?? {}) as Record<string, unknown>).map(([k, v]) => [field(k), v]),
    );
    if (op.multipart)
      fields[op.multipart.fileField] = Buffer.from('name,email\nAnn,ann@example.com\n').toString('base64');
    return { ...args, ...fields };
  });
}

describe.skipIf(!available)('requests generated from the official definition', async () => {
  const ops = available ? await loadCatalog() : [];
  const refs = available ? new Map(allReferenceOperations().map((r) => [r.row.tool, r.ref])) : new Map();
  const checked = ops.filter((op) => refs.get(op.name));
  let fake: FakeBrevo;
  let client: BrevoClient;
  let calls = 0;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    client = new BrevoClient({
      ...defaultClientOptions,
      apiUrl: fake.url,
      trackerUrl: fake.origin,
      apiKey: 'k',
      trackerKey: 'm',
      userAgent: 't',
      maxRetries: 0,
    });
  });
  afterAll(async () => {
    console.log(
      `contract requests: ${checked.length} operations x ${RUNS} generated requests = ${calls} calls, ` +
        `each accepted and valid against the definition`,
    );
    await client?.close();
    await fake?.close();
  });

  it('every contract row is a tool', () => {
    const names = new Set(ops.map((o) => o.name));
    expect([...refs.keys()].filter((n) => !names.has(n))).toEqual([]);
    expect(ops).toHaveLength(refs.size);
  });

  it.each(checked.map((op) => [op.name, op] as const))('%s', async (_, op) => {
    const ref = refs.get(op.name);
    await fc.assert(
      fc.asyncProperty(referenceRequest(ref, op), async (args) => {
        const before = fake.requests.length;
        calls++;
        const result = await runOperation(op, args, { client, maxResultChars: 40_000 });
        expect(
          result.isError,
          `${JSON.stringify(args).slice(0, 400)}\n${(result.content[0] as { text: string }).text}`,
        ).toBeFalsy();
        const request = fake.requests[before]!;
        expect(checkAgainstReference(ref, request)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
