// The command line as a user meets it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { BIN } from './support/mcp.js';
import { OPTIONS } from '../src/options.js';

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
    expect(tools.map((t) => t.name)).toEqual(
      readManifest()
        .filter((t) => t.toolset === 'account')
        .map((t) => t.name),
    );
    expect(tools[0]).toEqual({
      name: 'get_account',
      method: 'GET',
      path: '/account',
      toolset: 'account',
      readOnly: true,
      destructive: false,
    });
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
    for (const flag of [
      '--transport',
      '--port',
      '--host',
      '--toolsets',
      '--tools',
      '--exclude-tools',
      '--read-only',
      '--list-tools',
      '--version',
      'BREVO_API_KEY',
      'BREVO_API_URL',
      '--auth-token',
      'MCP_AUTH_TOKEN',
      '--allowed-origins',
      'BREVO_MCP_ALLOWED_ORIGINS',
      '--allowed-hosts',
      'BREVO_MCP_ALLOWED_HOSTS',
      '--max-body-bytes',
      'BREVO_MCP_MAX_BODY_BYTES',
      '--max-sessions',
      'BREVO_MCP_MAX_SESSIONS',
      '--session-idle-ms',
      'BREVO_MCP_SESSION_IDLE_MS',
      '--stateless',
      'BREVO_MCP_STATELESS',
      '--shutdown-grace-ms',
      'BREVO_MCP_SHUTDOWN_GRACE_MS',
      '--allow-client-keys',
      'BREVO_MCP_ALLOW_CLIENT_KEYS',
    ]) {
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

  it('OAuth options that cannot work together stop the start with one clear line', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [
        ['--oauth-issuer', 'https://id.example.com', '--auth-token', 'x'.repeat(32)],
        {},
        /--oauth-issuer and --auth-token \(MCP_AUTH_TOKEN\) are two ways/,
      ],
      [['--oauth-issuer', 'https://id.example.com'], { MCP_AUTH_TOKEN: 'x'.repeat(32) }, /choose one/],
      [['--public-url', 'https://mcp.example.com/mcp'], {}, /give --oauth-issuer with it/],
      [
        ['--oauth-issuer', 'https://id.example.com', '--host', '0.0.0.0'],
        {},
        /--oauth-issuer needs --public-url .* when listening on 0\.0\.0\.0/,
      ],
      [['--oauth-issuer', 'http://id.example.com'], {}, /--oauth-issuer: "http:\/\/id\.example\.com" must use https/],
      [
        ['--oauth-issuer', 'https://id.example.com', '--public-url', 'https://mcp.example.com/mcp#x'],
        {},
        /must not have a #fragment/,
      ],
      [
        ['--oauth-issuer', 'https://id.example.com'],
        { BREVO_MCP_OAUTH_CLIENT_ID: 'brevo-mcp' },
        /BREVO_MCP_OAUTH_CLIENT_ID and BREVO_MCP_OAUTH_CLIENT_SECRET go together/,
      ],
      [
        ['--oauth-issuer', 'https://id.example.com'],
        { BREVO_MCP_OAUTH_ALGORITHMS: 'RS256,none,HS256' },
        /none, HS256 not allowed/,
      ],
      [['--oauth-issuer', 'https://id.example.com'], { BREVO_MCP_OAUTH_READ_SCOPE: 'brevo:write' }, /must differ/],
      [
        ['--oauth-issuer', 'https://id.example.com'],
        { BREVO_MCP_OAUTH_WRITE_SCOPE: 'brevo write' },
        /one scope name without spaces/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const { code, stdout, stderr } = await cli(['--transport', 'http', '--sandbox', ...args], env);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(stderr).not.toContain('x'.repeat(32));
    }
    const stdio = await cli(['--oauth-issuer', 'https://id.example.com', '--sandbox']);
    expect(stdio.stderr).toMatch(/--oauth-issuer applies to --transport http/);
  });

  it('documents every flag and environment variable it reads, in --help and in docs/configuration.md', async () => {
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../docs/configuration.md', import.meta.url), 'utf8');
    // Every option is declared once, in src/options.ts.
    const flags = Object.keys(OPTIONS).map((name) => `--${name}`);
    const vars = [...new Set([...source.matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]!))];
    expect(flags.length).toBeGreaterThan(20);
    const help = (await cli(['--help'])).stdout;
    expect(flags.filter((f) => !help.includes(f) || !readme.includes(`\`${f}`))).toEqual([]);
    expect(vars.filter((v) => !help.includes(v) || !readme.includes(v))).toEqual([]);
  });
});
