// The view declarations: read-only tools only, one source per view, and _meta.ui and ui:// resources only for a client
// that announced MCP Apps.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../tools/manifest.js';
import { APPS_EXTENSION, clientRendersViews, SessionViews, VIEW_MIME_TYPE, viewHtmlUrl, VIEWS } from './index.js';

const manifest = new Map(readManifest().map((t) => [t.name, t]));
const APPS = { extensions: { [APPS_EXTENSION]: { mimeTypes: [VIEW_MIME_TYPE] } } };
const tool = (name: string): Tool => ({ name, inputSchema: { type: 'object' } });

describe('view definitions', () => {
  it('show and call read-only catalog tools only', () => {
    for (const view of VIEWS) {
      for (const name of [view.tool, ...view.reads]) {
        expect(manifest.get(name)?.annotations.readOnlyHint, `${view.id}: ${name}`).toBe(true);
      }
      // A view re-reads its own tool for another period or page.
      expect(view.reads, view.id).toContain(view.tool);
    }
  });

  it('have unique ui:// addresses, one view per tool, and a source file each', () => {
    expect(new Set(VIEWS.map((v) => v.uri)).size).toBe(VIEWS.length);
    expect(new Set(VIEWS.map((v) => v.tool)).size).toBe(VIEWS.length);
    for (const view of VIEWS) {
      expect(view.uri).toMatch(/^ui:\/\/brevo\/[a-z-]+\.html$/);
      expect(existsSync(new URL(`./app/${view.id}.ts`, import.meta.url)), view.id).toBe(true);
    }
  });
});

describe('docs/views.md', () => {
  const readme = readFileSync(new URL('../../docs/views.md', import.meta.url), 'utf8');
  it('lists every view with its tool, the tools it may call and its built size', () => {
    for (const view of VIEWS) {
      // Tables are padded to column width: compare with the padding taken out.
      const row = readme
        .split('\n')
        .map((line) => line.replace(/ +\|/g, ' |'))
        .find((line) => line.startsWith(`| \`${view.uri}\` | \`${view.tool}\` |`));
      expect(row, view.uri).toBeDefined();
      const calls = row!.split(' | ')[3]!;
      for (const name of view.reads) expect(calls, `${view.id} calls ${name}`).toContain(`\`${name}\``);
      const [, kB, gzipKB] = (/\| (\d+) kB \((\d+) kB gzip\) \|$/.exec(row!) ?? []).map(Number);
      // Within 2 kB of what the build makes (npm run build prints the sizes).
      const html = readFileSync(viewHtmlUrl(view));
      expect(Math.abs(kB! - html.length / 1024), `${view.id}: docs/views.md says ${kB} kB`).toBeLessThanOrEqual(2);
      expect(
        Math.abs(gzipKB! - gzipSync(html).length / 1024),
        `${view.id}: docs/views.md says ${gzipKB} kB gzip`,
      ).toBeLessThanOrEqual(1);
      expect(readme, view.id).toContain(`(images/views/${view.id}-light.png)`);
      expect(existsSync(new URL(`../../docs/images/views/${view.id}-light.png`, import.meta.url)), view.id).toBe(true);
    }
  });
});

describe('clientRendersViews', () => {
  it('needs the extension announced with the HTML profile', () => {
    expect(clientRendersViews(APPS)).toBe(true);
    expect(clientRendersViews({ extensions: { [APPS_EXTENSION]: { mimeTypes: ['text/html', VIEW_MIME_TYPE] } } })).toBe(
      true,
    );
    expect(clientRendersViews(undefined)).toBe(false);
    expect(clientRendersViews({})).toBe(false);
    expect(clientRendersViews({ extensions: { [APPS_EXTENSION]: {} } })).toBe(false);
    expect(clientRendersViews({ extensions: { [APPS_EXTENSION]: { mimeTypes: ['text/html'] } } })).toBe(false);
    expect(clientRendersViews({ extensions: { 'io.example/other': { mimeTypes: [VIEW_MIME_TYPE] } } })).toBe(false);
  });
});

describe('SessionViews', () => {
  // The HTML is built by `npm run build`, which vitest's global setup runs.
  it('finds every view built', () => {
    for (const view of VIEWS) expect(existsSync(viewHtmlUrl(view)), view.id).toBe(true);
  });
  const listed = [tool('get_account'), ...VIEWS.map((v) => tool(v.tool))];

  it('changes nothing for a client without MCP Apps: the same tool array, no resources', () => {
    const views = new SessionViews(() => true);
    expect(views.annotate(listed, {})).toBe(listed);
    expect(views.resources({})).toEqual([]);
  });

  it('names each view on its tool for an Apps client, in both forms hosts read', () => {
    const views = new SessionViews(() => true);
    const out = views.annotate(listed, APPS);
    expect(out[0]).toBe(listed[0]);
    for (const view of VIEWS) {
      expect(out.find((t) => t.name === view.tool)?._meta).toEqual({
        ui: { resourceUri: view.uri },
        'ui/resourceUri': view.uri,
      });
    }
    // Built once per listed array, and the shared listing itself is left untouched.
    expect(views.annotate(listed, APPS)).toBe(out);
    expect(listed.every((t) => t._meta === undefined)).toBe(true);
    expect(views.resources(APPS).map((r) => [r.uri, r.mimeType])).toEqual(VIEWS.map((v) => [v.uri, VIEW_MIME_TYPE]));
  });

  it('lists only the views of tools the session offers', () => {
    const views = new SessionViews((name) => name === 'get_lists');
    expect(views.resources(APPS).map((r) => r.uri)).toEqual(['ui://brevo/contact-lists-health.html']);
    expect(
      views
        .annotate(listed, APPS)
        .filter((t) => t._meta)
        .map((t) => t.name),
    ).toEqual(['get_lists']);
  });

  it('serves a view as one self-contained HTML document with its policy', () => {
    const views = new SessionViews(() => true);
    for (const view of VIEWS) {
      const { contents } = views.read(view.uri);
      expect(contents).toHaveLength(1);
      const content = contents[0] as { uri: string; mimeType: string; text: string; _meta: unknown };
      expect(content).toMatchObject({
        uri: view.uri,
        mimeType: VIEW_MIME_TYPE,
        _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } },
      });
      expect(content.text.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
      // Nothing comes from elsewhere: no external script, style sheet, import, font or frame.
      expect(content.text).not.toMatch(
        /<script[^>]+src=|<link\b|@import|url\(\s*['"]?(https?:)?\/\/|<iframe|@font-face/i,
      );
      expect(content.text).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; /,
      );
    }
    expect(() => views.read('ui://brevo/nothing.html')).toThrow('Resource not found: ui://brevo/nothing.html');
  });

  it('is told apart from brevo:// resources by its scheme', () => {
    const views = new SessionViews(() => true);
    expect(views.owns('ui://brevo/deal-pipeline.html')).toBe(true);
    expect(views.owns('brevo://lists')).toBe(false);
  });
});
