#!/usr/bin/env node
// Builds each MCP Apps view (src/views/app/<id>.ts) into one self-contained HTML file in
// dist/views/html/: script, styles and the chart library inline, nothing loaded from the network.
// Runs after tsc (`npm run build`), since the view list comes from dist/views/definitions.js.
// It first type-checks the view sources (a DOM program, outside the server's tsconfig) and checks
// that every tool a view shows or calls is read-only in the catalog.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { VIEWS } = await import('../dist/views/definitions.js');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const quiet = process.argv.includes('--quiet');

try {
  execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)),
      '-p',
      'src/views/app/tsconfig.json',
    ],
    { cwd: root, stdio: 'inherit' },
  );
} catch {
  console.error('build-views: the view sources do not type-check (errors above)');
  process.exit(1);
}

const tools = new Map(
  JSON.parse(readFileSync(new URL('../catalog/tools.json', import.meta.url), 'utf8')).tools.map((t) => [t.name, t]),
);
const problems = VIEWS.flatMap((v) =>
  [v.tool, ...v.reads]
    .filter((name) => !tools.get(name)?.annotations.readOnlyHint)
    .map((name) => `view ${v.id}: ${name} is ${tools.has(name) ? 'not read-only' : 'not in the catalog'}`),
);
if (problems.length) {
  console.error(`build-views: ${problems.join('; ')}`);
  process.exit(1);
}

const outDir = new URL('../dist/views/html/', import.meta.url);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const rows = [];
for (const view of VIEWS) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../src/views/app/${view.id}.ts`, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome105', 'firefox110', 'safari16'],
    write: false,
    outdir: 'out',
    legalComments: 'none',
    define: { BREVO_MCP_VERSION: JSON.stringify(version) },
    logLevel: 'error',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js')).text.replace(/<\/(script)/gi, '<\\/$1');
  const css = (result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '').replace(/<\/(style)/gi, '<\\/$1');
  // Also enforced by the view itself, whatever the host does: only this exact script runs, and
  // nothing is fetched, framed or submitted. Inline style attributes are Chartist's sizes.
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(js)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    `<main id="view" aria-busy="true"><h1>${escapeHtml(view.title)}</h1><p class="status" role="status">Waiting ` +
      `for the tool’s answer…</p></main>`,
    `<script>${js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  writeFileSync(new URL(`${view.id}.html`, outDir), html);
  rows.push([view.id, Buffer.byteLength(html), gzipSync(html).length]);
}
if (!quiet) {
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  // stderr: stdout belongs to whatever runs the build (npm pack --json prints its report there).
  console.error(`views: ${rows.map(([id, size, gz]) => `${id} ${kb(size)} (${kb(gz)} gzip)`).join(', ')}`);
}
