// The README as a newcomer follows it, from a clean clone: every command of its ```sh blocks and
// every client snippet of its ```json blocks is run here (a line this test cannot run fails it),
// in a copy of the checkout as `git clone` gives it, after a real `npm ci` and `npm run build`.
// Servers are driven through the SDK Client over stdio and Streamable HTTP, as the clients named
// in the snippets do. Also: every relative link of README.md and docs/*.md resolves, anchors
// included, and the README stays under 300 lines with the catalog's toolsets.
// Like `npm ci`, the Inspector line needs the npm registry or npm's cache (npx fetches it).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toolsets } from '../src/tools/index.js';
import { cleanClone, npmEnv, ROOT } from './support/clean-clone.js';
import { TEST_KEY, textOf } from './support/mcp.js';

const run = promisify(execFile);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  mcpName: string;
};
/** The GitHub account the registry name claims: the clone URL is that account's repository. */
const owner = pkg.mcpName.split('/')[0]!.replace(/^io\.github\./, '');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
const commands = blocks('sh').flatMap((b) => b.split('\n').filter((l) => l.trim()));
const snippets = blocks('json');
/** What a person replaces: the checkout's path and the key (clients fill ${env:...} and ${input:...} in). */
const PLACEHOLDER_KEY = /^(xkeysib-\.\.\.|\$\{(env:|input:)?[\w-]+\})$/;

interface Session {
  client: Client;
  stderr: () => string;
}

