// A first run from the command line, as a new user meets it: every mistake gets one line naming
// it and the fix, never a stack trace; a server started at a terminal says it is ready.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readManifest } from '../src/tools/manifest.js';
import { BIN, connectHttp, startHttpServer, TEST_KEY } from './support/mcp.js';
import { RawStdio } from './support/raw-stdio.js';

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 15_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

/** Exactly one line on stderr, no stack trace, a failing exit code; the line. */
function oneLineFailure(outcome: { code: number; stdout: string; stderr: string }): string {
  expect(outcome.code).not.toBe(0);
  expect(outcome.stdout).toBe('');
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  const lines = outcome.stderr.trim().split('\n');
  expect(lines, outcome.stderr).toHaveLength(1);
  return lines[0]!;
}

/** Starts the stdio server, waits for its ready line, stops it; everything it wrote to stderr. */
async function stdioStartLines(env: Record<string, string>, args: string[] = []): Promise<string[]> {
  const peer = new RawStdio(env, args);
  try {
    await vi.waitFor(() => expect(peer.stderr).toMatch(/ready: /), { timeout: 10_000 });
    return peer.stderr.trim().split('\n');
  } finally {
    await peer.stop();
  }
}

describe('HTTP port and address problems', () => {
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('a port in use: one line naming it and the fix', async () => {
    const line = oneLineFailure(
      await cli(['--transport', 'http', '--port', String(port)], { BREVO_API_KEY: TEST_KEY }),
    );
    expect(line).toBe(
      `brevo-mcp: port ${port} on 127.0.0.1 is already in use (by another server, perhaps another ` +
        `brevo-mcp); choose another with --port N, or --port 0 for a free one (the port chosen is ` +
        `printed)`,
    );
  });

  it('a port in use with --sandbox: the same line, and the process ends', async () => {
    const outcome = await cli(['--sandbox', '--transport', 'http', '--port', String(port)]);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toMatch(new RegExp(`brevo-mcp: port ${port} on 127.0.0.1 is already in use`));
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it('an address this machine does not have: one line naming it and the fix', async () => {
    const line = oneLineFailure(
      await cli(['--transport', 'http', '--host', '192.0.2.1', '--auth-token', 'a-long-enough-test-token-0123456789'], {
        BREVO_API_KEY: TEST_KEY,
      }),
    );
    expect(line).toBe(
      'brevo-mcp: address 192.0.2.1 is not available on this machine; bind one of its own addresses ' +
        'with --host (127.0.0.1 for this machine only)',
    );
  });

  it('a port out of range, from the flag or the environment: a range error', async () => {
    expect(oneLineFailure(await cli(['--transport', 'http', '--port', '65536'], { BREVO_API_KEY: TEST_KEY }))).toBe(
      'brevo-mcp: --port must be a port from 0 to 65535 (0 picks a free one), got "65536" (see --help)',
    );
    expect(
      oneLineFailure(await cli(['--transport', 'http'], { BREVO_API_KEY: TEST_KEY, BREVO_MCP_PORT: '70000' })),
    ).toBe('brevo-mcp: BREVO_MCP_PORT must be a port from 0 to 65535 (0 picks a free one), got "70000" (see --help)');
  });

  it(
    '--port 0 picks a free port and prints it; HTTP clients name toolsets in any case, and get ' + 'suggestions',
    async () => {
      const server = await startHttpServer();
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
        expect(server.url).not.toMatch(/:0\//);
        const conn = await connectHttp(`${server.url}?toolsets=Account`);
        const { tools } = await conn.client.listTools();
        expect(tools.map((t) => t.name)).toEqual(
          readManifest()
            .filter((t) => t.toolset === 'account')
            .map((t) => t.name),
        );
        await conn.close();
        await expect(connectHttp(`${server.url}?toolsets=contcts`)).rejects.toThrow(
          /unknown toolset contcts; did you mean contacts\?/,
        );
      } finally {
        await server.stop();
      }
    },
  );
});

describe('naming tools and toolsets', () => {
  it('an unknown tool: one hint and the nearest name', async () => {
    expect(oneLineFailure(await cli(['--list-tools', '--tools', 'get_acount']))).toBe(
      'brevo-mcp: unknown tool get_acount; did you mean get_account? (see --list-tools)',
    );
    expect(oneLineFailure(await cli(['--exclude-tools', 'get_lsits,frobnicate'], { BREVO_API_KEY: TEST_KEY }))).toBe(
      'brevo-mcp: unknown tools get_lsits, frobnicate; did you mean get_lists (for get_lsits)? (see --list-tools)',
    );
  });

  it('an unknown toolset: the nearest name, and every name including all', async () => {
    const line = oneLineFailure(await cli(['--list-tools', '--toolsets', 'contcts']));
    expect(line).toMatch(
      /^brevo-mcp: unknown toolset contcts; did you mean contacts\? \(known toolsets: all, transactional_email, /,
    );
    expect(line).not.toMatch(/see --help/);
  });

  it('toolset names in any case', async () => {
    const { code, stdout } = await cli(['--list-tools', '--toolsets', 'CRM,Account']);
    expect(code).toBe(0);
    const expected = readManifest()
      .filter((t) => t.toolset === 'crm' || t.toolset === 'account')
      .map((t) => t.name);
    expect((JSON.parse(stdout) as Array<{ name: string }>).map((t) => t.name).sort()).toEqual(expected.sort());
    expect(JSON.parse((await cli(['--list-tools', '--toolsets', 'ALL'])).stdout)).toHaveLength(readManifest().length);
  });

  it('--toolsets "" is an error; an empty BREVO_TOOLSETS means unset', async () => {
    expect(oneLineFailure(await cli(['--list-tools', '--toolsets', '']))).toBe(
      'brevo-mcp: --toolsets needs at least one toolset name (or all); leave it out for the default (see --help)',
    );
    expect(oneLineFailure(await cli(['--list-tools', '--tools', ' , ']))).toMatch(
      /--tools needs at least one tool name/,
    );
    const lines = await stdioStartLines({ BREVO_API_KEY: TEST_KEY, BREVO_TOOLSETS: '' });
    expect(lines).toEqual([
      expect.stringMatching(/ready: serving 58 tools and 4 meta-tools reaching all 292 operations over stdio/),
    ]);
  });
});

describe('starting over stdio', () => {
  it('says in one stderr line that it is ready, how many tools, and that it waits for a client', async () => {
    expect(await stdioStartLines({ BREVO_API_KEY: TEST_KEY })).toEqual([
      'brevo-mcp info: ready: serving 58 tools and 4 meta-tools reaching all 292 operations over ' +
        'stdio; waiting for an MCP client on stdin (clients start this command themselves; Ctrl+C ' +
        'quits)',
    ]);
    expect(await stdioStartLines({ BREVO_API_KEY: TEST_KEY }, ['--dynamic'])).toEqual([
      expect.stringMatching(
        /ready: serving 4 meta-tools reaching 292 operations over stdio; waiting for an MCP client on stdin/,
      ),
    ]);
  });

  it('warns about HTTP-only flags, which do nothing over stdio', async () => {
    const lines = await stdioStartLines({ BREVO_API_KEY: TEST_KEY }, [
      '--port',
      '4000',
      '--auth-token',
      'x'.repeat(20),
      '--stateless',
    ]);
    expect(lines[0]).toBe(
      'brevo-mcp warn: --port, --auth-token, --stateless apply only with --transport http; ignored over stdio',
    );
    expect(lines).toHaveLength(2);
  });

  it('in the sandbox, says BREVO_API_KEY is ignored only when one is set', async () => {
    const without = await stdioStartLines({}, ['--sandbox']);
    expect(without.find((l) => /sandbox mode/.test(l))).not.toMatch(/ignored/);
    const withKey = await stdioStartLines({ BREVO_API_KEY: TEST_KEY }, ['--sandbox']);
    expect(withKey.find((l) => /sandbox mode/.test(l))).toMatch(
      /nothing leaves this machine, BREVO_API_KEY is ignored, changes are lost/,
    );
  });
});

describe('--help', () => {
  it('says what --list-tools prints with and without a selection option', async () => {
    const { stdout } = await cli(['--help']);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      '--list-tools Print tools as JSON and exit (no key needed): with a selection option (--toolsets, ' +
        '--tools, --exclude-tools, --read-only) the tools this server would serve; without one, the ' +
        'whole catalog',
    );
  });
});
