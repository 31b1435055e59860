// Code mode and search hosted for several sessions (issue 20): one request or script cannot take the
// process's memory or another session's turn, nothing of a key enters a script, runs stay isolated.
// Each test drives the built server over Streamable HTTP (or stdio) with the SDK's Client; memory is
// the server process's peak RSS, asserted as a bound with a wide margin.
import { ElicitRequestSchema, type Progress } from '@modelcontextprotocol/sdk/types.js';
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import {
  BIN,
  connectHttp,
  connectStdio,
  peakRssMb,
  startHttpServer,
  TEST_KEY,
  textOf,
  type Connected,
  type HttpServerProcess,
} from './support/mcp.js';

/** The server's memory before any of this (about 100 MB) plus a wide margin. */
const RSS_CEILING_MB = 300;

const waitFor = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return check();
};

describe('code mode and search, hosted', () => {
  let fake: FakeBrevo;
  const servers: HttpServerProcess[] = [];
  const clients: Connected[] = [];
  const serve = async (args: string[]) => {
    const server = await startHttpServer({ apiUrl: fake.url, args, env: { BREVO_MCP_LOG_LEVEL: 'debug' } });
    servers.push(server);
    return server;
  };
  const connect = async (url: string, headers: Record<string, string> = {}, capabilities?: object) => {
    const conn = await connectHttp(url, headers, capabilities);
    clients.push(conn);
    return conn;
  };
  const execute = (conn: Connected, code: string, options?: Parameters<Connected['client']['callTool']>[2]) =>
    conn.client.callTool({ name: 'execute', arguments: { code } }, undefined, { timeout: 60_000, ...options });

  beforeAll(async () => {
    fake = await FakeBrevo.start();
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    fake.route('GET', '/account', { json: { companyName: 'Demo Shop' } });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close().catch(() => {})));
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('1. a search with a 25,000-letter word is refused before matching, in code and dynamic mode', async () => {
    const word = 'q'.repeat(25_000);
    for (const [mode, tool] of [
      ['--code', 'search'],
      ['--dynamic', 'search_tools'],
    ] as const) {
      const server = await serve([mode]);
      const conn = await connect(server.url);
      const result = await conn.client.callTool({ name: tool, arguments: { query: `contacts ${word}` } });
      expect(result.isError, `${tool}: ${textOf(result).slice(0, 200)}`).toBe(true);
      expect(textOf(result)).toContain('at most 1000 characters, got 25009');
      const longWord = await conn.client.callTool({ name: tool, arguments: { query: `contacts ${'w'.repeat(900)}` } });
      expect(longWord.isError).toBe(true);
      expect(textOf(longWord)).toContain('words of at most 64 characters, got one of 900');
      // Ordinary searches still answer.
      const ok = await conn.client.callTool({ name: tool, arguments: { query: 'delete a contact' } });
      expect(textOf(ok)).toContain('delete_contact');
      expect(peakRssMb(server.pid)).toBeLessThan(RSS_CEILING_MB);
    }
  });

  it('2. calls to unknown names count against --code-max-calls, and long names never leave the engine', async () => {
    const server = await serve(['--code', '--code-max-calls', '10']);
    const conn = await connect(server.url);
    const other = await connect(server.url);
    const canary = await connect(server.url);
    const longNames = `const name = 'n'.repeat(16_000_000);
       let refused = 0;
       for (let i = 0; i < 20; i++) { try { await brevo[name + i](); } catch (e) { refused++; } }
       return refused;`;
    // Four at once from two sessions; a third session's tools/list is answered meanwhile.
    const runs = [conn, conn, other, other].map((c) => execute(c, longNames));
    await new Promise((r) => setTimeout(r, 300));
    const listed = Date.now();
    await canary.client.listTools();
    expect(Date.now() - listed).toBeLessThan(2_000);
    const [result] = await Promise.all(runs);
    expect(result!.isError).toBe(true);
    expect(textOf(result!)).toContain('the limit of 10 Brevo calls per run (--code-max-calls)');
    expect(textOf(result!).length).toBeLessThan(5_000);
    expect(peakRssMb(server.pid)).toBeLessThan(RSS_CEILING_MB);
    // Unknown short names count too.
    const unknown = await execute(conn, 'for (let i = 0; i < 30; i++) { try { await brevo.nothing(); } catch {} }');
    expect(textOf(unknown)).toContain('the limit of 10 Brevo calls per run');
  });

  it("3. one session's many busy scripts neither delay another session's script nor queue without bound", async () => {
    const server = await serve(['--code', '--code-timeout-ms', '8000']);
    const greedy = await connect(server.url);
    const canary = await connect(server.url);
    const loops = Array.from({ length: 36 }, () => execute(greedy, 'while (true) {}'));
    for (const loop of loops) loop.catch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    const quick = await execute(canary, 'return 1');
    const waited = Date.now() - started;
    expect(textOf(quick)).toBe('1');
    // A run is a few milliseconds; the margin is wide, and far below one busy script's 8 s.
    expect(waited).toBeLessThan(3_000);
    // Two run and thirty wait (the session's share and queue); the rest are refused at once.
    const busy = await Promise.race([
      Promise.all(loops.slice(32)),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 2_000)),
    ]);
    expect(busy, 'the scripts past the queue are answered at once').toBeDefined();
    for (const result of busy!) {
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^Busy: this session already has 2 scripts running and 30 waiting/);
    }
  }, 60_000);

  it('3. a client that hangs up on a stateful session ends its run', async () => {
    const server = await serve(['--code', '--code-timeout-ms', '20000']);
    const conn = await connect(server.url);
    const sessionId = (conn.client.transport as { sessionId?: string }).sessionId!;
    const hangUp = new AbortController();
    const posted = fetch(server.url, {
      method: 'POST',
      signal: hangUp.signal,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 77,
        method: 'tools/call',
        params: { name: 'execute', arguments: { code: 'while (true) {}' } },
      }),
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 700));
    hangUp.abort();
    await posted;
    expect(await waitFor(() => /execute: cancelled/.test(server.stderr()), 4_000), server.stderr().slice(-2000)).toBe(
      true,
    );
  }, 30_000);

  it('4. a console flood is counted in lines and bytes; the extra lines are dropped and said so', async () => {
    const server = await serve(['--code', '--code-timeout-ms', '30000']);
    const conn = await connect(server.url);
    const result = await execute(conn, `for (let i = 0; i < 1_000_000; i++) console.log(); return 'done'`);
    const text = textOf(result);
    expect(text.startsWith('"done"'), text.slice(0, 300)).toBe(true);
    expect(text).toContain(
      '[999800 later console lines dropped: a run keeps at most 200 lines and 10000 bytes of console output]',
    );
    const wide = await execute(conn, `for (let i = 0; i < 100; i++) console.log('é'.repeat(1500)); return 1`);
    expect(textOf(wide)).toContain('[97 later console lines dropped');
    expect(peakRssMb(server.pid)).toBeLessThan(RSS_CEILING_MB);
  }, 60_000);

  it('4. every limit flag has an upper bound, checked at start', async () => {
    const refused = async (args: string[]) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { PATH: process.env.PATH ?? '', BREVO_API_KEY: TEST_KEY },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { code, stderr };
    };
    for (const [flag, value, most] of [
      ['--code-timeout-ms', '150000', '120000'],
      ['--code-memory-mb', '4096', '256'],
      ['--code-max-calls', '100000', '1000'],
      ['--max-body-bytes', '1000000000', '16777216'],
      ['--max-result-chars', '50000000', '1000000'],
      ['--max-sessions', '1000000', '10000'],
    ] as const) {
      const { code, stderr } = await refused(['--code', flag, value]);
      expect(code).not.toBe(0);
      expect(stderr).toContain(`${flag} must be at most ${most}, got "${value}"`);
    }
  });

  it('5. no answer, error, file or progress message brings the key into a script or to the client', async () => {
    const key = TEST_KEY;
    fake.route('GET', '/account', (req) => ({ json: { echo: req.headers['api-key'], nested: [{ k: key }] } }));
    fake.route('GET', '/contacts/lists', (req) => ({
      status: 400,
      json: { code: `bad_${req.headers['api-key']}`, message: `the key ${req.headers['api-key']} is not allowed` },
    }));
    fake.route('GET', '/inbound/attachments/tok', {
      body: Buffer.from(`exported settings: key=${key};`),
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${key}.pdf"` },
    });
    const server = await serve(['--code']);
    const conn = await connect(server.url);
    const progress: Progress[] = [];
    const result = await execute(
      conn,
      `const seen = [];
       seen.push(JSON.stringify(await brevo.get_account()));
       try { await brevo.get_lists(); } catch (e) { seen.push(e.message, e.code); }
       const file = await brevo.get_inbound_email_attachment({ downloadToken: 'tok' });
       seen.push(file.fileName);
       const all = seen.join('|');
       return { reversed: all.split('').reverse().join(''), spaced: all.split('').join(' '), sawKey: all.includes('xkeysib'), file: file.base64 };`,
      { onprogress: (p) => progress.push(p) },
    );
    const value = JSON.parse(textOf(result)) as { reversed: string; spaced: string; sawKey: boolean; file: string };
    expect(value.sawKey).toBe(false);
    expect(value.reversed).not.toContain([...key].reverse().join(''));
    expect(value.spaced).not.toContain([...key].join(' '));
    expect(value.spaced).toContain([...'[redacted]'].join(' '));
    expect(Buffer.from(value.file, 'base64').toString()).toBe('exported settings: key=[redacted];');
    expect(progress.length).toBe(3);
    for (const p of progress) expect(p.message).not.toContain(key);
  });

  it('5. the --confirm question shows no key', async () => {
    fake.route('DELETE', /^\/contacts\//, { status: 204 });
    const server = await serve(['--code', '--confirm']);
    const questions: string[] = [];
    const conn = await connect(server.url, {}, { capabilities: { elicitation: {} } });
    conn.client.setRequestHandler(ElicitRequestSchema, (request) => {
      questions.push(request.params.message);
      return { action: 'decline' };
    });
    await execute(conn, `try { await brevo.delete_contact({ identifier: '${TEST_KEY}' }); } catch {}`);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain('[redacted]');
    expect(questions[0]).not.toContain(TEST_KEY);
  });

  it('6. what a script sends is bound by --max-body-bytes per call and per run, and by depth', async () => {
    fake.route('POST', '/contacts', { status: 201, json: { id: 1 } });
    const server = await serve(['--code', '--max-body-bytes', '100000']);
    const conn = await connect(server.url);
    const result = await execute(
      conn,
      `const told = [];
       const note = 'a'.repeat(60_000);
       for (let i = 0; i < 5; i++) {
         try { await brevo.create_contact({ email: 'u' + i + '@example.com', attributes: { NOTE: note } }); told.push('sent'); }
         catch (e) { told.push(e.code + ': ' + e.message); }
       }
       try { await brevo.create_contact({ email: 'h@example.com', attributes: { NOTE: 'b'.repeat(300_000) } }); }
       catch (e) { told.push(e.code + ': ' + e.message); }
       let deep = 'x';
       for (let i = 0; i < 40; i++) deep = [deep];
       try { await brevo.create_contact({ email: 'd@example.com', attributes: { LIST: deep } }); }
       catch (e) { told.push(e.code + ': ' + e.message); }
       return told;`,
    );
    const told = JSON.parse(textOf(result).split('\n--- console ---')[0]!) as string[];
    expect(told[0]).toBe('sent');
    expect(told[1]).toMatch(/^too_large: Not sent: this run's calls have sent \d+ bytes .* \(--max-body-bytes\)/);
    expect(told[5]).toMatch(/^too_large: Invalid arguments for create_contact: more than 100000 bytes/);
    expect(told[6]).toMatch(/nested deeper than 32 levels/);
    const sent = fake.requests.reduce((n, r) => n + r.body.length, 0);
    expect(fake.requests).toHaveLength(1);
    expect(sent).toBeLessThanOrEqual(100_000);
  });

  it('runs on a reused thread see nothing of the run before, and 16 at once stay within bounds', async () => {
    const conn = await connectStdio({ apiUrl: fake.url, args: ['--code'] });
    clients.push(conn);
    const leave = `const keep = []; for (let i = 0; i < 1000; i++) keep.push('secret ' + i); globalThis.keep = keep;
      globalThis.left = 'from run one'; Object.prototype.polluted = 1; Array.prototype.push = null; return 1`;
    const look = `return [typeof globalThis.left, typeof ({}).polluted, typeof [].push, typeof globalThis.keep]`;
    for (let i = 0; i < 6; i++) {
      expect(JSON.parse(textOf(await execute(conn, i % 2 ? look : leave)))).toEqual(
        i % 2 ? ['undefined', 'undefined', 'function', 'undefined'] : 1,
      );
    }
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => execute(conn, `return (await brevo.get_account()).companyName + ${i}`)),
    );
    expect(results.map(textOf)).toEqual(Array.from({ length: 16 }, (_, i) => `"Demo Shop${i}"`));
    expect(peakRssMb(conn.pid!)).toBeLessThan(RSS_CEILING_MB);
  });
});
