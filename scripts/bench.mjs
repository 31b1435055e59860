#!/usr/bin/env node
// npm run bench: what brevo-mcp costs an assistant and how fast it is, measured, printed.
//  1. per mode (all tools, default toolsets, read-only, dynamic, code): tool count, tools/list size in
//     bytes and o200k tokens;
//  2. cold start, spawn to a completed tools/list over stdio, next to a one-tool SDK server (and the
//     build BENCH_BASE_BIN names), in wall time and in instructions (scripts/bench/cold-instructions.mjs,
//     steady on a busy machine);
//  3. per-call latency of a read tool against a local fake Brevo, next to the one-tool server's
//     call and a direct HTTP request to the same fake; the server's peak RSS;
//  4. load: concurrent Streamable HTTP clients calling a tool: 2025-11-25 with sessions, 2025-11-25
//     --stateless, and 2026-07-28 (the v2 SDK's Client; every request served on its own);
//  5. discovery: top-1, top-5 and MRR of the search engine on requests in people's words, next to
//     a plain BM25, and its search latency (scripts/bench/discovery.mjs);
//  6. the MCP Apps views (scripts/bench/views.mjs): sizes, listing tokens, read time;
//  7. code mode: multi-step tasks done with search + execute and with the static tools, tokens and
//     wall time both ways, and the time of a script run (scripts/bench/code-mode.mjs);
//  8. execute on its own: p50/p99 of a trivial and a 5-call script, 16 at once, peak RSS, next to a
//     static call, and side by side with another build when BENCH_BASE_BIN names its dist/cli.js
//     (scripts/bench/execute.mjs).
// Everything runs on 127.0.0.1; every loop is bounded. Set BENCH_QUICK=1 for a short run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernHttpTransport,
} from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { Agent, request } from 'undici';
import { codeModeSection } from './bench/code-mode.mjs';
import { coldInstructionsSection } from './bench/cold-instructions.mjs';
import { discoverySection } from './bench/discovery.mjs';
import { executeSection } from './bench/execute.mjs';
import { viewsSection } from './bench/views.mjs';

const quick = process.env.BENCH_QUICK === '1';
const COLD_RUNS = quick ? 5 : 15;
const CALLS = quick ? 100 : 600;
const LOAD_CLIENTS = quick ? 4 : 16;
const LOAD_CALLS = quick ? 20 : 100;
const BIN = new URL('../dist/cli.js', import.meta.url).pathname;
const TRIVIAL = new URL('./bench/trivial-server.mjs', import.meta.url).pathname;
/** Another build's dist/cli.js, run alongside for comparison (cold start, execute). */
const BASE_BIN = process.env.BENCH_BASE_BIN;
const KEY = 'xkeysib-bench-0000000000000000';

const ACCOUNT = JSON.stringify({
  email: 'owner@demoshop.example',
  firstName: 'Dana',
  lastName: 'Shop',
  companyName: 'Demo Shop',
  plan: [{ type: 'free', credits: 300, creditsType: 'sendLimit' }],
});

