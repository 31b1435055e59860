// Checks every request against Brevo's official definition before any handler runs: path and
// query parameters and the body (JSON or multipart), from requests.json (written by
// scripts/write-sandbox-requests.mjs). A request the definition refuses gets Brevo's 400 naming
// the field: missing_parameter "<field> is missing", or invalid_parameter saying what is wrong.
import { readFileSync } from 'node:fs';
import { SandboxError } from './http.js';
import { UploadedFile } from './multipart.js';

/** The JSON Schema keywords requests.json keeps. */
export interface Schema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: 'email' | 'url' | 'date' | 'date-time' | 'uuid' | 'binary';
  enum?: unknown[];
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | false;
  items?: Schema;
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  pattern?: string;
}

export interface OperationSpec {
  path?: Record<string, Schema>;
  query?: [name: string, schema: Schema, required?: 1][];
  body?: { type: 'json' | 'form'; required?: true; anyOf: Schema[] };
}

/** From src/sandbox/ and from dist/sandbox/ alike, the file lives in src/sandbox/. */
export const requestsUrl = new URL('../../src/sandbox/requests.json', import.meta.url);

let specs: Record<string, OperationSpec> | undefined;
/** The definition of one operation ("POST /crm/files"), read once. */
export function specFor(key: string): OperationSpec | undefined {
  specs ??= JSON.parse(readFileSync(requestsUrl, 'utf8')) as Record<string, OperationSpec>;
  return specs[key];
}

type Problem = { code: 'missing_parameter' | 'invalid_parameter'; field: string; message: string };

const missing = (field: string): Problem => ({ code: 'missing_parameter', field, message: `${field} is missing` });
const invalid = (field: string, what: string): Problem => ({
  code: 'invalid_parameter',
  field,
  message: `${field || 'The request body'} ${what}`,
});

const A: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
};

const FORMATS: Record<string, [test: (v: string) => boolean, what: string]> = {
  email: [(v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'is not a valid email address'],
  url: [(v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v), 'is not a valid URL'],
  date: [(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'is not a valid date (YYYY-MM-DD)'],
  'date-time': [
    (v) =>
      /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)$/.test(v) &&
      !Number.isNaN(Date.parse(v)),
    'is not a valid date-time (YYYY-MM-DDTHH:mm:ss with a time zone, e.g. 2025-06-01T09:00:00Z)',
  ],
  uuid: [(v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), 'is not a valid UUID'],
};

const patterns = new Map<string, RegExp>();
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof UploadedFile);
const join = (where: string, key: string) => (where ? `${where}.${key}` : key);

