// The Python SDK's client (`mcp` 2.x from PyPI, the one README's Python snippet uses) against the
// built server: over stdio and Streamable HTTP, probing server/discover (2026-07-28) and with the
// initialize handshake (2025-11-25), each time listing, calling, reading and getting a prompt; and
// README's snippet itself, run as written but for the checkout's path. The SDK is installed into a
// virtual environment under node_modules/.cache from the package index pip is configured with;
// where Python or the index is missing the tests are skipped and say why.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/clean-clone.js';
import { BIN, type HttpServerProcess, startHttpServer } from './support/mcp.js';

const run = promisify(execFile);
const SDK = 'mcp==2.3.0';
const VENV = join(ROOT, 'node_modules', '.cache', `python-${SDK.replace('==', '-')}`);
const PYTHON = join(VENV, 'bin', 'python');
const CLIENT = join(ROOT, 'test', 'support', 'python-client.py');

/** The venv's Python with the SDK installed, or why there is none. */
function pythonWithSdk(): { ready: true } | { ready: false; why: string } {
  try {
    if (!existsSync(PYTHON)) execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'pipe', timeout: 60_000 });
    execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', '--retries', '0', '--timeout', '15', SDK], {
      stdio: 'pipe',
      timeout: 180_000,
    });
    return { ready: true };
  } catch (error) {
    const { stderr, message } = error as { stderr?: Buffer; message: string };
    const detail = stderr?.toString().trim().split('\n').filter(Boolean).at(-1) ?? message;
    return { ready: false, why: `the Python SDK (${SDK}) could not be installed: ${detail}` };
  }
}

const python = pythonWithSdk();
if (!python.ready) console.warn(`python-client.test.ts skipped: ${python.why}`);

interface Seen {
  protocolVersion: string;
  server: string;
  tools: string[];
  account: { isError: boolean; text: string };
  missing: { isError: boolean; text: string };
  resources: string[];
  lists: string;
  prompts: string[];
}

async function session(target: string, mode: 'auto' | 'legacy', args: string[] = []): Promise<Seen> {
  const { stdout } = await run(PYTHON, [CLIENT, target, mode, ...args], {
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Seen;
}

function expectEverythingServed(seen: Seen, protocolVersion: string) {
  expect(seen.protocolVersion).toBe(protocolVersion);
  expect(seen.server).toBe('brevo-mcp');
  expect(seen.tools).toEqual(expect.arrayContaining(['search_tools', 'call_tool', 'get_account', 'get_contacts']));
  expect(seen.account.isError).toBe(false);
  expect(JSON.parse(seen.account.text)).toMatchObject({ email: 'owner@demoshop.example', companyName: 'Demo Shop' });
  // A Brevo error reaches the Python client as an isError result with Brevo's code and a hint.
  expect(seen.missing.isError).toBe(true);
  expect(seen.missing.text).toContain('document_not_found');
  expect(seen.missing.text).toContain('Hint:');
  expect(seen.resources).toEqual(expect.arrayContaining(['brevo://account', 'brevo://contacts/lists']));
  expect(JSON.parse(seen.lists).lists.length).toBeGreaterThan(0);
  expect(seen.prompts).toContain('email_campaign_report');
}

describe.skipIf(!python.ready)('the Python SDK client', () => {
  let http: HttpServerProcess;
  beforeAll(async () => {
    http = await startHttpServer({ args: ['--sandbox'] });
  });
  afterAll(async () => {
    await http?.stop();
  });

  it('over stdio, probing server/discover, is served 2026-07-28', async () => {
    expectEverythingServed(await session(process.execPath, 'auto', [BIN, '--sandbox']), '2026-07-28');
  });

  it('over stdio, with the initialize handshake, is served 2025-11-25', async () => {
    expectEverythingServed(await session(process.execPath, 'legacy', [BIN, '--sandbox']), '2025-11-25');
  });

  it('over Streamable HTTP, probing server/discover, is served 2026-07-28', async () => {
    expectEverythingServed(await session(http.url, 'auto'), '2026-07-28');
  });

  it('over Streamable HTTP, with the initialize handshake, is served 2025-11-25', async () => {
    expectEverythingServed(await session(http.url, 'legacy'), '2025-11-25');
  });

  it("runs README's Python snippet as written, but for the checkout's path", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const snippet = /```python\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet, 'README has a Python snippet').toBeDefined();
    const script = join(VENV, 'readme-snippet.py');
    mkdirSync(VENV, { recursive: true });
    writeFileSync(script, snippet!.replaceAll('/path/to/brevo-mcp', ROOT.replace(/\/$/, '')));
    // The snippet says "node": here that is the Node running the tests.
    const { stdout } = await run(PYTHON, [script], {
      env: { PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toMatchObject({ email: 'owner@demoshop.example' });
  });
});
