// Code mode's execute on its own: p50/p99 of a trivial and of a 5-call script, 16 runs at once and
// the server's peak RSS, next to a static tool call; for this build and, when BENCH_BASE_BIN names
// another build's dist/cli.js (e.g. a worktree of the starting commit), for that one side by side.
// Alone: node scripts/bench/execute.mjs [base-dist-cli.js]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const KEY = 'xkeysib-bench-0000000000000000';
const ACCOUNT = JSON.stringify({ email: 'owner@demoshop.example', companyName: 'Demo Shop', plan: [] });
const LISTS = JSON.stringify({ lists: [{ id: 1, name: 'Newsletter', totalSubscribers: 3 }], count: 1 });

const TRIVIAL = 'return 1';
const FIVE_CALLS = `const account = await brevo.get_account();
const lists = await brevo.get_lists({ limit: 10 });
const again = await brevo.get_account();
const more = await brevo.get_lists({ limit: 5 });
const last = await brevo.get_account();
return [account.companyName, lists.count, again.email, more.count, last.companyName];`;

/** A local Brevo answering get_account and get_lists at once: the time measured is the server's. */
async function startFake() {
  const server = createServer((req, res) => {
    const body = req.url.startsWith('/v3/contacts/lists') ? LISTS : ACCOUNT;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/v3`, close: () => server.close() };
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const peakRss = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function connect(bin, apiUrl, args) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, ...args],
    env: { PATH: process.env.PATH, BREVO_API_KEY: KEY, BREVO_API_URL: apiUrl },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench-execute', version: '1' });
  await client.connect(transport);
  return { client, pid: transport.pid };
}

async function timed(client, name, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = await client.callTool({ name, arguments: args });
    times.push(performance.now() - t0);
    if (result.isError) throw new Error(`${name}: ${result.content[0]?.text}`);
  }
  return times;
}

/** One build's figures: a fresh server for the static tool and one for code mode. */
async function measure(bin, apiUrl, runs) {
  const stat = await connect(bin, apiUrl, ['--toolsets', 'account']);
  await timed(stat.client, 'get_account', {}, 20);
  const staticTimes = await timed(stat.client, 'get_account', {}, runs);
  await stat.client.close();

  const code = await connect(bin, apiUrl, ['--code']);
  await code.client.listTools();
  const t0 = performance.now();
  await timed(code.client, 'execute', { code: TRIVIAL }, 1);
  const first = performance.now() - t0;
  await timed(code.client, 'execute', { code: TRIVIAL }, 10);
  const trivial = await timed(code.client, 'execute', { code: TRIVIAL }, runs);
  const five = await timed(code.client, 'execute', { code: FIVE_CALLS }, Math.ceil(runs / 2));
  const concurrent = [];
  for (let round = 0; round < 3; round++) {
    const c0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        code.client.callTool({ name: 'execute', arguments: { code: `return ${i}` } }),
      ),
    );
    concurrent.push(performance.now() - c0);
    if (results.some((r) => r.isError))
      throw new Error(`16 at once: ${results.find((r) => r.isError).content[0].text}`);
  }
  const rss = peakRss(code.pid);
  await code.client.close();
  return { staticTimes, first, trivial, five, concurrent, rss };
}

export async function executeSection({ quick = false, bin, baseBin = process.env.BENCH_BASE_BIN } = {}) {
  const runs = quick ? 40 : 200;
  const fake = await startFake();
  try {
    const builds = [['this build', bin]];
    if (baseBin) builds.push(['base', baseBin]);
    const figures = [];
    for (const [label, path] of builds) figures.push([label, await measure(path, fake.url, runs)]);
    const ms = (x) => `${x.toFixed(1)} ms`;
    const rows = {};
    for (const [label, f] of figures) {
      rows[label] = {
        'static call p50': ms(quantile(f.staticTimes, 0.5)),
        'static call p99': ms(quantile(f.staticTimes, 0.99)),
        'execute first run': ms(f.first),
        'execute trivial p50': ms(quantile(f.trivial, 0.5)),
        'execute trivial p99': ms(quantile(f.trivial, 0.99)),
        'execute 5 calls p50': ms(quantile(f.five, 0.5)),
        'execute 5 calls p99': ms(quantile(f.five, 0.99)),
        '16 at once (median of 3)': ms(quantile(f.concurrent, 0.5)),
        'peak RSS': `${f.rss.toFixed(0)} MB`,
      };
    }
    console.log(
      `code mode's execute over stdio against a local fake Brevo (${runs} trivial runs, ${Math.ceil(runs / 2)} ` +
        `of 5 calls, one session)${baseBin ? `; base: ${baseBin}` : '; set BENCH_BASE_BIN=<dist/cli.js of another build> to compare'}`,
    );
    console.table(rows);
  } finally {
    fake.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await executeSection({
    quick: process.env.BENCH_QUICK === '1',
    bin: new URL('../../dist/cli.js', import.meta.url).pathname,
    baseBin: process.argv[2] ?? process.env.BENCH_BASE_BIN,
  });
}
