// The npm package as a user gets it. The sources are copied as a fresh clone has them (no dist/),
// `npm pack` builds dist/ through prepack, the tarball is installed into an empty folder with
// its runtime dependencies only, and the installed bin is run from there: --list-tools, then a
// stdio session against --sandbox through the SDK Client.
//
// Dependencies come from the npm registry through npm's cache (--prefer-offline): in CI,
// `npm ci` has just filled it, so the install reads the cache and the registry is asked only
// for what is missing. Nothing of this checkout (dist/, node_modules/) is visible to the
// installed copy: it lives under the system temp folder.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_TOOLSETS } from '../src/registry.js';
import { readManifest } from '../src/tools/manifest.js';
import { VIEWS } from '../src/views/index.js';
import { skillCatalog } from '../src/skills/catalog.js';
import { textOf } from './support/mcp.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string; size: number }>;
}

/**
 * The environment for a nested npm: this one's, without what an enclosing `npm test` exported
 * about itself (its package, lifecycle and prefixes), which would point npm back at this checkout.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_globalconfig']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())),
  );
}

const npm = (args: string[], cwd: string) => run('npm', args, { cwd, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });

describe('the npm package', () => {
  let work: string;
  let packed: PackResult;
  let app: string;
  let bin: string;

  /** A client of the installed bin over stdio, as an MCP host starts it; connect with `transport`. */
  const installed = (args: string[], options?: ConstructorParameters<typeof Client>[1]) => {
    let output = '';
    const transport = new StdioClientTransport({
      command: bin,
      args,
      cwd: work,
      env: { PATH: process.env.PATH ?? '' },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const client = new Client({ name: 'brevo-mcp-pack-test', version: '1.0.0' }, options);
    return { client, transport, stderr: () => output };
  };
  const timings: string[] = [];
  const timed = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await step();
    timings.push(`${label} ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return value;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'brevo-mcp-pack-'));

    // A clean clone: the files git knows (tracked, or new and not ignored), without dist/.
    const clone = join(work, 'clone');
    const { stdout: listed } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const files = listed.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
    mkdirSync(clone);
    await run('tar', ['-cf', join(work, 'clone.tar'), '-C', ROOT, ...files], { maxBuffer: 16 * 1024 * 1024 });
    await run('tar', ['-xf', join(work, 'clone.tar'), '-C', clone]);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    // Building needs the dev dependencies a clone gets from `npm ci`: borrow this checkout's.
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

    const { stdout } = await timed('pack', () => npm(['pack', '--json', '--pack-destination', work], clone));
    packed = (JSON.parse(stdout) as PackResult[])[0]!;

    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'brevo-mcp-pack-test', private: true }));
    await timed('install', () =>
      npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)], app),
    );
    bin = join(app, 'node_modules', '.bin', 'brevo-mcp');
  }, 120_000);

  afterAll(() => {
    if (packed)
      console.log(
        `npm pack: ${packed.filename}, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ` +
          `${packed.entryCount} files; ${timings.join(', ')}`,
      );
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(
    'holds dist, the catalog, the sandbox and discovery data, README, LICENSE and package.json, ' + 'and nothing else',
    () => {
      const paths = packed.files.map((f) => f.path);
      const views = VIEWS.map((v) => `dist/views/html/${v.id}.html`);
      // Skill files the server reads at run time (generated prompt steps live in memory, not on disk).
      const skills = skillCatalog().flatMap((s) =>
        s.files.filter((f) => !f.path.startsWith('prompts/')).map((f) => `dist/skills/${s.name}/${f.path}`),
      );
      const data = [
        'catalog/tools.json',
        'src/sandbox/requests.json',
        'src/code/answer-types.json',
        'src/discovery/weights.json',
        'src/discovery/lang/fr/language.json',
        'src/discovery/lang/de/vocabulary.txt',
        'src/discovery/lang/en/vocabulary.txt',
        'src/discovery/lang/en/words.json',
      ];
      // Each language's data files, read by the discovery engine on its first search (English's word classes are
      // words.json, listed above).
      const languageData = /^src\/discovery\/lang\/[a-z]{2}\/(language\.json|vocabulary\.txt)$/;
      for (const needed of [
        'package.json',
        'README.md',
        'LICENSE',
        ...data,
        pkg.bin['brevo-mcp']!,
        'dist/sandbox/server.js',
        'dist/tools/contacts.js',
        'dist/code/worker.js',
        ...views,
        ...skills,
      ]) {
        expect(paths).toContain(needed);
      }
      const stray = paths.filter(
        (p) =>
          !p.startsWith('dist/') &&
          !languageData.test(p) &&
          !['package.json', 'README.md', 'LICENSE', ...data].includes(p),
      );
      expect(stray).toEqual([]);
      expect(paths.filter((p) => /\.test\.|\.ts$|\.map$/.test(p))).toEqual([]);
      expect(packed.size).toBeLessThan(1024 * 1024);
    },
  );

  it('installs an executable bin with a node shebang, and no dev dependency', () => {
    const cli = join(app, 'node_modules', pkg.name, pkg.bin['brevo-mcp']!);
    expect(readFileSync(cli, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(cli).mode & 0o111).not.toBe(0);
    expect(existsSync(bin)).toBe(true);
    // A dev dependency may be there only because a runtime dependency needs it too (ajv, by the SDK).
    const tree = JSON.parse(readFileSync(join(app, 'node_modules', '.package-lock.json'), 'utf8')) as {
      packages: Record<
        string,
        {
          dependencies?: Record<string, string>;
          optionalDependencies?: Record<string, string>;
          peerDependencies?: Record<string, string>;
        }
      >;
    };
    const needed = new Set(
      Object.entries(tree.packages).flatMap(([, p]) =>
        Object.keys({ ...p.dependencies, ...p.optionalDependencies, ...p.peerDependencies }),
      ),
    );
    const devOnly = Object.keys(pkg.devDependencies).filter((d) => !needed.has(d));
    expect(devOnly).toContain('typescript');
    expect(devOnly.filter((d) => existsSync(join(app, 'node_modules', d)))).toEqual([]);
  });

  it('runs: --version and --list-tools from the installed bin', async () => {
    const version = await run(bin, ['--version'], { cwd: work, env: { PATH: process.env.PATH ?? '' } });
    expect(version.stdout.trim()).toBe(pkg.version);
    const list = await run(bin, ['--list-tools'], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const tools = JSON.parse(list.stdout) as Array<{ name: string }>;
    expect(tools).toHaveLength(292);
    expect(tools.map((t) => t.name)).toEqual(readManifest().map((t) => t.name));
  });

  it('serves a stdio session against --sandbox: initialize, tools/list, a call', async () => {
    const { client, transport, stderr } = installed(['--sandbox']);
    try {
      await client.connect(transport);
      expect(client.getServerVersion()).toMatchObject({ name: 'brevo-mcp', version: pkg.version });
      const { tools } = await client.listTools();
      const expected = readManifest().filter((t) => DEFAULT_TOOLSETS.includes(t.toolset));
      // The default: the meta-tools that reach every operation, then the common toolsets' tools.
      const meta = ['search_tools', 'describe_tool', 'call_tool', 'enable_toolset'];
      expect(tools.map((t) => t.name)).toEqual([...meta, ...expected.map((t) => t.name)]);
      // Every emulated request is first checked against requests.json: without it this fails too.
      const result = await client.callTool({ name: 'get_account', arguments: {} });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(JSON.parse(textOf(result))).toMatchObject({ companyName: 'Demo Shop' });
      // Inbound email has real state in the emulator (no canned answer is shipped any more).
      const inbound = await client.callTool({ name: 'get_inbound_email_events', arguments: {} });
      expect(inbound.isError, textOf(inbound)).toBeFalsy();
      expect(JSON.parse(textOf(inbound))).toHaveProperty('events');
      expect(stderr()).toMatch(/sandbox mode/);
    } finally {
      await client.close();
    }
  });

  it(
    'serves code mode from the installed package: search (answer types) and execute (engine, type ' + 'stripper)',
    async () => {
      const { client, transport } = installed(['--sandbox', '--code']);
      try {
        await client.connect(transport);
        const found = textOf(await client.callTool({ name: 'search', arguments: { query: 'get_account' } }));
        expect(found).toMatch(/get_account\(args\?: \{\}\): Promise<\{ email: string;/);
        const ran = await client.callTool({
          name: 'execute',
          arguments: { code: 'const a: { companyName: string } = await brevo.get_account(); return a.companyName;' },
        });
        expect(ran.isError, textOf(ran)).toBeFalsy();
        expect(textOf(ran)).toBe('"Demo Shop"');
      } finally {
        await client.close();
      }
    },
  );

  it('serves its views to an MCP Apps client, built into the package by prepack', async () => {
    const { client, transport } = installed(['--sandbox', '--toolsets', 'all'], {
      capabilities: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } } },
    });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(
        tools
          .filter((t) => t._meta)
          .map((t) => t.name)
          .sort(),
      ).toEqual(VIEWS.map((v) => v.tool).sort());
      for (const view of VIEWS) {
        const { contents } = await client.readResource({ uri: view.uri });
        expect(contents[0], view.id).toMatchObject({
          mimeType: 'text/html;profile=mcp-app',
          text: expect.stringMatching(/^<!doctype html>[\s\S]*<\/html>\n$/),
        });
      }
    } finally {
      await client.close();
    }
  });

  it('serves its skills to a client that announces the extension, each file as listed', async () => {
    const { client, transport } = installed(['--sandbox', '--toolsets', 'all'], {
      capabilities: { extensions: { 'io.modelcontextprotocol/skills': {} } },
    });
    try {
      await client.connect(transport);
      const listed = (await client.request({ method: 'skills/list', params: {} }, z.looseObject({}))) as {
        skills: Array<{ uri: string; resources: Array<{ uri: string; size: number }> }>;
      };
      const shipped = skillCatalog();
      expect(listed.skills.map((s) => s.uri)).toEqual(shipped.map((s) => s.uri));
      for (const skill of listed.skills)
        for (const resource of skill.resources) {
          const { contents } = await client.readResource({ uri: resource.uri });
          expect(Buffer.byteLength((contents[0] as { text: string }).text), resource.uri).toBe(resource.size);
        }
    } finally {
      await client.close();
    }
  });
});
