// Start-up stays light: what only some sessions need (the discovery engine, code mode's sandbox and
// type stripper, the Brevo emulator, OAuth) and what the first tools/list does not need (the
// executor, resources, prompts, completions, skills, confirmations) is loaded when first used, not
// by every server that starts. Checked on the modules the real process loads up to its first
// tools/list, and on the discovery engine's data files it reads, so a static import or a read
// added by mistake fails here by name rather than as a slower cold start.
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { BIN, TEST_KEY } from './support/mcp.js';

const TRACE = fileURLToPath(new URL('./support/load-trace/register.mjs', import.meta.url));

/**
 * Starts the server with the load trace, lists tools, runs `then`, and returns the modules loaded (and the discovery
 * data files read) at each step.
 */
async function modulesLoaded(args: string[], then?: (client: Client) => Promise<unknown>) {
  let stderr = '';
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', TRACE, BIN, ...args],
    env: { PATH: process.env.PATH ?? '', BREVO_API_KEY: TEST_KEY, BREVO_API_URL: 'http://127.0.0.1:9/v3' },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'startup-test', version: '1' });
  const loaded = () => [...stderr.matchAll(/^(?:module-loaded|data-read) (\S+)$/gm)].map((m) => m[1]!);
  try {
    await client.connect(transport);
    await client.listTools();
    const atStart = loaded();
    await then?.(client);
    // The trace comes on stderr, which can trail the answer on stdout on a busy machine: read it
    // once it has been quiet for a moment (3 s at most).
    for (let seen = -1, waited = 0; seen !== loaded().length && waited < 3_000; waited += 150) {
      seen = loaded().length;
      await new Promise((r) => setTimeout(r, 150));
    }
    return { atStart, afterwards: loaded() };
  } finally {
    await client.close();
  }
}

const LATER = [
  /node_modules\/minisearch\//,
  /node_modules\/stemmer\//,
  /node_modules\/quickjs-emscripten-core\//,
  /node_modules\/sucrase\//,
  /node_modules\/jose\//,
  /\/dist\/discovery\//,
  /\/src\/discovery\//,
  /\/dist\/code\/(execute|runner|bridge|search|strip|declarations)\.js$/,
  /\/dist\/sandbox\//,
  /\/dist\/auth\//,
  /\/dist\/(executor|confirm)\.js$/,
  /\/dist\/(resources|prompts|completions)\//,
  /\/dist\/skills\/(session|catalog)\.js$/,
  /\/ext\/skills\//,
];
const heavy = (urls: string[]) => urls.filter((u) => LATER.some((p) => p.test(u)));

describe('start-up', () => {
  it.each([[['--toolsets', 'all']], [[]], [['--read-only']]])(
    'with %j loads none of the optional parts before its first tools/list',
    async (args) => {
      const { atStart } = await modulesLoaded(args);
      expect(
        atStart.some((u) => u.endsWith('/dist/server.js')),
        'the trace sees the server',
      ).toBe(true);
      expect(heavy(atStart)).toEqual([]);
    },
  );

  it('in dynamic mode, loads the discovery engine on the first search_tools', async () => {
    const { atStart, afterwards } = await modulesLoaded(['--dynamic'], (c) =>
      c.callTool({ name: 'search_tools', arguments: { query: 'send an sms' } }),
    );
    expect(heavy(atStart)).toEqual([]);
    expect(afterwards.some((u) => /\/dist\/discovery\/engine\.js$/.test(u))).toBe(true);
    // The engine's words (English's among them) are read then, not before.
    expect(afterwards.some((u) => /\/src\/discovery\/lang\/en\/words\.json$/.test(u))).toBe(true);
  });

  it('in code mode, loads the engine, the runner and the discovery engine on the first call only', async () => {
    const { atStart, afterwards } = await modulesLoaded(['--code'], (c) =>
      c.callTool({ name: 'search', arguments: { query: 'contact lists' } }),
    );
    expect(heavy(atStart)).toEqual([]);
    expect(afterwards.some((u) => /\/dist\/code\/runner\.js$/.test(u))).toBe(true);
    expect(afterwards.some((u) => /\/dist\/discovery\/engine\.js$/.test(u))).toBe(true);
  });

  it('loads the executor, resources and prompts on the first request that needs each', async () => {
    const { atStart, afterwards } = await modulesLoaded([], async (c) => {
      await c.callTool({ name: 'get_account', arguments: {} });
      await c.listResources();
      await c.listPrompts();
    });
    const loaded = (module: string) => afterwards.some((u) => u.endsWith(`/dist/${module}`));
    expect(heavy(atStart)).toEqual([]);
    expect(['executor.js', 'resources/index.js', 'prompts/index.js'].filter(loaded)).toEqual([
      'executor.js',
      'resources/index.js',
      'prompts/index.js',
    ]);
    // This client did not announce the Skills extension: the skills are never read.
    expect(loaded('skills/session.js')).toBe(false);
  });
});
