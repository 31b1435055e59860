// `brevo-mcp emulator [--port N]`: the built command runs only the Brevo emulator, prints its URL
// and key, serves a Brevo client (here: fetch) on 127.0.0.1 until SIGTERM, and explains itself.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from './support/mcp.js';

const run = promisify(execFile);
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the subcommand and waits for the lines naming its URL and key. */
function startEmulatorProcess(args: string[] = []) {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const ready = new Promise<{ url: string; key: string }>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /base URL\s+(\S+)/.exec(stdout)?.[1];
      const key = /api-key\s+(\S+)/.exec(stdout)?.[1];
      if (url && key) resolve({ url, key });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, ready, output: () => stdout, errors: () => stderr };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('brevo-mcp emulator', () => {
  it('prints its URL and key and serves the demo account like Brevo until stopped', async () => {
    const emulator = startEmulatorProcess();
    const { url, key } = await emulator.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
    expect(emulator.output()).toContain(`curl -H 'api-key: ${key}' ${url}/account`);
    const account = await fetch(`${url}/account`, { headers: { 'api-key': key } });
    expect(account.status).toBe(200);
    expect(await account.json()).toMatchObject({ companyName: 'Demo Shop', email: 'owner@demoshop.example' });
    expect((await fetch(`${url}/account`)).status).toBe(401);
    const created = await fetch(`${url}/crm/deals`, {
      method: 'POST',
      headers: { 'api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Offline test deal', attributes: { amount: 100 } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`${url}/crm/deals/${id}`, { headers: { 'api-key': key } })).status).toBe(200);
    const empty = await fetch(`${url}/crm/deals`, { method: 'POST', headers: { 'api-key': key } });
    expect(await empty.json()).toEqual({ code: 'missing_parameter', message: 'name is missing' });
    emulator.child.kill('SIGTERM');
    expect(await exited(emulator.child)).toBe(0);
    expect(emulator.errors()).toBe('');
  });

  it('listens on the port it is given, and says so plainly when that port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = await run(process.execPath, [BIN, 'emulator', '--port', String(port)]).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} \\(the port is in use`));
    } finally {
      blocker.close();
    }
    const emulator = startEmulatorProcess(['--port', String(port)]);
    expect((await emulator.ready).url).toBe(`http://127.0.0.1:${port}/v3`);
  });

  it('explains itself in --help and refuses what it does not know', async () => {
    const help = await run(process.execPath, [BIN, 'emulator', '--help']);
    expect(help.stdout).toMatch(/^Usage: brevo-mcp emulator \[--port N\]/);
    const main = await run(process.execPath, [BIN, '--help']);
    expect(main.stdout).toContain('brevo-mcp emulator [--port N]');
    for (const args of [
      ['--host', '0.0.0.0'],
      ['--port', 'eighty'],
    ]) {
      const bad = await run(process.execPath, [BIN, 'emulator', ...args]).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(/^brevo-mcp emulator: /);
    }
  });
});
