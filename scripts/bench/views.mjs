// Benchmark section: what the MCP Apps views cost. Each built view's size (bytes, gzip), the
// tools/list tokens an Apps client pays for them next to a client without Apps, and how long a
// resources/read of a view takes (first read from disk, then from memory).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';

const APPS = {
  capabilities: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } } },
};

export async function viewsSection({ bin, env }) {
  const { VIEWS } = await import('../../dist/views/definitions.js');
  const sizes = VIEWS.map((v) => {
    const html = readFileSync(new URL(`../../dist/views/html/${v.id}.html`, import.meta.url));
    return {
      view: v.id,
      tool: v.tool,
      kB: (html.length / 1024).toFixed(1),
      gzipKB: (gzipSync(html).length / 1024).toFixed(1),
    };
  });

  const connect = async (args, options) => {
    const client = new Client({ name: 'bench', version: '1' }, options);
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [bin, ...args], env, stderr: 'ignore' }),
    );
    return client;
  };
  const listing = [];
  for (const [mode, args] of [
    ['all tools', ['--toolsets', 'all']],
    ['default toolsets', []],
  ]) {
    const plain = await connect(args);
    const apps = await connect(args, APPS);
    const tokens = async (client) => encode(JSON.stringify(await client.listTools())).length;
    listing.push({ mode, withoutApps: await tokens(plain), withApps: await tokens(apps) });
    await plain.close();
    await apps.close();
  }

  const apps = await connect(['--toolsets', 'all'], APPS);
  const reads = [];
  for (let i = 0; i < 51; i++) {
    const t0 = performance.now();
    await apps.readResource({ uri: VIEWS[i % VIEWS.length].uri });
    reads.push(performance.now() - t0);
  }
  await apps.close();
  const first = reads.slice(0, VIEWS.length);
  const warm = reads.slice(VIEWS.length).sort((a, b) => a - b);

  console.log('MCP Apps views: size of each built view');
  console.table(sizes);
  console.log('tools/list tokens (o200k) with and without an MCP Apps client');
  console.table(listing.map((l) => ({ ...l, added: l.withApps - l.withoutApps })));
  console.log(
    `resources/read of a view: first read ${Math.max(...first).toFixed(2)} ms at most, then median ` +
      `${warm[Math.floor(warm.length / 2)].toFixed(2)} ms\n`,
  );
}
