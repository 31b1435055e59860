// The committed catalog files must match the catalog code: catalog/tools.json is what the server
// lists (and the snapshot reviewers read), docs/TOOLS.md is the reference people read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderToolsDoc } from '../scripts/lib/tools-doc.mjs';
import { loadCatalog, toolsets } from '../src/tools/index.js';
import { manifestEntry, manifestText, manifestUrl } from '../src/tools/manifest.js';

const STALE = 'stale: run `npm run catalog` and commit the result';

describe('catalog', async () => {
  const ops = await loadCatalog();

  it(`catalog/tools.json is up to date (${STALE})`, () => {
    expect(readFileSync(manifestUrl, 'utf8')).toBe(manifestText(ops));
  });

  it(`docs/TOOLS.md is up to date (${STALE})`, () => {
    const summaries = Object.entries(toolsets).map(([name, info]) => ({ name, summary: info.summary }));
    expect(readFileSync(new URL('../docs/TOOLS.md', import.meta.url), 'utf8')).toBe(
      renderToolsDoc(summaries, ops.map(manifestEntry)),
    );
  });

  it('has unique tool names, each with a title and a description', () => {
    const names = ops.map((op) => op.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const op of ops) {
      expect(op.title, op.name).toMatch(/\S/);
      expect(op.description, op.name).toMatch(/\S/);
    }
  });

  it('declares every {placeholder} of a path as a path parameter, and nothing else', () => {
    for (const op of ops) {
      const placeholders = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(Object.keys(op.pathParams ?? {}).sort(), op.name).toEqual(placeholders.sort());
    }
  });

  it('never has a field in two places (path, query, body)', () => {
    for (const op of ops) {
      const fields = [
        ...Object.keys(op.pathParams ?? {}),
        ...Object.keys(op.query ?? {}),
        ...Object.keys(op.body ?? {}),
      ];
      expect(
        fields.filter((f, i) => fields.indexOf(f) !== i),
        op.name,
      ).toEqual([]);
    }
  });

  it('uses only property names every client accepts', () => {
    const walk = (schema: unknown, where: string): void => {
      if (!schema || typeof schema !== 'object') return;
      const props = (schema as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [name, child] of Object.entries(props)) {
        expect(name, where).toMatch(/^[a-zA-Z0-9_.-]{1,64}$/);
        walk(child, `${where}.${name}`);
      }
      walk((schema as { items?: unknown }).items, where);
    };
    for (const op of ops) walk(manifestEntry(op).inputSchema, op.name);
  });
});
