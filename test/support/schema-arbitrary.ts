// fast-check arbitraries from the JSON Schema a tool lists: values that fit the schema (formats
// included), so property tests reach the request path, not only validation.
import type { Json } from './json.js';
import fc from 'fast-check';

type Schema = Record<string, Json>;

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const formats: Record<string, fc.Arbitrary<string>> = {
  email: fc.tuple(word, word).map(([a, b]) => `${a}@${b}.example`),
  date: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc
    .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  uuid: fc.uuid(),
  uri: fc.webUrl(),
  url: fc.webUrl(),
};

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format && formats[schema.format]) return formats[schema.format]!;
  if (schema.format === 'uuidv4') return fc.uuid({ version: 4 });
  if (schema.format === 'datetime') return formats['date-time']!;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.contentEncoding === 'base64' || schema.format === 'byte') return fc.base64String({ maxLength: 40 });
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 24, 24));
  return fc.string({ minLength: min, maxLength: max });
}

export function arbitraryFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0)
    return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  if (schema.nullable) return fc.option(arbitraryFor({ ...schema, nullable: false }, depth), { nil: null, freq: 5 });
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v: Schema) => arbitraryFor(v, depth)));
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string');
  switch (type === 'number' && /int/.test(schema.format ?? '') ? 'integer' : type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbitraryFor(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    default: {
      if (!schema.properties) {
        const values =
          typeof schema.additionalProperties === 'object' && Object.keys(schema.additionalProperties).length
            ? arbitraryFor(schema.additionalProperties, depth + 1)
            : fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
        return fc.dictionary(word, values, { minKeys: schema.minProperties ?? 0, maxKeys: 3 });
      }
      const required = new Set<string>((schema.required ?? []).filter((k: string) => k in schema.properties));
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(schema.properties as Record<string, Schema>)) {
        if (depth > 3 && !required.has(key)) continue;
        model[key] = arbitraryFor(child, depth + 1);
      }
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
    }
  }
}
