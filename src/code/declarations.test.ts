// TypeScript declarations for code mode's search, from the catalog's JSON Schema and the answer types.
import { describe, expect, it } from 'vitest';
import { readManifest } from '../tools/manifest.js';
import { declarationOf, effectOf, typeOfSchema } from './declarations.js';

const entry = (name: string) => readManifest().find((t) => t.name === name)!;

describe('typeOfSchema', () => {
  it('prints JSON Schema as TypeScript: unions, enums, arrays, maps and optional fields', () => {
    expect(typeOfSchema({ type: 'integer' })).toBe('number');
    expect(typeOfSchema({ enum: ['asc', 'desc'] })).toBe('"asc" | "desc"');
    expect(typeOfSchema({ const: 'x' })).toBe('"x"');
    expect(typeOfSchema({ type: 'array', items: { type: 'string' } })).toBe('string[]');
    expect(typeOfSchema({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } })).toBe(
      'Array<string | number>',
    );
    expect(typeOfSchema({ type: 'object' })).toBe('Record<string, unknown>');
    expect(typeOfSchema({ type: 'object', additionalProperties: { type: 'boolean' } })).toBe('Record<string, boolean>');
    expect(typeOfSchema({ type: ['string', 'null'] })).toBe('string | null');
    expect(
      typeOfSchema({
        type: 'object',
        properties: { email: { type: 'string' }, 'x-key': { type: 'number', description: 'A */ sneaky note' } },
        required: ['email'],
      }),
    ).toBe('{ email: string; /** A *\\/ sneaky note */ "x-key"?: number }');
    expect(typeOfSchema(undefined)).toBe('unknown');
  });
});

describe('declarationOf', () => {
  it('declares an operation as a brevo method: notes as JSDoc, required and optional fields, the answer type', () => {
    const text = declarationOf(entry('get_contacts_from_list'));
    expect(text.split('\n')).toEqual([
      `/** ${entry('get_contacts_from_list').description} (read-only) */`,
      'get_contacts_from_list(args: {',
      '  listId: number;',
      '  modifiedSince?: string;',
      '  /** 0..500 */ limit?: number;',
      '  offset?: number;',
      '  sort?: "asc" | "desc";',
      expect.stringMatching(
        /^\}\): Promise<\{ contacts: \{ email\?: string; id: number; .*\}\[\]; count: number \}>;$/,
      ),
    ]);
  });

  it('makes args optional when nothing is required, and says what kind of call it is', () => {
    expect(declarationOf(entry('get_account'))).toMatch(
      /^\/\*\* .* \(read-only\) \*\/\nget_account\(args\?: \{\}\): Promise<\{ email: string; /,
    );
    expect(effectOf(entry('create_list'))).toBe('write');
    expect(effectOf(entry('delete_list'))).toBe('destructive write');
    expect(effectOf(entry('send_transac_email'))).toBe('destructive write');
    expect(declarationOf(entry('delete_list'))).toMatch(/\): Promise<\{ ok: true; status: number \}>;$/);
  });

  it('declares every operation of the catalog as valid-looking TypeScript', () => {
    for (const e of readManifest()) {
      const text = declarationOf(e);
      expect(text, e.name).toMatch(new RegExp(`^/\\*\\* [^\\n]* \\*/\\n${e.name}\\(args\\??: \\{`));
      expect(text.endsWith('>;'), e.name).toBe(true);
      // Braces and angle brackets balance (nothing cut or doubled).
      const open = (text.match(/[{<]/g) ?? []).length;
      const close = (text.match(/[}>]/g) ?? []).length - (text.match(/=>/g) ?? []).length;
      expect(open, e.name).toBe(close);
    }
  });
});