function typeFits(type: Schema['type'], value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

/** The first thing wrong with a value under a schema, or undefined when it fits. */
export function problemWith(schema: Schema, value: unknown, where: string): Problem | undefined {
  if (value === null)
    return schema.nullable || (!schema.type && !schema.anyOf)
      ? undefined
      : invalid(where, `should be ${A[schema.type ?? ''] ?? 'a value'}, not null`);
  if (value instanceof UploadedFile)
    return schema.format === 'binary' || (!schema.type && !schema.anyOf)
      ? undefined
      : invalid(where, `should be ${A[schema.type ?? 'string']}, not a file`);
  if (schema.format === 'binary') return invalid(where, 'should be a file');
  if (!typeFits(schema.type, value)) return invalid(where, `should be ${A[schema.type!]}`);
  if (schema.enum && !schema.enum.includes(value)) {
    const shown = schema.enum.slice(0, 12).map(String).join(', ');
    return invalid(where, `should be one of ${shown}${schema.enum.length > 12 ? ', ...' : ''}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      return invalid(
        where,
        schema.minLength === 1 ? 'should not be empty' : `should be at least ${schema.minLength} characters long`,
      );
    if (schema.maxLength !== undefined && length > schema.maxLength)
      return invalid(where, `should be at most ${schema.maxLength} characters long`);
    const format = schema.format && FORMATS[schema.format];
    if (format && !format[0](value)) return invalid(where, format[1]);
    if (schema.pattern) {
      const pattern = patterns.get(schema.pattern) ?? new RegExp(schema.pattern, 'u');
      patterns.set(schema.pattern, pattern);
      if (!pattern.test(value)) return invalid(where, `does not have the expected form (${schema.pattern})`);
    }
  }
  if (typeof value === 'number') {
    const { minimum, maximum, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
    if (minimum !== undefined && (exMin === true ? value <= minimum : value < minimum))
      return invalid(where, `should be ${exMin === true ? 'more than' : 'at least'} ${minimum}`);
    if (maximum !== undefined && (exMax === true ? value >= maximum : value > maximum))
      return invalid(where, `should be ${exMax === true ? 'less than' : 'at most'} ${maximum}`);
    if (typeof exMin === 'number' && value <= exMin) return invalid(where, `should be more than ${exMin}`);
    if (typeof exMax === 'number' && value >= exMax) return invalid(where, `should be less than ${exMax}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      return invalid(where, `should hold at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      return invalid(where, `should hold at most ${schema.maxItems} items`);
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size < value.length)
      return invalid(where, 'should not repeat an item');
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        const problem = problemWith(schema.items, value[i], `${where}[${i}]`);
        if (problem) return problem;
      }
    }
  }
  if (isObject(value)) {
    const problem = objectProblem(schema, value, where);
    if (problem) return problem;
  }
  if (schema.anyOf) return variantsProblem(schema.anyOf, value, where);
  return undefined;
}

function objectProblem(schema: Schema, value: Record<string, unknown>, where: string): Problem | undefined {
  for (const key of schema.required ?? []) if (value[key] === undefined) return missing(join(where, key));
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (schema.minProperties !== undefined && keys.length < schema.minProperties)
    return invalid(where, `should have at least ${schema.minProperties} field${schema.minProperties === 1 ? '' : 's'}`);
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties)
    return invalid(where, `should have at most ${schema.maxProperties} fields`);
  for (const key of keys) {
    const known = schema.properties?.[key];
    const child = known ?? (schema.additionalProperties === false ? undefined : schema.additionalProperties);
    if (!known && schema.additionalProperties === false)
      return invalid(join(where, key), 'is not a field Brevo accepts here');
    if (child) {
      const problem = problemWith(child, value[key], join(where, key));
      if (problem) return problem;
    }
  }
  return undefined;
}

/** anyOf: fits when one variant fits; otherwise the problem of the variant that got furthest. */
function variantsProblem(variants: Schema[], value: unknown, where: string): Problem | undefined {
  const problems: Problem[] = [];
  for (const variant of variants) {
    const problem = problemWith(variant, value, where);
    if (!problem) return undefined;
    problems.push(problem);
  }
  // The variant whose problem lies deepest matched the value furthest; on a tie, the first.
  const depth = (p: Problem) => p.field.split(/[.[]/).length;
  return problems.reduce((best, p) => (depth(p) > depth(best) ? p : best));
}

/** A parameter's text as the type its schema says ("12" → 12 for an integer), or a problem. */
function fromText(schema: Schema, text: string, where: string): { value: unknown } | Problem {
  if (!schema.type && schema.anyOf) {
    // string|integer (a contact identifier): text that reads as a later variant's type becomes it.
    const results = schema.anyOf.map((v) => fromText(v, text, where));
    return results.find((r, i) => !('code' in r) && !problemWith(schema.anyOf![i]!, r.value, where)) ?? results[0]!;
  }
  const type = schema.type;
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(text.trim())
        ? { value: Number(text) }
        : invalid(where, `should be an integer, got "${text}"`);
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text))
        ? { value: Number(text) }
        : invalid(where, `should be a number, got "${text}"`);
    case 'boolean':
      return text === 'true' || text === 'false'
        ? { value: text === 'true' }
        : invalid(where, `should be true or false, got "${text}"`);
    case 'object':
    case 'array':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return invalid(where, `should be ${A[type]} in JSON`);
      }
    default:
      return { value: text };
  }
}

/** One query parameter's values (repeated keys or comma-separated) as its schema's type. */
function queryValue(schema: Schema, values: string[], where: string): { value: unknown } | Problem {
  if (schema.type !== 'array') return fromText(schema, values[0]!, where);
  const items = values.flatMap((v) => v.split(',')).filter((v) => v !== '');
  const out: unknown[] = [];
  for (const item of items) {
    const converted = fromText(schema.items ?? {}, item, where);
    if ('code' in converted) return converted;
    out.push(converted.value);
  }
  return { value: out };
}

const fail = (problem: Problem) => new SandboxError(400, problem.code, problem.message);

export interface CheckedRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

/**
 * Throws Brevo's 400 when the request does not fit the operation's definition. Returns the body
 * to hand to the handler: the JSON as sent, or a multipart body's fields typed by the definition
 * (a file part stays an UploadedFile).
 */
export function checkRequest(spec: OperationSpec | undefined, req: CheckedRequest): unknown {
  if (!spec) return req.body;
  for (const [name, schema] of Object.entries(spec.path ?? {})) {
    const text = req.params[name] ?? '';
    const converted = fromText(schema, text, name);
    if ('code' in converted) throw fail(converted);
    const problem = problemWith(schema, converted.value, name);
    if (problem) throw fail(problem);
  }
  for (const [name, schema, required] of spec.query ?? []) {
    const values = req.query.getAll(name).filter((v) => v !== '' || schema.type === 'string');
    if (!values.length) {
      if (required) throw fail(missing(name));
      continue;
    }
    const converted = queryValue(schema, values, name);
    if ('code' in converted) throw fail(converted);
    const problem = problemWith(schema, converted.value, name);
    if (problem) throw fail(problem);
  }
  const body = spec.body;
  if (!body) return req.body;
  if (req.body === undefined) {
    if (!body.required) return undefined;
    const firstRequired = body.anyOf.find((v) => v.required?.length)?.required?.[0];
    throw fail(
      firstRequired
        ? missing(firstRequired)
        : { code: 'missing_parameter', field: '', message: 'The request body is missing' },
    );
  }
  let value = req.body;
  if (body.type === 'form' && isObject(value)) value = typedForm(body.anyOf[0] ?? {}, value);
  const problem = variantsProblem(body.anyOf, value, '');
  if (problem) throw fail(problem);
  return value;
}

/** Multipart fields arrive as text: each becomes the type its property says (files stay files). */
function typedForm(schema: Schema, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(fields)) {
    const property = schema.properties?.[key];
    if (typeof raw !== 'string' || !property || property.format === 'binary') {
      out[key] = raw;
      continue;
    }
    const converted = fromText(property, raw, key);
    if ('code' in converted) throw fail(converted);
    out[key] = converted.value;
  }
  return out;
}
