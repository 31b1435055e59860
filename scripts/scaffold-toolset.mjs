#!/usr/bin/env node
// Development aid: prints catalog entries (TypeScript) for contract operations, with zod
// schemas transcribed from Brevo's official definition in ../shared/reference. Titles and
// descriptions are left for a person to write in the project's own words; the contract test
// (test/contract.test.ts) keeps hand-edited entries exact afterwards.
//
//   node scripts/scaffold-toolset.mjs send_transac_email get_contacts ...
//   node scripts/scaffold-toolset.mjs --tag "Sales CRM"        (every row whose tag starts so)
import { contractRows, referenceOperation, sharedAvailable } from './lib/reference.mjs';

if (!sharedAvailable()) {
  console.error('scaffold-toolset: ../shared is not here; it reads the reference definitions from there.');
  process.exit(1);
}

const args = process.argv.slice(2);
const rows = contractRows();
const wanted =
  args[0] === '--tag' ? rows.filter((r) => r.tag.startsWith(args[1])) : rows.filter((r) => args.includes(r.tool));

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k) => (IDENT.test(k) ? k : JSON.stringify(k));
/** Property names tools may use: clients such as Claude accept only [a-zA-Z0-9_.-]. */
export const toolFieldName = (apiName) =>
  apiName
    .replace(/\[\]$/, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/_+$/, '');

function zodOf(s, indent) {
  if (!s || typeof s !== 'object') return 'z.unknown()';
  let out;
  const variants = s.oneOf ?? s.anyOf;
  if (variants) out = `z.union([${variants.map((v) => zodOf(v, indent)).join(', ')}])`;
  else if (s.enum) {
    const values = s.enum.filter((v) => v !== null);
    out = values.every((v) => typeof v === 'string')
      ? `z.enum([${values.map((v) => JSON.stringify(v)).join(', ')}])`
      : `z.union([${values.map((v) => `z.literal(${JSON.stringify(v)})`).join(', ')}])`;
  } else {
    const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
    switch (type) {
      case 'string': {
        const byFormat = {
          email: 'z.email()',
          date: 'z.iso.date()',
          'date-time': 'z.iso.datetime({ offset: true })',
          datetime: 'z.iso.datetime({ offset: true })',
          uuid: 'z.guid()',
          uuidv4: 'z.guid()',
          url: 'z.url()',
          uri: 'z.url()',
          byte: 'z.base64()',
        };
        out = byFormat[s.format] ?? 'z.string()';
        if (s.minLength !== undefined) out += `.min(${s.minLength})`;
        if (s.maxLength !== undefined) out += `.max(${s.maxLength})`;
        if (s.pattern && !byFormat[s.format]) out += `.regex(/${s.pattern}/)`;
        break;
      }
      case 'integer':
        out = 'z.int()';
        break;
      case 'number':
        out = s.format === 'int64' || s.format === 'integer' ? 'z.int()' : 'z.number()';
        break;
      case 'boolean':
        out = 'z.boolean()';
        break;
      case 'array':
        out = `z.array(${zodOf(s.items, indent)})`;
        if (s.minItems !== undefined) out += `.min(${s.minItems})`;
        if (s.maxItems !== undefined) out += `.max(${s.maxItems})`;
        break;
      case 'object': {
        const props = Object.entries(s.properties ?? {});
        if (props.length === 0) {
          const values =
            typeof s.additionalProperties === 'object' && Object.keys(s.additionalProperties).length
              ? zodOf(s.additionalProperties, indent)
              : 'z.unknown()';
          out = `z.record(z.string(), ${values})`;
        } else {
          const req = new Set(s.required ?? []);
          const inner = props
            .map(([k, v]) => `${indent}  ${key(k)}: ${field(v, req.has(k), `${indent}  `)},`)
            .join('\n');
          out = `z.strictObject({\n${inner}\n${indent}})`;
        }
        break;
      }
      default:
        out = 'z.unknown()';
    }
    if (type === 'integer' || type === 'number') {
      if (s.minimum !== undefined) out += `.min(${s.minimum})`;
      if (s.maximum !== undefined) out += `.max(${s.maximum})`;
    }
  }
  if (s.nullable) out += '.nullable()';
  return out;
}

const field = (schema, required, indent) => zodOf(schema, indent) + (required ? '' : '.optional()');

function shapeOf(params, indent, wireNames) {
  return params
    .map((p) => {
      const name = toolFieldName(p.name);
      if (name !== p.name) wireNames[name] = p.name;
      return `${indent}${key(name)}: ${field(p.schema, p.required, indent)},`;
    })
    .join('\n');
}

function entry(row) {
  const ref = referenceOperation(row);
  const lines = [
    '  op({',
    `    name: '${row.tool}',`,
    `    title: '',`,
    `    description: '',`,
    `    method: '${row.method}',`,
    `    path: '${row.path}',`,
  ];
  if (!ref) return [...lines, `    host: 'tracker',`, '  }),'].join('\n');
  const wireNames = {};
  if (ref.pathParams.length) lines.push(`    pathParams: {\n${shapeOf(ref.pathParams, '      ', wireNames)}\n    },`);
  if (ref.query.length) lines.push(`    query: {\n${shapeOf(ref.query, '      ', wireNames)}\n    },`);
  if (ref.body) {
    const variants = ref.body.variants;
    const objectBody = variants.every((v) => v.type === 'object' || v.properties);
    if (objectBody) {
      // Several variants (oneOf): merge their fields; a field is required only if every variant requires it.
      const props = {};
      for (const v of variants) Object.assign(props, v.properties);
      const required = Object.keys(props).filter((k) => variants.every((v) => (v.required ?? []).includes(k)));
      const params = Object.entries(props).map(([name, schema]) => ({
        name,
        schema,
        required: required.includes(name),
      }));
      lines.push(`    body: {\n${shapeOf(params, '      ', wireNames)}\n    },`);
      if (variants.length > 1) {
        const distinct = variants.map((v) =>
          Object.keys(v.properties ?? {}).find((k) => variants.every((o) => o === v || !(k in (o.properties ?? {})))),
        );
        // Exactly one when each variant requires its own field; otherwise (no field required) at most one.
        const required = variants.every((v, i) => (v.required ?? []).includes(distinct[i]));
        lines.push(`    ${required ? 'exactlyOneOf' : 'atMostOneOf'}: [${distinct.map((k) => `'${k}'`).join(', ')}],`);
      }
      if (ref.body.contentType === 'multipart/form-data')
        lines.push(`    multipart: { fileField: 'file', fileNameField: 'fileName' },`);
    } else {
      lines.push(`    rawBody: ${zodOf(variants.length > 1 ? { oneOf: variants } : variants[0], '    ')},`);
    }
  }
  const csv = ref.query.filter((p) => p.csv).map((p) => `'${toolFieldName(p.name)}'`);
  if (csv.length) lines.push(`    csvQuery: [${csv.join(', ')}],`);
  if (Object.keys(wireNames).length) lines.push(`    wireNames: ${JSON.stringify(wireNames)},`);
  lines.push('  }),');
  return lines.join('\n');
}

console.log(wanted.map(entry).join('\n'));
