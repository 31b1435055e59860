// Start-up checks that name the real cause at once, instead of failing later with another story:
// a configured key that cannot be a Brevo key (a pasted line break, a space), and a result limit
// too small to hold anything useful.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, TEST_KEY } from './support/mcp.js';

/** Runs the bin with stdin at EOF, so a server that did start ends at once (exit 0). */
function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('configured keys', () => {
  it('refuses to start with BREVO_API_KEY ending in \\r, saying so in one line', async () => {
    const { code, stdout, stderr } = await run([], { BREVO_API_KEY: `${TEST_KEY}\r` });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /BREVO_API_KEY does not look like a Brevo key: it has a carriage return \(\\r\) at the end; copy the key again/,
    );
    expect(stderr).not.toContain(TEST_KEY);
  });

  it('checks BREVO_MA_KEY the same way, and over HTTP too', async () => {
    const { code, stderr } = await run(['--transport', 'http', '--port', '0'], {
      BREVO_API_KEY: TEST_KEY,
      BREVO_MA_KEY: 'tracker key with spaces',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/BREVO_MA_KEY does not look like a Brevo key: it has a space at character 8/);
  });

  it('does not check keys it will not use: --list-tools, and the sandbox', async () => {
    expect((await run(['--list-tools', '--toolsets', 'account'], { BREVO_API_KEY: 'Alice\r' })).code).toBe(0);
    const sandbox = await run(['--sandbox'], { BREVO_API_KEY: 'Alice\r' });
    expect(sandbox.code).toBe(0);
    expect(sandbox.stderr).toMatch(/sandbox mode/);
  });
});

describe('--max-result-chars', () => {
  it('has a floor of 1000, named in the error', async () => {
    for (const [args, env] of [
      [['--max-result-chars', '0'], {}],
      [[], { BREVO_MAX_RESULT_CHARS: '999' }],
    ] as const) {
      const { code, stderr } = await run([...args], { BREVO_API_KEY: TEST_KEY, ...env });
      expect(code).toBe(2);
      expect(stderr).toMatch(/--max-result-chars must be at least 1000, got "(0|999)"/);
    }
    expect((await run(['--max-result-chars', '1000'], { BREVO_API_KEY: TEST_KEY })).code).toBe(0);
  });
});
