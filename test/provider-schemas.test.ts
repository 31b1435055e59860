// Clients hand each tool's inputSchema to the model provider as it is, and a provider that
// rejects one definition can fail the whole session. What tools/list serves, in every mode, keeps
// to what OpenAI, Anthropic and Gemini all accept (see src/tools/json-schema.ts).
import type { Json } from './support/json.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, textOf } from './support/mcp.js';

/** JSON Schema's own formats (draft 2020-12); anything else is a private word a provider may refuse. */
const STANDARD_FORMATS = new Set([
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'idn-email',
  'hostname',
  'idn-hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'iri',
  'iri-reference',
  'uuid',
  'uri-template',
  'json-pointer',
  'relative-json-pointer',
  'regex',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** Every problem of one schema node (a property, an item, a branch), with where it is. */
function problems(schema: unknown, where: string): string[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema))
    return [`${where}: not a schema object (${JSON.stringify(schema)})`];
  const node = schema as Record<string, unknown>;
  const found: string[] = [];
  const branches = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (branches) {
    if (node.type !== undefined) found.push(`${where}: type beside anyOf/oneOf`);
    branches.forEach((branch, i) => {
      found.push(...problems(branch, `${where}|${i}`));
    });
    return found;
  }
  if (typeof node.type !== 'string') found.push(`${where}: no single type (${JSON.stringify(node).slice(0, 80)})`);
  else if (!TYPES.has(node.type)) found.push(`${where}: unknown type ${node.type}`);
  if (Array.isArray(node.enum)) {
    if (node.type === 'boolean' || node.enum.some((v) => typeof v === 'boolean')) found.push(`${where}: boolean enum`);
    const fits = (v: unknown) =>
      node.type === 'string'
        ? typeof v === 'string'
        : node.type === 'integer'
          ? Number.isInteger(v)
          : typeof v === 'number';
    if (!node.enum.every(fits)) found.push(`${where}: enum values that are not ${String(node.type)}`);
  }
  if (node.format !== undefined && !STANDARD_FORMATS.has(String(node.format)))
    found.push(`${where}: non-standard format ${String(node.format)}`);
  for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, unknown>))
    found.push(...problems(child, `${where}.${name}`));
  if (node.items !== undefined) found.push(...problems(node.items, `${where}[]`));
  if (node.additionalProperties && typeof node.additionalProperties === 'object')
    found.push(...problems(node.additionalProperties, `${where}{*}`));
  return found;
}

const problemsOf = (tools: Tool[]) => tools.flatMap((t) => problems(t.inputSchema, t.name));

describe('tool definitions every model provider accepts', () => {
  const modes: Array<[string, string[]]> = [
    ['all toolsets', ['--toolsets', 'all']],
    ['the default profile', []],
    ['read-only', ['--toolsets', 'all', '--read-only']],
    ['dynamic', ['--dynamic']],
  ];

  for (const [mode, args] of modes) {
    it(`types every property, enum and format in ${mode}`, async () => {
      const conn = await connectStdio({ args });
      try {
        const { tools } = await conn.client.listTools();
        expect(tools.length).toBeGreaterThan(3);
        expect(problemsOf(tools)).toEqual([]);
      } finally {
        await conn.close();
      }
    });
  }

  it('does so in dynamic mode for what describe_tool and enable_toolset show', async () => {
    const conn = await connectStdio({ args: ['--dynamic'] });
    try {
      const described = JSON.parse(
        textOf(await conn.client.callTool({ name: 'describe_tool', arguments: { name: 'invite_user' } })),
      );
      expect(problems(described.inputSchema, 'invite_user')).toEqual([]);
      expect(described.inputSchema.properties.all_features_access).toEqual({ type: 'boolean' });
      await conn.client.callTool({ name: 'enable_toolset', arguments: { toolset: 'crm' } });
      const { tools } = await conn.client.listTools();
      expect(tools.some((t) => t.name === 'upload_file')).toBe(true);
      expect(problemsOf(tools)).toEqual([]);
    } finally {
      await conn.close();
    }
  });

  it('says base64 with contentEncoding, and a boolean enum as a boolean', async () => {
    const conn = await connectStdio({ args: ['--toolsets', 'all'] });
    try {
      const { tools } = await conn.client.listTools();
      const schema = (name: string) =>
        tools.find((t) => t.name === name)!.inputSchema as { properties: Record<string, Json> };
      expect(schema('upload_file').properties.file).toEqual({ type: 'string', contentEncoding: 'base64' });
      expect(schema('send_transac_email').properties.attachment.items.properties.content).toEqual({
        type: 'string',
        contentEncoding: 'base64',
      });
      expect(schema('get_email_campaigns').properties.excludeHtmlContent).toEqual({ type: 'boolean' });
      expect(schema('get_email_campaigns').properties.status).toMatchObject({
        type: 'string',
        enum: expect.arrayContaining(['draft', 'sent']),
      });
    } finally {
      await conn.close();
    }
  });
});

describe('null where Brevo gives it a meaning', () => {
  let fake: FakeBrevo;
  beforeAll(async () => (fake = await FakeBrevo.start()));
  afterAll(async () => fake?.close());

  it('is an anyOf branch of type null, and a null sent reaches Brevo as null', async () => {
    const conn = await connectStdio({ apiUrl: fake.url, args: ['--toolsets', 'coupons'] });
    try {
      const { tools } = await conn.client.listTools();
      const { properties } = tools.find((t) => t.name === 'update_coupon_collection')!.inputSchema as {
        properties: Record<string, Json>;
      };
      for (const field of ['expirationDate', 'remainingDaysAlert', 'remainingCouponsAlert']) {
        expect(properties[field].anyOf, field).toContainEqual({ type: 'null' });
        expect(properties[field].type, field).toBeUndefined();
      }
      const id = '23befbae-1505-47a8-bd27-e30ef739f32c';
      fake.route('PATCH', `/couponCollections/${id}`, { json: { id } });
      const result = await conn.client.callTool({
        name: 'update_coupon_collection',
        arguments: { id, expirationDate: null, remainingDaysAlert: null, remainingCouponsAlert: null },
      });
      expect(result.isError).toBeFalsy();
      expect(fake.last().json).toEqual({ expirationDate: null, remainingDaysAlert: null, remainingCouponsAlert: null });
    } finally {
      await conn.close();
    }
  });
});
