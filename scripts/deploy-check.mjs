#!/usr/bin/env node
// npm run deploy-check: docs/http.md's team deployment, run for real on loopback. nginx (installed
// from Debian's packages when missing) with the shipped deploy/nginx.conf, TLS with a certificate
// made here by openssl, in front of two `--stateless --sandbox --confirm` replicas that take OAuth
// tokens from a real authorization server (oidc-provider), share one request-state secret and
// share change events through Redis (Debian's redis-server, installed when missing). Concurrent
// clients call tools through nginx, half of them 2025-11-25 clients signed in with the SDK's OAuth
// flow, half 2026-07-28 clients (the v2 SDK's Client, with a client-credentials token); one replica
// is killed midway. Before that, straight at the replicas: a confirmation asked by A is answered
// on B, and a listener on B hears a change made through A. Prints calls/s, p50/p99 per revision,
// errors before and after the kill and what each replica served; exits 1 when an expectation
// fails: no error before the kill, after it only calls in flight on the killed replica, both
// replicas served, the survivor served after the kill, both cross-replica checks held.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client as ModernClient, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Agent, fetch as undiciFetch } from 'undici';
import { connectWithOAuth, TestOAuthProvider } from '../test/support/oauth-client.mjs';
import { startIssuer } from '../test/support/oauth-issuer.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist/cli.js');
const SHIPPED_CONFIG = join(ROOT, 'deploy/nginx.conf');
const CLIENTS = Number(process.env.DEPLOY_CHECK_CLIENTS ?? 16);
const RUN_MS = Number(process.env.DEPLOY_CHECK_RUN_MS ?? 8_000);
const KILL_AT_MS = RUN_MS / 2;
const CALL_TIMEOUT_MS = 5_000;
const STATE_SECRET = 'deploy-check-state-secret-0123456789abcdef';

const say = (line) => console.log(`deploy-check: ${line}`);
const children = [];
let workDir;