function startFake() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(ACCOUNT));
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/v3` })),
  );
}

const env = (apiUrl) => ({ PATH: process.env.PATH, BREVO_API_KEY: KEY, BREVO_API_URL: apiUrl });
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const median = (xs) => pct(xs, 50);
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

async function connect(command, args, apiUrl) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [command, ...args],
    env: env(apiUrl),
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  return { client, transport };
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function sizes(apiUrl) {
  const modes = [
    ['all tools', ['--toolsets', 'all']],
    ['default toolsets', []],
    ['read-only (all toolsets)', ['--toolsets', 'all', '--read-only']],
    ['read-only (default)', ['--read-only']],
    ['dynamic', ['--dynamic']],
    ['code (search + execute)', ['--code']],
  ];
  const rows = [];
  for (const [mode, args] of modes) {
    const { client } = await connect(BIN, args, apiUrl);
    const result = await client.listTools();
    const json = JSON.stringify(result);
    rows.push({ mode, tools: result.tools.length, bytes: json.length, tokens: encode(json).length });
    await client.close();
  }
  return rows;
}

async function coldStart(apiUrl) {
  const time = async (command, args) => {
    const t0 = performance.now();
    const { client } = await connect(command, args, apiUrl);
    await client.listTools();
    const elapsed = performance.now() - t0;
    await client.close();
    return elapsed;
  };
  const runs = { trivial: [], all: [], default: [], code: [], base: [] };
  for (let i = 0; i < 2; i++) await time(TRIVIAL, []); // warm the file cache
  if (BASE_BIN) await time(BASE_BIN, []);
  for (let i = 0; i < COLD_RUNS; i++) {
    runs.trivial.push(await time(TRIVIAL, []));
    runs.all.push(await time(BIN, ['--toolsets', 'all']));
    runs.default.push(await time(BIN, []));
    runs.code.push(await time(BIN, ['--code']));
    if (BASE_BIN) runs.base.push(await time(BASE_BIN, []));
  }
  return runs;
}

async function latency(apiUrl) {
  const measure = async (command, args) => {
    const { client, transport } = await connect(command, args, apiUrl);
    for (let i = 0; i < 50; i++) await client.callTool({ name: 'get_account', arguments: {} });
    const times = [];
    for (let i = 0; i < CALLS; i++) {
      const t0 = performance.now();
      const r = await client.callTool({ name: 'get_account', arguments: {} });
      times.push(performance.now() - t0);
      if (r.isError) throw new Error(`call failed: ${JSON.stringify(r)}`);
    }
    const rss = peakRssMb(transport.pid);
    await client.close();
    return { times, rss };
  };
  const trivial = await measure(TRIVIAL, []);
  const ours = await measure(BIN, ['--toolsets', 'all']);
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const direct = [];
  for (let i = 0; i < 50 + CALLS; i++) {
    const t0 = performance.now();
    const res = await request(`${apiUrl}/account`, { dispatcher: agent, headers: { 'api-key': KEY } });
    await res.body.json();
    if (i >= 50) direct.push(performance.now() - t0);
  }
  await agent.close();
  return { trivial, ours, direct };
}

function startHttpServer(apiUrl, args) {
  const child = spawn(process.execPath, [BIN, '--transport', 'http', '--port', '0', ...args], {
    env: env(apiUrl),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c) => {
      err += c;
      const m = /at (http:\/\/\S+\/mcp)/.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`HTTP server exited ${code}: ${err}`)));
  });
}

/**
 * mode: 'stateful' and 'stateless' are 2025-11-25 clients (the server with --stateless for the second); '2026-07-28' v2
 * ones.
 */
async function load(apiUrl, mode) {
  const { child, url } = await startHttpServer(apiUrl, mode === 'stateless' ? ['--stateless'] : []);
  const clients = await Promise.all(
    Array.from({ length: LOAD_CLIENTS }, async () => {
      if (mode === '2026-07-28') {
        const client = new ModernClient(
          { name: 'load', version: '1' },
          { versionNegotiation: { mode: { pin: '2026-07-28' } } },
        );
        await client.connect(new ModernHttpTransport(new URL(url)));
        return client;
      }
      const client = new Client({ name: 'load', version: '1' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      return client;
    }),
  );
  const times = [];
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < LOAD_CALLS; i++) {
        const s = performance.now();
        try {
          const r = await client.callTool({ name: 'get_account', arguments: {} });
          if (r.isError) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const rss = peakRssMb(child.pid);
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return {
    mode: mode === '2026-07-28' ? '2026-07-28 (per request)' : `2025-11-25 ${mode}`,
    clients: LOAD_CLIENTS,
    calls: times.length,
    callsPerSecond: Math.round(times.length / seconds),
    p50: median(times),
    p99: pct(times, 99),
    errors,
    peakRssMb: rss,
  };
}

const fake = await startFake();
console.log(
  `brevo-mcp benchmark (${quick ? 'quick' : 'full'} run), Node ${process.version}, ${new Date().toISOString()}\n`,
);

console.log('tools/list size per mode (tokens: o200k)');
console.table(await sizes(fake.url));

const cold = await coldStart(fake.url);
console.log(`cold start, spawn to completed tools/list over stdio (${COLD_RUNS} runs each)`);
console.table([
  {
    server: 'one-tool SDK server (v2)',
    median: ms(median(cold.trivial)),
    min: ms(sorted(cold.trivial)[0]),
    ratio: '1.00',
  },
  {
    server: 'brevo-mcp, all 292 tools',
    median: ms(median(cold.all)),
    min: ms(sorted(cold.all)[0]),
    ratio: (median(cold.all) / median(cold.trivial)).toFixed(2),
  },
  {
    server: 'brevo-mcp, default toolsets',
    median: ms(median(cold.default)),
    min: ms(sorted(cold.default)[0]),
    ratio: (median(cold.default) / median(cold.trivial)).toFixed(2),
  },
  {
    server: 'brevo-mcp --code',
    median: ms(median(cold.code)),
    min: ms(sorted(cold.code)[0]),
    ratio: (median(cold.code) / median(cold.trivial)).toFixed(2),
  },
  ...(BASE_BIN
    ? [
        {
          server: 'base build (BENCH_BASE_BIN), default toolsets',
          median: ms(median(cold.base)),
          min: ms(sorted(cold.base)[0]),
          ratio: (median(cold.base) / median(cold.trivial)).toFixed(2),
        },
      ]
    : []),
]);

await coldInstructionsSection({ bin: BIN, trivial: TRIVIAL, baseBin: BASE_BIN, env: env(fake.url), quick });

const lat = await latency(fake.url);
console.log(`per-call latency of get_account against the local fake (${CALLS} calls after 50 warm-up)`);
console.table([
  { path: 'direct HTTP request (undici, keep-alive)', median: ms(median(lat.direct)), p99: ms(pct(lat.direct, 99)) },
  { path: 'one-tool SDK server tool call', median: ms(median(lat.trivial.times)), p99: ms(pct(lat.trivial.times, 99)) },
  { path: 'brevo-mcp tool call (all tools)', median: ms(median(lat.ours.times)), p99: ms(pct(lat.ours.times, 99)) },
]);
console.log(
  `ratio to the one-tool server's call: median ${(median(lat.ours.times) / median(lat.trivial.times)).toFixed(2)}, ` +
    `p99 ${(pct(lat.ours.times, 99) / pct(lat.trivial.times, 99)).toFixed(2)}`,
);
console.log(`ratio to a direct HTTP request: median ${(median(lat.ours.times) / median(lat.direct)).toFixed(2)}`);
console.log(
  `peak RSS after the calls: brevo-mcp ${lat.ours.rss.toFixed(1)} MB, one-tool server ${lat.trivial.rss.toFixed(1)} ` +
    `MB\n`,
);

console.log(`load: ${LOAD_CLIENTS} concurrent Streamable HTTP clients x ${LOAD_CALLS} calls of get_account`);
const loads = [await load(fake.url, 'stateful'), await load(fake.url, 'stateless'), await load(fake.url, '2026-07-28')];
console.table(loads.map((l) => ({ ...l, p50: ms(l.p50), p99: ms(l.p99), peakRssMb: l.peakRssMb.toFixed(1) })));

await discoverySection();

await viewsSection({ bin: BIN, env: env(fake.url) });

fake.server.close();
fake.server.closeAllConnections();

await codeModeSection({ quick });

await executeSection({ quick, bin: BIN });
