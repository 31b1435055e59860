// The MCP Bundle (.mcpb) as Claude Desktop gets it: `npm run bundle` in a clean clone, the file
// unpacked by the official mcpb CLI, and the server started from the manifest the way a desktop
// host starts it: the manifest's command, args and env, with the user's settings substituted by
// @anthropic-ai/mcpb's own getMcpConfigForManifest (the code hosts use), then driven through
// the SDK Client over stdio.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { getMcpConfigForManifest, hasRequiredConfigMissing, type McpbManifestAny } from '@anthropic-ai/mcpb';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOOLSETS } from '../src/registry.js';
import { readManifest } from '../src/tools/manifest.js';
import { cleanClone, npmEnv, ROOT } from './support/clean-clone.js';
import { textOf } from './support/mcp.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const MCPB_CLI = join(ROOT, 'node_modules', '@anthropic-ai', 'mcpb', 'dist', 'cli', 'cli.js');
const catalog = readManifest();

describe('the MCP Bundle', () => {
  let work: string;
  let clone: string;
  let installed: string;
  let manifest: McpbManifestAny;
  let bundleOutput = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'brevo-mcp-bundle-'));
    clone = await cleanClone(join(work, 'clone'));
    const built = await run('npm', ['run', 'bundle'], { cwd: clone, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
    bundleOutput = built.stdout;
    installed = join(work, 'installed');
    await run(process.execPath, [
      MCPB_CLI,
      'unpack',
      join(clone, 'build', `${pkg.name}-${pkg.version}.mcpb`),
      installed,
    ]);
    manifest = JSON.parse(readFileSync(join(installed, 'manifest.json'), 'utf8')) as McpbManifestAny;
  }, 240_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /** Starts the unpacked bundle as a host would, with these settings filled in. */
  async function startFromManifest(userConfig: Record<string, string | boolean>) {
    const config = await getMcpConfigForManifest({
      manifest,
      extensionPath: installed,
      systemDirs: { HOME: work, DESKTOP: work, DOCUMENTS: work, DOWNLOADS: work },
      userConfig,
      pathSeparator: sep,
    });
    expect(config).toBeDefined();
    let stderr = '';
    const transport = new StdioClientTransport({
      command: config!.command,
      args: config!.args ?? [],
      env: { PATH: process.env.PATH ?? '', ...config!.env },
      cwd: work,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const client = new Client({ name: 'brevo-mcp-bundle-test', version: '1.0.0' });
    await client.connect(transport);
    return { client, config: config!, stderr: () => stderr };
  }

  it('is built by npm run bundle, and its manifest passes mcpb validate', async () => {
    expect(bundleOutput).toMatch(/bundle: build\/brevo-mcp-[\d.]+\.mcpb, \d+ kB, 292 tools, sha256 [0-9a-f]{64}/);
    const { stdout } = await run(process.execPath, [MCPB_CLI, 'validate', join(installed, 'manifest.json')]);
    expect(stdout).toContain('Manifest schema validation passes');
    expect(existsSync(join(installed, 'icon.png'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules', '@modelcontextprotocol', 'server'))).toBe(true);
    // The v1 SDK is the tests' 2025-11-25 client only.
    expect(existsSync(join(installed, 'node_modules', '@modelcontextprotocol', 'sdk')), 'no dev dependency').toBe(
      false,
    );
    expect(existsSync(join(installed, 'node_modules', 'typescript')), 'no dev dependency').toBe(false);
  });

  it("writes build/server.json: the registry entry with this file's SHA-256", () => {
    const file = readFileSync(join(clone, 'build', `${pkg.name}-${pkg.version}.mcpb`));
    const server = JSON.parse(readFileSync(join(clone, 'build', 'server.json'), 'utf8')) as {
      packages: Array<{ registryType: string; identifier: string; fileSha256?: string }>;
    };
    const entry = server.packages.find((p) => p.registryType === 'mcpb')!;
    expect(entry.identifier.endsWith(`/${pkg.name}-${pkg.version}.mcpb`)).toBe(true);
    expect(entry.fileSha256).toBe(createHash('sha256').update(file).digest('hex'));
    const committed = JSON.parse(readFileSync(join(ROOT, 'server.json'), 'utf8')) as typeof server;
    expect({ ...server, packages: server.packages.map(({ fileSha256: _, ...p }) => p) }).toEqual(committed);
  });

  it('names this version, lists the catalog, and keeps the key a sensitive setting passed in the environment', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.tools?.map((t) => t.name)).toEqual(catalog.map((t) => t.name));
    expect(manifest.user_config?.brevo_api_key).toMatchObject({ type: 'string', sensitive: true });
    expect(Object.keys(manifest.user_config ?? {}).sort()).toEqual(
      ['brevo_api_key', 'confirm', 'read_only', 'sandbox', 'toolsets'].sort(),
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's own substitution syntax, not a template
    expect(manifest.server.mcp_config.env?.BREVO_API_KEY).toBe('${user_config.brevo_api_key}');
    expect(JSON.stringify(manifest.server.mcp_config.args)).not.toContain('user_config');
    // Nothing is required: the sandbox runs without a key, so a host starts it with no settings.
    expect(hasRequiredConfigMissing({ manifest, userConfig: {} })).toBe(false);
  });

  it('serves the default profile against the sandbox when the sandbox setting is on', async () => {
    const { client, config } = await startFromManifest({ sandbox: true });
    try {
      expect(config.env).toMatchObject({ BREVO_SANDBOX: 'true', BREVO_API_KEY: '', BREVO_TOOLSETS: '' });
      expect(client.getServerVersion()).toMatchObject({ name: 'brevo-mcp', version: pkg.version });
      const { tools } = await client.listTools();
      const expected = catalog.filter((t) => DEFAULT_TOOLSETS.includes(t.toolset)).map((t) => t.name);
      // The server's default: the meta-tools that reach every operation, then the common toolsets.
      const meta = ['search_tools', 'describe_tool', 'call_tool', 'enable_toolset'];
      expect(tools.map((t) => t.name)).toEqual([...meta, ...expected]);
      const account = await client.callTool({ name: 'get_account', arguments: {} });
      expect(account.isError).toBeFalsy();
      expect(textOf(account)).toContain('Demo Shop');
    } finally {
      await client.close();
    }
  });

  it('applies the toolsets and read-only settings', async () => {
    const { client } = await startFromManifest({ sandbox: true, toolsets: 'crm,email_campaigns', read_only: true });
    try {
      const { tools } = await client.listTools();
      const expected = catalog
        .filter((t) => ['crm', 'email_campaigns'].includes(t.toolset) && t.annotations.readOnlyHint)
        .map((t) => t.name);
      expect(expected.length).toBeGreaterThan(10);
      expect(tools.map((t) => t.name)).toEqual(expected);
      const campaigns = await client.callTool({ name: 'get_email_campaigns', arguments: {} });
      expect(campaigns.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it('without a key and without the sandbox, stops at start-up saying what to set', async () => {
    const config = await getMcpConfigForManifest({
      manifest,
      extensionPath: installed,
      systemDirs: {},
      userConfig: {},
      pathSeparator: sep,
    });
    const result = await run(config!.command, config!.args ?? [], {
      env: { PATH: process.env.PATH ?? '', ...config!.env },
      cwd: work,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in result && result.code).toBeTruthy();
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/BREVO_API_KEY/);
  });
});
