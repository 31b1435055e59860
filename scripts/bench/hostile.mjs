// The process's memory under a mix of hostile scripts: 3 sessions over Streamable HTTP each send two
// of every kind at once (a memory bomb, a million empty console lines, 16 MB operation names called
// 40 times, a 40 MB return value, a busy loop), at default limits but a 15 s time limit. Prints the
// server's peak RSS and the wall time. Not part of npm run bench (it keeps both cores busy for a minute):
//   node scripts/bench/hostile.mjs [dist/cli.js of the build to measure]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const bin = process.argv[2] ?? new URL('../../dist/cli.js', import.meta.url).pathname;
const SCRIPTS = [
  `const a = []; while (true) a.push('x'.repeat(1e5));`,
  `for (let i = 0; i < 1e6; i++) console.log(); return 1`,
  `const n = 'n'.repeat(16e6); for (let i = 0; i < 40; i++) { try { await brevo[n + i](); } catch {} } return 1`,
  `const s = 'y'.repeat(1e6); const out = []; for (let i = 0; i < 40; i++) out.push(s + i); return out`,
  `while (true) {}`,
];

const child = spawn(
  process.execPath,
  [bin, '--sandbox', '--code', '--transport', 'http', '--port', '0', '--code-timeout-ms', '15000'],
  { stdio: ['ignore', 'ignore', 'pipe'] },
);
try {
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /at (http:\S+\/mcp)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`the server did not start: ${stderr}`)));
  });
  const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  const clients = [];
  for (let i = 0; i < 3; i++) {
    const client = new Client({ name: 'bench-hostile', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    clients.push(client);
  }
  const started = Date.now();
  await Promise.all(
    clients.flatMap((client) =>
      SCRIPTS.flatMap((code) =>
        [0, 1].map(() =>
          client
            .callTool({ name: 'execute', arguments: { code } }, undefined, { timeout: 300_000 })
            .catch((error) => error),
        ),
      ),
    ),
  );
  console.log(
    `${bin}: ${clients.length * SCRIPTS.length * 2} hostile runs from 3 sessions in ${Date.now() - started} ` +
      `ms, peak RSS ${peakRss().toFixed(0)} MB`,
  );
  for (const client of clients) await client.close();
} finally {
  child.kill();
}