function cleanUp() {
  // SIGTERM: nginx's master then stops its workers (killed outright, it would leave them behind).
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function which(command) {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/sbin', '/usr/local/bin']) {
    if (existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** nginx from Debian's packages, installed when missing (as root, as CI runs). */
function ensureNginx() {
  let nginx = which('nginx');
  if (nginx) return nginx;
  if (process.getuid?.() !== 0)
    throw new Error('nginx is not installed and this is not root: apt-get install nginx, then run again');
  say('nginx is missing: apt-get update && apt-get install -y nginx');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  nginx = which('nginx');
  if (!nginx) throw new Error('apt-get install nginx did not install /usr/sbin/nginx');
  return nginx;
}

/** Debian's redis-server, installed when missing (as root, as CI runs). */
function ensureRedis() {
  let redis = which('redis-server');
  if (redis) return redis;
  if (process.getuid?.() !== 0)
    throw new Error('redis-server is not installed and this is not root: apt-get install redis-server, then run again');
  say('redis-server is missing: apt-get update && apt-get install -y redis-server');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  redis = which('redis-server');
  if (!redis) throw new Error('apt-get install redis-server did not install redis-server');
  return redis;
}

async function startRedis(port) {
  const child = spawn(
    ensureRedis(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let log = '';
  await new Promise((resolve, reject) => {
    const read = (chunk) => {
      log += chunk;
      if (/Ready to accept connections/.test(log)) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${log}`)));
  });
  return `redis://127.0.0.1:${port}`;
}

/** A 2026-07-28 client (the v2 SDK's Client) with a bearer token. */
async function connectModern(url, token, fetch) {
  const client = new ModernClient(
    { name: 'deploy-check-2026', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      fetch,
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  return { client };
}

/** One raw 2026-07-28 tools/call, as JSON-RPC: what a replica answers to it. */
async function rawModernCall(url, token, id, name, args, extra = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': name,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: {
        name,
        arguments: args,
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientInfo': { name: 'deploy-check', version: '1' },
          'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
        },
        ...extra,
      },
    }),
  });
  return res.json();
}

/**
 * Straight at the replicas, so which one serves is certain: a confirmation asked by the first is
 * answered on the second, and a listener on the second hears a change made through the first.
 * Returns the problems found.
 */
async function crossReplicaChecks(first, second, token) {
  const problems = [];
  const urlOf = (r) => `http://127.0.0.1:${r.port}/mcp`;
  const lists = await rawModernCall(urlOf(second), token, 1, 'get_lists', { limit: 1 });
  const listId = JSON.parse(lists.result?.content?.[0]?.text ?? '{}').lists?.[0]?.id;
  if (listId === undefined) return [`get_lists on replica ${second.name} gave no list: ${JSON.stringify(lists)}`];
  const asked = await rawModernCall(urlOf(first), token, 2, 'delete_list', { listId });
  if (asked.result?.resultType !== 'input_required')
    return [`replica ${first.name} did not ask before delete_list: ${JSON.stringify(asked).slice(0, 300)}`];
  const answered = await rawModernCall(
    urlOf(second),
    token,
    3,
    'delete_list',
    { listId },
    {
      requestState: asked.result.requestState,
      inputResponses: { confirm: { action: 'accept', content: { confirm: true } } },
    },
  );
  if (answered.error || answered.result?.isError)
    problems.push(
      `the confirmation asked by ${first.name} failed on ${second.name}: ${JSON.stringify(answered).slice(0, 300)}`,
    );
  else
    say(`confirmation asked by replica ${first.name} answered on replica ${second.name}: delete_list ${listId} done`);

  const listener = await connectModern(urlOf(second), token);
  const writer = await connectModern(urlOf(first), token);
  let heard = 0;
  listener.client.setNotificationHandler('notifications/resources/list_changed', () => void heard++);
  const subscription = await listener.client.listen({ resourcesListChanged: true });
  const made = await writer.client.callTool({ name: 'create_list', arguments: { name: 'Deploy check', folderId: 1 } });
  if (made.isError) problems.push(`create_list through ${first.name} failed: ${JSON.stringify(made).slice(0, 200)}`);
  const heardBy = Date.now() + 5_000;
  while (!heard && Date.now() < heardBy) await new Promise((r) => setTimeout(r, 20));
  if (heard) say(`a listener on replica ${second.name} heard the change made through replica ${first.name} (Redis)`);
  else problems.push(`the listener on ${second.name} did not hear the change made through ${first.name} within 5 s`);
  await subscription.close().catch(() => {});
  await Promise.all([listener.client.close(), writer.client.close()]);
  return problems;
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The shipped configuration with this run's addresses: every replaced line must be in it, so the two cannot drift
 * apart.
 */
function renderSiteConfig(shipped, swaps) {
  let text = shipped;
  for (const [from, to] of swaps) {
    if (!text.includes(from))
      throw new Error(`deploy/nginx.conf no longer contains "${from}": update scripts/deploy-check.mjs with it`);
    text = text.split(from).join(to);
  }
  return text;
}

function startReplica(port, issuer, publicUrl, name, redisUrl) {
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--transport',
      'http',
      '--stateless',
      '--sandbox',
      '--confirm',
      '--port',
      String(port),
      '--oauth-issuer',
      issuer,
      '--public-url',
      publicUrl,
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        BREVO_MCP_LOG_LEVEL: 'info',
        BREVO_MCP_STATE_SECRET: STATE_SECRET,
        BREVO_MCP_REDIS_URL: redisUrl,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.push(child);
  let log = '';
  child.stderr.on('data', (chunk) => (log += chunk));
  const ready = new Promise((resolve, reject) => {
    child.stderr.on('data', () => /serving MCP over Streamable HTTP/.test(log) && resolve());
    child.once('exit', (code) => reject(new Error(`replica ${name} exited with ${code}: ${log}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', () => resolve(performance.now())));
  return { name, port, child, ready, exited, log: () => log };
}

async function waitFor(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  if (!existsSync(BIN)) throw new Error('dist/cli.js is missing: npm run build first (npm run deploy-check does)');
  const nginx = ensureNginx();
  // nginx -v prints to stderr.
  const nginxVersion = spawnSync(nginx, ['-v'], { encoding: 'utf8' })
    .stderr.trim()
    .replace(/^nginx version: /, '');

  workDir = mkdtempSync(join(tmpdir(), 'brevo-mcp-deploy-'));
  // nginx's workers (user nobody) write request bodies under here.
  chmodSync(workDir, 0o755);
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(workDir, dir));
    chmodSync(join(workDir, dir), 0o777);
  }
  const cert = join(workDir, 'cert.pem');
  const key = join(workDir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );

  const issuer = await startIssuer();
  const [httpsPort, httpPort, portA, portB, redisPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const redisUrl = await startRedis(redisPort);
  const publicUrl = `https://127.0.0.1:${httpsPort}/mcp`;
  const replicas = [
    startReplica(portA, issuer.url, publicUrl, 'A', redisUrl),
    startReplica(portB, issuer.url, publicUrl, 'B', redisUrl),
  ];
  await Promise.all(replicas.map((r) => r.ready));

  const site = renderSiteConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), [
    ['server 127.0.0.1:3001 ', `server 127.0.0.1:${portA} `],
    ['server 127.0.0.1:3002 ', `server 127.0.0.1:${portB} `],
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`],
    ['/etc/ssl/certs/mcp.example.com.pem', cert],
    ['/etc/ssl/private/mcp.example.com.key', key],
  ]);
  writeFileSync(join(workDir, 'brevo-mcp.conf'), site);
  const accessLog = join(workDir, 'access.log');
  writeFileSync(
    join(workDir, 'nginx.conf'),
    `daemon off;
worker_processes 2;
pid ${workDir}/nginx.pid;
error_log ${workDir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format check '$msec $upstream_addr $status $request_method $uri';
  access_log ${accessLog} check;
  client_body_temp_path ${workDir}/body;
  proxy_temp_path ${workDir}/proxy;
  fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi;
  scgi_temp_path ${workDir}/scgi;
  include ${workDir}/brevo-mcp.conf;
}
`,
  );
  execFileSync(nginx, ['-t', '-q', '-p', workDir, '-c', join(workDir, 'nginx.conf')], { stdio: 'inherit' });
  const proxy = spawn(nginx, ['-p', workDir, '-c', join(workDir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(proxy);
  let proxyLog = '';
  proxy.stderr.on('data', (c) => (proxyLog += c));

  const agent = new Agent({ connect: { ca: readFileSync(cert, 'utf8') }, connections: 64 });
  const tlsFetch = (url, init) => undiciFetch(url, { ...init, dispatcher: agent });
  await waitFor(
    async () => (await tlsFetch(`https://127.0.0.1:${httpsPort}/healthz`)).status === 200,
    'nginx answering /healthz over TLS',
  );
  const redirect = await undiciFetch(`http://127.0.0.1:${httpPort}/mcp`, { redirect: 'manual' });
  if (redirect.status !== 301) throw new Error(`plain HTTP should redirect to https, got ${redirect.status}`);
  say(
    `${nginxVersion || 'nginx'} with deploy/nginx.conf: TLS (self-signed) on 127.0.0.1:${httpsPort} ` +
      `-> 2 replicas (--stateless --sandbox --confirm, OAuth from oidc-provider at ${issuer.url}, ` +
      `change events through Redis)`,
  );

  const serviceToken = await issuer.clientCredentialsToken({ resource: publicUrl });
  const crossProblems = await crossReplicaChecks(replicas[0], replicas[1], serviceToken);

  // Half the clients are 2025-11-25 ones signing in through nginx as a real one would; half are
  // 2026-07-28 ones with a client-credentials token.
  const legacyCount = Math.ceil(CLIENTS / 2);
  const signInStart = performance.now();
  const sessions = [
    ...(await Promise.all(
      Array.from({ length: legacyCount }, (_, i) =>
        connectWithOAuth(publicUrl, new TestOAuthProvider(issuer, { login: i % 2 ? 'alice' : 'bob' }), {
          fetch: tlsFetch,
        }).then((s) => ({ ...s, revision: '2025-11-25' })),
      ),
    )),
    ...(await Promise.all(
      Array.from({ length: CLIENTS - legacyCount }, () =>
        connectModern(publicUrl, serviceToken, tlsFetch).then((s) => ({ ...s, revision: '2026-07-28' })),
      ),
    )),
  ];
  say(
    `${legacyCount} 2025-11-25 clients signed in (401, metadata, registration, code with PKCE, ` +
      `token) and ${CLIENTS - legacyCount} 2026-07-28 clients connected (server/discover) in ${Math.round(performance.now() - signInStart)} ` +
      `ms`,
  );

  const calls = [];
  const start = performance.now();
  const stopAt = start + RUN_MS;
  const victim = replicas[0];
  // The kill is sent at killSentAt; until the process is seen gone (goneAt), calls may still be
  // reaching it, and those are the calls in flight on it.
  let killSentAt = Infinity;
  let goneAt = Infinity;
  const killer = new Promise((resolve) => setTimeout(resolve, KILL_AT_MS)).then(async () => {
    killSentAt = performance.now();
    victim.child.kill('SIGKILL');
    goneAt = await victim.exited;
  });
  await Promise.all(
    sessions.map(async ({ client, revision }) => {
      while (performance.now() < stopAt) {
        const call = { start: performance.now(), end: 0, error: undefined, revision };
        try {
          // A call cut off mid-answer would otherwise wait for the SDK's 60 s request timeout.
          const result = await client.callTool({ name: 'get_account', arguments: {} }, undefined, {
            timeout: CALL_TIMEOUT_MS,
          });
          if (result.isError) call.error = 'tool error';
        } catch (error) {
          call.error = error instanceof Error ? error.message.slice(0, 120) : String(error);
        }
        call.end = performance.now();
        calls.push(call);
      }
    }),
  );
  await killer;
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all(sessions.map(({ client }) => client.close().catch(() => {})));

  // What nginx says each replica served.
  await new Promise((r) => setTimeout(r, 200));
  const logLines = readFileSync(accessLog, 'utf8').trim().split('\n').filter(Boolean);
  // Answers logged until the process was gone were in flight at the kill: they count as before it.
  const goneAtEpoch = Date.now() / 1000 - (performance.now() - goneAt) / 1000;
  const served = { A: { before: 0, after: 0 }, B: { before: 0, after: 0 } };
  const badAnswers = [];
  for (const line of logLines) {
    const [msec, upstream, status, method, uri] = line.split(' ');
    if (uri !== '/mcp' || method !== 'POST') continue;
    const last = upstream.split(',').pop().trim();
    const replica = replicas.find((r) => last === `127.0.0.1:${r.port}`);
    if (Number(status) >= 500) badAnswers.push({ upstream, status });
    if (replica && Number(status) < 500) served[replica.name][Number(msec) <= goneAtEpoch ? 'before' : 'after']++;
  }

  const failed = calls.filter((c) => c.error);
  const durations = calls
    .filter((c) => !c.error)
    .map((c) => c.end - c.start)
    .sort((a, b) => a - b);
  const failedBefore = failed.filter((c) => c.end < killSentAt);
  const failedAfter = failed.filter((c) => c.end >= killSentAt);
  const notInFlight = failedAfter.filter((c) => c.start > goneAt);
  const victimAddress = `127.0.0.1:${victim.port}`;
  const elsewhere = badAnswers.filter(
    (b) =>
      !b.upstream
        .split(',')
        .map((s) => s.trim())
        .includes(victimAddress),
  );

  say(
    `${calls.length} tool calls by ${CLIENTS} clients in ${elapsed.toFixed(1)} s: ${Math.round(calls.length / elapsed)} ` +
      `calls/s, p50 ${percentile(durations, 50).toFixed(1)} ms, p99 ${percentile(durations, 99).toFixed(1)} ` +
      `ms (successful calls)`,
  );
  for (const revision of ['2025-11-25', '2026-07-28']) {
    const mine = calls.filter((c) => c.revision === revision);
    const ok = mine
      .filter((c) => !c.error)
      .map((c) => c.end - c.start)
      .sort((a, b) => a - b);
    say(
      `  ${revision}: ${mine.length} calls, ${mine.length - ok.length} errors, p50 ${percentile(ok, 50).toFixed(1)} ` +
        `ms, p99 ${percentile(ok, 99).toFixed(1)} ms`,
    );
  }
  say(
    `errors: ${failedBefore.length} before the kill, ${failedAfter.length} after it (${failedAfter.length - notInFlight.length} ` +
      `of them in flight when replica ${victim.name} was killed at ${((killSentAt - start) / 1000).toFixed(1)} ` +
      `s)`,
  );
  // The killed replica's count is not split: nginx may log an answer it got just before the kill a moment after it.
  say(
    `replica A served ${served.A.before + served.A.after} calls until it was killed; replica B ` +
      `${served.B.before + served.B.after}, ${served.B.after} of them after the kill (nginx access ` +
      `log)`,
  );

  const problems = [...crossProblems];
  if (calls.length === 0) problems.push('no call was made');
  for (const revision of ['2025-11-25', '2026-07-28'])
    if (!calls.some((c) => c.revision === revision && !c.error)) problems.push(`no ${revision} call succeeded`);
  if (failedBefore.length)
    problems.push(`${failedBefore.length} call(s) failed before the kill, e.g. ${failedBefore[0].error}`);
  if (notInFlight.length)
    problems.push(`${notInFlight.length} call(s) started after the kill failed, e.g. ${notInFlight[0].error}`);
  if (elsewhere.length)
    problems.push(
      `nginx answered ${elsewhere.length} request(s) with 5xx from a replica that was not killed: ` +
        `${JSON.stringify(elsewhere.slice(0, 3))}`,
    );
  if (!(served.A.before + served.A.after) || !served.B.before)
    problems.push('both replicas should have served traffic before the kill');
  if (!served.B.after) problems.push('the surviving replica served nothing after the kill');
  if (problems.length) {
    for (const p of problems) say(`FAILED: ${p}`);
    say(
      // wide: one message kept whole so it reads as sent
      `replica logs:\n${replicas.map((r) => `--- ${r.name}\n${r.log()}`).join('\n')}\n--- nginx\n${proxyLog}${readFileSync(join(workDir, 'error.log'), 'utf8')}`,
    );
    return 1;
  }
  say(
    'passed: both revisions served, no error before the kill, after it only calls in flight on ' +
      'the killed replica, both replicas served, a confirmation and a change crossed replicas',
  );
  await agent.close();
  await issuer.close();
  return 0;
}

main().then(
  (code) => {
    cleanUp();
    process.exit(code);
  },
  (error) => {
    say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    cleanUp();
    process.exit(1);
  },
);
