// The command line as a user meets it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { BIN } from './support/mcp.js';

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('brevo-mcp command', () => {
  it('--list-tools prints every catalog tool with its route, without a key', async () => {
    const { code, stdout } = await cli(['--list-tools']);
    expect(code).toBe(0);
    const tools = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(tools.map((t) => t.name)).toEqual(readManifest().map((t) => t.name));
    expect(tools.find((t) => t.name === 'get_contact_info')).toEqual({
      name: 'get_contact_info',
      method: 'GET',
      path: '/contacts/{identifier}',
      toolset: 'contacts',
      readOnly: true,
      destructive: false,
    });
  });

  it('--list-tools honours a selection', async () => {
    const { stdout } = await cli(['--list-tools', '--toolsets', 'account']);
    const tools = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(tools.map((t) => t.name)).toEqual(readManifest().filter((t) => t.toolset === 'account').map((t) => t.name));
    expect(tools[0]).toEqual({ name: 'get_account', method: 'GET', path: '/account', toolset: 'account', readOnly: true, destructive: false });
  });

  it('refuses to serve without BREVO_API_KEY, with one clear line', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/BREVO_API_KEY/);
  });

  it('--help documents every flag and --version prints the version', async () => {
    const help = await cli(['--help']);
    for (const flag of ['--transport', '--port', '--host', '--toolsets', '--tools', '--exclude-tools', '--read-only', '--list-tools', '--version', 'BREVO_API_KEY', 'BREVO_API_URL',
      '--auth-token', 'MCP_AUTH_TOKEN', '--allowed-origins', 'BREVO_MCP_ALLOWED_ORIGINS', '--allowed-hosts', 'BREVO_MCP_ALLOWED_HOSTS',
      '--max-body-bytes', 'BREVO_MCP_MAX_BODY_BYTES', '--max-sessions', 'BREVO_MCP_MAX_SESSIONS', '--session-idle-ms', 'BREVO_MCP_SESSION_IDLE_MS',
      '--stateless', 'BREVO_MCP_STATELESS', '--shutdown-grace-ms', 'BREVO_MCP_SHUTDOWN_GRACE_MS', '--allow-client-keys', 'BREVO_MCP_ALLOW_CLIENT_KEYS']) {
      expect(help.stdout).toContain(flag);
    }
    const version = await cli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects an unknown flag or toolset with a clear message', async () => {
    const flag = await cli(['--frobnicate']);
    expect(flag.code).not.toBe(0);
    expect(flag.stderr).toMatch(/frobnicate/);
    const toolset = await cli(['--list-tools', '--toolsets', 'contcts']);
    expect(toolset.code).not.toBe(0);
    expect(toolset.stderr).toMatch(/unknown toolset contcts/);
  });

  it('documents every flag and environment variable it reads, in --help and in README.md', async () => {
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const flags = [...source.matchAll(/^\s+'?([a-z-]+)'?: \{ type: /gm)].map((m) => `--${m[1]}`);
    const vars = [...new Set([...source.matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]!))];
    expect(flags.length).toBeGreaterThan(20);
    const help = (await cli(['--help'])).stdout;
    expect(flags.filter((f) => !help.includes(f) || !readme.includes(`\`${f}`))).toEqual([]);
    expect(vars.filter((v) => !help.includes(v) || !readme.includes(v))).toEqual([]);
  });
});
