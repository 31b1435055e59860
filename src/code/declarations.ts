// TypeScript declarations of operations as `brevo` methods, for code mode's search.
import { readFileSync } from 'node:fs';
import type { ToolEntry } from '../tools/manifest.js';

type Schema = Record<string, unknown>;

export const answerTypesUrl = new URL('../../src/code/answer-types.json', import.meta.url);

let answerTypes: Record<string, string> | undefined;

/** The answer type of an operation (loaded on first use: code mode's search only). */
export function answerTypeOf(name: string): string {
  answerTypes ??= JSON.parse(readFileSync(answerTypesUrl, 'utf8')) as Record<string, string>;
  return answerTypes[name] ?? 'unknown';
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENT.test(name) ? name : JSON.stringify(name));
/** Comment text that cannot close the comment it sits in. */
const commentSafe = (text: string) => text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();

/** What a schema's keywords say that its type cannot: description, format, bounds, default. */
function notes(schema: Schema): string {
  const out: string[] = [];
  if (typeof schema.description === 'string') out.push(schema.description);
  if (typeof schema.format === 'string') out.push(schema.format);
  const { minimum, maximum, minLength, maxLength, minItems, maxItems } = schema as Record<string, number | undefined>;
  if (minimum !== undefined || maximum !== undefined) out.push(`${minimum ?? ''}..${maximum ?? ''}`);
  if (minLength !== undefined || maxLength !== undefined) out.push(`length ${minLength ?? 0}..${maxLength ?? ''}`);
  if (minItems !== undefined || maxItems !== undefined) out.push(`${minItems ?? 0}..${maxItems ?? ''} items`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return commentSafe(out.join('; '));
}

/** The TypeScript type of a JSON Schema; nested fields carry only their descriptions. */
export function typeOfSchema(schema: Schema | undefined): string {
  if (!schema || typeof schema !== 'object') return 'unknown';
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants?.length) {
    const parts = [...new Set(variants.map(typeOfSchema))];
    return parts.map((p) => (p.includes(' | ') && !p.startsWith('{') ? `(${p})` : p)).join(' | ');
  }
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) {
    const values = schema.enum as unknown[];
    if (values.length === 2 && values.includes(true) && values.includes(false)) return 'boolean';
    return values.map((v) => JSON.stringify(v)).join(' | ');
  }
  const type = schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  if (Array.isArray(type)) return type.map((t) => typeOfSchema({ ...schema, type: t })).join(' | ');
  switch (type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = typeOfSchema(schema.items as Schema | undefined);
      return /[ |]/.test(item) && !/^\{.*\}$/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    case 'object': {
      const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
      if (!props.length) {
        const extra = schema.additionalProperties;
        return `Record<string, ${extra && typeof extra === 'object' ? typeOfSchema(extra as Schema) : 'unknown'}>`;
      }
      const required = new Set((schema.required ?? []) as string[]);
      const fields = props.map(([name, sub]) => {
        const doc = typeof sub.description === 'string' ? `/** ${commentSafe(sub.description)} */ ` : '';
        return `${doc}${key(name)}${required.has(name) ? '' : '?'}: ${typeOfSchema(sub)}`;
      });
      return `{ ${fields.join('; ')} }`;
    }
    default:
      return 'unknown';
  }
}

/** What kind of call it is, in the words of the issue a person would check. */
export function effectOf(entry: ToolEntry): string {
  if (entry.annotations.readOnlyHint) return 'read-only';
  return entry.annotations.destructiveHint ? 'destructive write' : 'write';
}

/** The argument list: one field per line, each with its JSDoc notes. */
function argumentsOf(entry: ToolEntry): string {
  const schema = entry.inputSchema as Schema;
  const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
  if (!props.length) return 'args?: {}';
  const required = new Set((schema.required ?? []) as string[]);
  const lines = props.map(([name, sub]) => {
    const note = notes(sub);
    return `  ${note ? `/** ${note} */ ` : ''}${key(name)}${required.has(name) ? '' : '?'}: ${typeOfSchema({ ...sub, description: undefined })};`;
  });
  return `args${required.size ? '' : '?'}: {\n${lines.join('\n')}\n}`;
}

/** One operation as a method of `brevo`, with its description, effect and answer type. */
export function declarationOf(entry: ToolEntry): string {
  return (
    `/** ${commentSafe(entry.description)} (${effectOf(entry)}) */\n${entry.name}(${argumentsOf(entry)}): ` +
    `Promise<${answerTypeOf(entry.name)}>;`
  );
}
