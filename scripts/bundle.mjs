#!/usr/bin/env node
// npm run bundle: builds build/brevo-mcp-<version>.mcpb, the MCP Bundle a desktop host (Claude
// Desktop) installs in one click. The npm package's own files (npm pack, which builds a clean
// dist/) plus its runtime dependencies from the lockfile, with mcpb/manifest.json filled in
// (version, the catalog's tools) and mcpb/icon.png, packed and validated by the official
// @anthropic-ai/mcpb CLI. Also writes build/server.json: server.json with the bundle's SHA-256,
// the form the MCP registry takes it in.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, 'build');
const STAGE = join(BUILD, 'mcpb');
const MCPB_CLI = join(ROOT, 'node_modules', '@anthropic-ai', 'mcpb', 'dist', 'cli', 'cli.js');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = readJson(join(ROOT, 'package.json'));
const bundleName = `${pkg.name}-${pkg.version}.mcpb`;

// A nested npm must not inherit what an enclosing `npm run` exported about this package.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(?!config_cache$)/i.test(k)));
const npm = (args, cwd) =>
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });

rmSync(BUILD, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });

// 1. The files of the npm package, exactly: prepack builds a clean dist/ first.
const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', BUILD], ROOT));
execFileSync('tar', ['-xzf', join(BUILD, packed.filename), '-C', STAGE, '--strip-components=1']);
rmSync(join(BUILD, packed.filename));

// 2. Its runtime dependencies, at the lockfile's versions; no install scripts run.
copyFileSync(join(ROOT, 'package-lock.json'), join(STAGE, 'package-lock.json'));
npm(['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], STAGE);
rmSync(join(STAGE, 'package-lock.json'));

// 3. The manifest: the template, this version, and every tool of the catalog with its first sentence.
const manifest = readJson(join(ROOT, 'mcpb', 'manifest.json'));
manifest.version = pkg.version;
manifest.tools = readJson(join(ROOT, 'catalog', 'tools.json')).tools.map((tool) => ({
  name: tool.name,
  description: tool.description.split(/(?<=\.)\s/)[0],
}));
writeFileSync(join(STAGE, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(ROOT, 'mcpb', 'icon.png'), join(STAGE, 'icon.png'));

// 4. Pack with the official CLI (it validates the manifest first and fails on an invalid one).
const output = join(BUILD, bundleName);
execFileSync(process.execPath, [MCPB_CLI, 'pack', STAGE, output], { stdio: ['ignore', 'ignore', 'inherit'] });

// 5. The registry's entry for this file.
const sha256 = createHash('sha256').update(readFileSync(output)).digest('hex');
const server = readJson(join(ROOT, 'server.json'));
const entry = server.packages.find((p) => p.registryType === 'mcpb');
if (!entry) throw new Error('server.json has no mcpb package');
entry.fileSha256 = sha256;
writeFileSync(join(BUILD, 'server.json'), `${JSON.stringify(server, null, 2)}\n`);

const kB = (n) => `${Math.round(n / 1024)} kB`;
console.log(
  `bundle: build/${bundleName}, ${kB(statSync(output).size)}, ${manifest.tools.length} tools, sha256 ${sha256}`,
);
console.log('bundle: build/server.json lists it for the MCP registry (upload the file to the URL it names first)');
