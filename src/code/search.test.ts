// Code mode's search: the discovery engine's matches as TypeScript declarations, compact.
import { describe, expect, it } from 'vitest';
import { createDiscovery } from '../discovery/index.js';
import { readManifest } from '../tools/manifest.js';
import { declarationOf } from './declarations.js';
import { search } from './search.js';

const manifest = readManifest();
const entries = new Map(manifest.map((e) => [e.name, e]));
const discovery = createDiscovery(manifest);
const text = (args: unknown) => {
  const result = search(args, discovery, entries);
  return { text: (result.content[0] as { text: string }).text, isError: result.isError };
};
const declared = (out: string) => [...out.matchAll(/^(\w+)\(args/gm)].map((m) => m[1]);

describe('code mode search', () => {
  it('an exact name comes first and in full, the other matches only by name', () => {
    for (const name of ['get_contact_info', 'delete_list', 'send_transac_email', 'get_account']) {
      const out = text({ query: name }).text;
      expect(declared(out)).toEqual([name]);
      expect(out).toContain(declarationOf(entries.get(name)!));
    }
  });

  it('several names give each declaration, in the order asked', () => {
    const out = text({ query: 'get_lists, create_list get_folders' }).text;
    expect(declared(out)).toEqual(['get_lists', 'create_list', 'get_folders']);
    expect(out.startsWith('// brevo methods:\n')).toBe(true);
  });

  it('words give the best match in full, a close second too, and name the rest with their effect', () => {
    const out = text({ query: 'add contacts to a list' }).text;
    expect(declared(out)[0]).toBe('add_contact_to_list');
    expect(declared(out).length).toBeLessThanOrEqual(2);
    expect(out).toMatch(/^\/\/ \d+ matches, best 5; brevo methods:\n/);
    expect(out).toMatch(
      /\n\/\/ Also \(search names for their declarations\): \w+ \((read-only|write|destructive write)\)/,
    );
    expect(declared(text({ query: 'add contacts to a list', limit: 1 }).text)).toEqual(['add_contact_to_list']);
  });

  it('finds only what the session may use', () => {
    const readOnly = manifest.filter((e) => e.annotations.readOnlyHint);
    const only = search(
      { query: 'delete a contact list' },
      createDiscovery(readOnly),
      new Map(readOnly.map((e) => [e.name, e])),
    );
    expect((only.content[0] as { text: string }).text).not.toMatch(/delete_list\(/);
    expect(
      search({ query: 'delete_list' }, createDiscovery(readOnly), new Map(readOnly.map((e) => [e.name, e]))).content[0],
    ).not.toMatchObject({ text: expect.stringContaining('delete_list(args') });
  });

  it('rejects a missing query or a bad limit by name', () => {
    expect(text({})).toEqual({
      isError: true,
      text: 'Invalid arguments for search: query: expected words or an operation name',
    });
    expect(text({ query: 'x', limit: 0 }).text).toMatch(
      /^Invalid arguments for search: limit: expected a whole number from 1 to 20$/,
    );
    expect(text({ query: 'x', limit: '3' }).isError).toBe(true);
  });
});