describe('the README, from a clean clone', () => {
  let work: string;
  let clone: string;
  let install = { stdout: '', stderr: '' };
  let httpUrl: string | undefined;
  const children: ChildProcess[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'brevo-mcp-readme-'));
    clone = await cleanClone(join(work, 'brevo-mcp'), { linkNodeModules: false });
    install = await run('npm', ['ci'], { cwd: clone, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
    await run('npm', ['run', 'build'], { cwd: clone, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
  }, 300_000);

  // Each test's sessions end with it: closing a stdio client ends its server.
  afterEach(async () => {
    const closing = clients.splice(0).map((client) => client.close().catch(() => {}));
    await Promise.all(closing);
  });

  afterAll(() => {
    for (const child of children) child.kill('SIGTERM');
    // A whole npm install to delete: slow on a busy machine.
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /** `A=1 B=2 node dist/cli.js --flag` -> the environment and the words, with placeholders filled. */
  function parse(line: string): { env: Record<string, string>; words: string[] } {
    const words = line.trim().split(/\s+/);
    const env: Record<string, string> = {};
    while (/^[A-Z_]+=/.test(words[0]!)) {
      const [name, value] = words.shift()!.split(/=(.*)/s) as [string, string];
      env[name] = PLACEHOLDER_KEY.test(value) ? TEST_KEY : value;
    }
    return { env, words: words.map((w) => w.replace('/path/to/brevo-mcp', clone)) };
  }

  async function stdioSession(command: string, args: string[], env: Record<string, string>): Promise<Session> {
    let stderr = '';
    const transport = new StdioClientTransport({
      command: command === 'node' ? process.execPath : command,
      args,
      env: { PATH: process.env.PATH ?? '', ...env },
      cwd: clone,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const client = new Client({ name: 'brevo-mcp-readme-test', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    return { client, stderr: () => stderr };
  }

  /** Starts an HTTP server as the README says; the port comes from the environment (0: a free one). */
  async function httpServer(args: string[], env: Record<string, string>): Promise<string> {
    const child = spawn(process.execPath, args, {
      cwd: clone,
      env: { PATH: process.env.PATH ?? '', BREVO_MCP_PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line: ${stderr}`)), 15_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
  }

  async function expectServes(session: Session) {
    const { tools } = await session.client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    return tools;
  }

  /** Runs one README command; throws for a line it does not know how to run. */
  async function runCommand(line: string) {
    if (line.startsWith('git clone ')) {
      // The copy above stands in for the clone: same files, from this checkout.
      expect(line).toBe(`git clone https://github.com/${owner}/${pkg.name}.git && cd ${pkg.name}`);
      expect(existsSync(join(clone, 'package.json'))).toBe(true);
      return;
    }
    if (line === 'npm ci && npm test') {
      // npm ci ran above, with no warning; npm test is the whole suite this file belongs to:
      // CI (.ci/run) runs exactly these two on a clean clone.
      expect(install.stderr).not.toMatch(/npm warn/i);
      const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
      expect(ci).toMatch(/^npm ci\b/m);
      expect(ci).toMatch(/^npm test\b/m);
      return;
    }
    if (line.startsWith('npm ci && npm run build && '))
      return runCommand(line.slice('npm ci && npm run build && '.length));
    if (line === 'npm run bundle') {
      await run('npm', ['run', 'bundle'], { cwd: clone, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
      const file = /`npm run bundle` builds `([^`]+\.mcpb)`/.exec(readme)?.[1];
      expect(file).toBe(`build/${pkg.name}-${pkg.version}.mcpb`);
      expect(existsSync(join(clone, file!))).toBe(true);
      return;
    }
    if (line.startsWith('npx -y @modelcontextprotocol/inspector --cli ')) {
      const { stdout } = await run('bash', ['-c', line], { cwd: clone, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
      // The output block after the command, its trailing "..." marking what is left out.
      const shown = readme.split(line)[1]!.match(/```text\n([\s\S]*?)```/)![1]!;
      for (const expected of shown.split('\n').filter(Boolean))
        expect(stdout).toContain(expected.replace(/ \.\.\.$/, ''));
      return;
    }
    if (line.startsWith('claude mcp add ')) {
      const [options, command] = line.slice('claude mcp add '.length).split(' -- ') as [string, string];
      expect(options).toMatch(/^--transport stdio (--env \S+ )*brevo(-sandbox)? *$/);
      const env = Object.fromEntries(
        [...options.matchAll(/--env (\w+)=(\S+)/g)].map(([, k, v]) => [k!, PLACEHOLDER_KEY.test(v!) ? TEST_KEY : v!]),
      );
      const { words } = parse(command);
      return expectServes(await stdioSession(words[0]!, words.slice(1), env));
    }
    const { env, words } = parse(line);
    if (words[0] === 'node' && words[1] === 'dist/cli.js') {
      const args = words.slice(1);
      if (args.includes('--list-tools')) {
        const { stdout } = await run(process.execPath, args, {
          cwd: clone,
          env: { PATH: process.env.PATH ?? '', ...env },
        });
        const tools = JSON.parse(stdout) as Array<{ name: string; readOnly: boolean }>;
        expect(tools.length).toBeGreaterThan(0);
        if (args.includes('--read-only')) expect(tools.every((t) => t.readOnly)).toBe(true);
        return;
      }
      if (args.includes('--transport') && args[args.indexOf('--transport') + 1] === 'http') {
        httpUrl = await httpServer(args, env);
        const client = new Client({ name: 'brevo-mcp-readme-test', version: '1.0.0' });
        await client.connect(new StreamableHTTPClientTransport(new URL(httpUrl)));
        clients.push(client);
        return expectServes({ client, stderr: () => '' });
      }
      const session = await stdioSession('node', args, env);
      await expectServes(session);
      expect(session.stderr()).toMatch(/ready: /);
      if (args.includes('--sandbox')) {
        const account = await session.client.callTool({ name: 'get_account', arguments: {} });
        expect(textOf(account)).toContain('Demo Shop');
      }
      return;
    }
    throw new Error(`README command with no runner in test/readme.test.ts: ${line}`);
  }

  it('has the commands a newcomer needs, each a runnable line', () => {
    expect(commands).toContain('npm ci && npm test');
    expect(commands.some((c) => c.includes('node dist/cli.js --sandbox'))).toBe(true);
    expect(commands.filter((c) => /\bbrevo-mcp (?!--)/.test(c.replace(/cd brevo-mcp$/, '')))).toEqual([]);
  });

  for (const line of commands)
    it(`runs: ${line.length > 90 ? `${line.slice(0, 87)}...` : line}`, () => runCommand(line), 180_000);

  for (const [index, snippet] of snippets.entries())
    it(`serves client snippet ${index + 1}: ${snippet
      .split('\n')
      .find((l) => l.includes('"brevo'))
      ?.trim()}`, async () => {
      const config = JSON.parse(snippet) as Record<string, Record<string, Record<string, unknown>>>;
      const servers = config.mcpServers ?? config.servers!;
      expect(Object.keys(servers).length).toBeGreaterThan(0);
      for (const [name, server] of Object.entries(servers)) {
        if (typeof server.url === 'string') {
          // The HTTP server a command above started (on a free port in place of 3000).
          expect(server.url).toBe('http://127.0.0.1:3000/mcp');
          expect(httpUrl, 'an HTTP server command runs before this snippet').toBeDefined();
          const client = new Client({ name: 'brevo-mcp-readme-test', version: '1.0.0' });
          await client.connect(new StreamableHTTPClientTransport(new URL(httpUrl!)));
          clients.push(client);
          await expectServes({ client, stderr: () => '' });
          continue;
        }
        const env = Object.fromEntries(
          Object.entries((server.env ?? {}) as Record<string, string>).map(([k, v]) => [
            k,
            PLACEHOLDER_KEY.test(v) ? TEST_KEY : v,
          ]),
        );
        const args = (server.args as string[]).map((a) => a.replace('/path/to/brevo-mcp', clone));
        expect(server.command, name).toBe('node');
        const session = await stdioSession('node', args, env);
        const tools = await expectServes(session);
        if (name.endsWith('-sandbox')) {
          expect(args, name).toContain('--sandbox');
          expect(server.env, `${name} needs no key`).toBeUndefined();
          const account = await session.client.callTool({ name: 'get_account', arguments: {} });
          expect(textOf(account)).toContain('Demo Shop');
        } else expect(tools.map((t) => t.name)).toContain('get_account');
      }
    }, 60_000);
});

describe('the README and docs/', () => {
  it('keeps the README under 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThan(300);
  });

  it("lists every toolset with the catalog's summary", () => {
    const rows = [...readme.matchAll(/^\| `([a-z_]+)` +\| (.+?) +\|$/gm)].map(([, name, summary]) => [name, summary]);
    expect(rows).toEqual(Object.entries(toolsets).map(([name, info]) => [name, info.summary]));
  });

  const docs = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  /** GitHub's anchor for a heading. */
  const slug = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
  const anchors = (file: string) =>
    new Set(
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) => slug(l.replace(/^#+ /, ''))),
    );

  for (const file of docs)
    it(`${file}: every relative link resolves, anchors included`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
      const broken = links.filter((link) => {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path ? normalize(join(dirname(file), path)) : file;
        if (!existsSync(join(ROOT, target))) return true;
        return anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor);
      });
      expect(broken).toEqual([]);
    });

  it('links every docs/ page from the README', () => {
    for (const file of docs.filter((f) => f !== 'README.md')) expect(readme, file).toContain(`](${file})`);
  });
});
