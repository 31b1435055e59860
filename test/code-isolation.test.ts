// Code mode's safety: scripts trying to escape the sandbox, every limit, cancellation, progress,
// confirmation, redaction and read-only sessions, through the built server and the SDK's Client.
import { ElicitRequestSchema, type ElicitResult, type Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectHttp, connectStdio, startHttpServer, TEST_KEY, textOf, type Connected } from './support/mcp.js';

const MAX_CHARS = 5000;
const LIMITS = [
  '--code-timeout-ms',
  '3000',
  '--code-max-calls',
  '3',
  '--code-memory-mb',
  '16',
  '--max-result-chars',
  String(MAX_CHARS),
];

const waitFor = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('code mode isolation and limits', () => {
  let fake: FakeBrevo;
  let conn: Connected;
  const execute = (code: string, options?: Parameters<Connected['client']['callTool']>[2]) =>
    conn.client.callTool({ name: 'execute', arguments: { code } }, undefined, options);
  const value = async (code: string) => {
    const result = await execute(code);
    expect(result.isError, textOf(result)).toBeFalsy();
    return JSON.parse(textOf(result).split(/\n--- console ---\n|\nNote: /)[0]!);
  };

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    conn = await connectStdio({ apiUrl: fake.url, args: ['--code', ...LIMITS] });
  });
  afterAll(async () => {
    await conn?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    fake.route('GET', '/account', { json: { companyName: 'Demo Shop' } });
  });

  it('reaches the whole catalog without --toolsets, through brevo only', async () => {
    expect(await value('return Object.keys(brevo).length')).toBe(292);
    expect(
      await value('return [typeof brevo.send_transac_email, typeof brevo.get_deals, typeof brevo.nonexistent]'),
    ).toEqual(['function', 'function', 'function']);
  });

  it('offers nothing of the host: no process, require, fetch, timers, modules or Node globals', async () => {
    const globals = await value(
      `return Object.getOwnPropertyNames(globalThis).filter((n) => !/^[A-Z]/.test(n)).sort()`,
    );
    expect(globals).toEqual(
      [
        'brevo',
        'console',
        'decodeURI',
        'decodeURIComponent',
        'encodeURI',
        'encodeURIComponent',
        'escape',
        'eval',
        'globalThis',
        'isFinite',
        'isNaN',
        'parseFloat',
        'parseInt',
        'undefined',
        'unescape',
      ].sort(),
    );
    const kinds = await value(
      `return ['process', 'require', 'module', 'fetch', 'setTimeout', 'setInterval', 'setImmediate', ` +
        `'queueMicrotask', 'Buffer', 'WebAssembly', 'XMLHttpRequest', 'Deno', 'Bun', 'std', 'os'].map((n) ` +
        `=> typeof globalThis[n])`,
    );
    expect(new Set(kinds)).toEqual(new Set(['undefined']));
    const imported = await value(
      `const out = []; for (const m of ['fs', 'node:child_process', 'https://example.com/x.js']) ` +
        `{ try { await import(m); out.push('loaded ' + m); } catch (e) { out.push(e.name); } } return ` +
        `out;`,
    );
    expect(imported.every((r: string) => !r.startsWith('loaded'))).toBe(true);
  });

  it('constructor chains and Function reach only the sandbox itself', async () => {
    const reached = await value(`
      const viaArrow = (() => {}).constructor('return typeof process')();
      const viaBridge = brevo.get_account.constructor.constructor('return this')();
      const viaAnswer = (await brevo.get_account()).constructor.constructor('return typeof require')();
      let viaError; try { await brevo.nonexistent({}); } catch (e) { viaError = e.constructor.constructor('return typeof fetch')(); }
      const viaEval = eval('typeof process');
      const viaFunction = Function('return Object.getOwnPropertyNames(this).includes("process")')();
      return { viaArrow, bridgeGlobalIsSandbox: viaBridge === globalThis, viaAnswer, viaError, viaEval, viaFunction };`);
    expect(reached).toEqual({
      viaArrow: 'undefined',
      bridgeGlobalIsSandbox: true,
      viaAnswer: 'undefined',
      viaError: 'undefined',
      viaEval: 'undefined',
      viaFunction: false,
    });
  });

  it('answers are plain sandbox values, not host objects', async () => {
    fake.route('GET', '/contacts/lists', { json: { lists: [{ id: 1, name: 'VIP' }], count: 1 } });
    const kinds = await value(`
      const a = await brevo.get_lists();
      return [Object.getPrototypeOf(a) === Object.prototype, Array.isArray(a.lists), Object.getPrototypeOf(a.lists) === Array.prototype, Object.isFrozen(brevo), Object.getOwnPropertyNames(brevo.get_lists)];`);
    expect(kinds).toEqual([true, true, true, true, ['length', 'name']]);
  });

  it('prototype pollution cannot change what the bridge sends, and does not outlive the run', async () => {
    const polluted = await execute(`
      Object.prototype.folderId = 99;
      Object.prototype.toJSON = undefined;
      JSON.stringify = () => '{"name":"evil","folderId":1}';
      JSON.parse = () => ({ hacked: true });
      try { brevo.create_list = () => 'replaced'; } catch {}
      try { Object.defineProperty(brevo, 'create_list', { value: () => 'replaced' }); } catch {}
      await brevo.create_list({ name: 'VIP' });`);
    expect(polluted.isError).toBe(true);
    expect(textOf(polluted)).toMatch(
      // wide: one regex; cut into pieces it is harder to check
      /Invalid arguments for create_list: folderId is required \(get_folders lists them; create_folder makes one\) \(code invalid_arguments, tool create_list\)/,
    );
    const viaProto = await execute(
      `await brevo.create_list(JSON.parse('{"__proto__": {"folderId": 1}, "name": "x"}'))`,
    );
    expect(textOf(viaProto)).toMatch(/folderId.*Unrecognized key: "__proto__"/s);
    expect(fake.requests).toHaveLength(0);
    expect(
      await value(`return [({}).folderId, JSON.stringify({ a: 1 }), Object.prototype.hasOwnProperty('toJSON')]`),
    ).toEqual([null, '{"a":1}', false]);
  });

  it('an infinite loop ends at the time limit; the server stays responsive', async () => {
    const started = Date.now();
    const stopped = await execute('console.log("spinning"); for (;;) {}');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stopped.isError).toBe(true);
    expect(textOf(stopped)).toBe(
      'Stopped: the run hit the time limit (3000 ms, --code-timeout-ms). No Brevo call was made.\n--- ' +
        'console ---\nspinning',
    );
    expect(await value('return 1 + 1')).toBe(2);
  });

  it('a memory bomb ends at the memory limit', async () => {
    const stopped = await execute('const hoard = []; for (;;) hoard.push(new Array(100000).fill(hoard.length));');
    expect(stopped.isError).toBe(true);
    expect(textOf(stopped)).toMatch(
      /^Stopped: the run hit the memory limit \(16 MB, --code-memory-mb\)\. No Brevo call was made\.$/,
    );
    const strings = await execute("const parts = []; for (let i = 0; ; i++) parts.push('x'.repeat(4096) + i);");
    expect(textOf(strings)).toMatch(/memory limit \(16 MB, --code-memory-mb\)/);
    // The engine's "out of memory" can be caught; memory stays bounded and the script goes on.
    expect(
      await value(
        'const hoard = []; try { for (;;) hoard.push(new Array(100000).fill(1)); } catch (e) { hoard.length ' +
          '= 0; return String(e); }',
      ),
    ).toBe('InternalError: out of memory');
    expect(await value('return "still here"')).toBe('still here');
  });

  it('deep recursion ends as an error, not a crash', async () => {
    const result = await execute('const dive = (n) => dive(n + 1) + 1; return dive(0);');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^The script threw (InternalError|RangeError): .*stack/);
    expect(await value('const f = (n) => (n ? f(n - 1) + 1 : 0); return f(200)')).toBe(200);
  });

  it('an enormous return value is cut to --max-result-chars with a note', async () => {
    const big = await execute(`return 'x'.repeat(3_000_000)`);
    expect(textOf(big).length).toBeLessThanOrEqual(MAX_CHARS);
    expect(textOf(big)).toMatch(/\[cut: .*return less/);
    const list = await execute(`return { items: Array.from({ length: 5000 }, (_, i) => ({ i, name: 'item ' + i })) }`);
    const shown = JSON.parse(textOf(list));
    expect(textOf(list).length).toBeLessThanOrEqual(MAX_CHARS);
    expect(shown._truncated).toMatchObject({ list: 'items', returned: 5000 });
    expect(shown.items[0]).toEqual({ i: 0, name: 'item 0' });
  });

  it('a promise that never settles ends the run at once, not at the time limit', async () => {
    const started = Date.now();
    const result = await execute('await new Promise(() => {}); return 1;');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^The script never finished: it awaits a promise that nothing can settle/);
  });

  it('unhandled rejections neither crash the server nor go unreported', async () => {
    fake.route('GET', '/contacts/lists/7', {
      status: 404,
      json: { code: 'document_not_found', message: 'List ID does not exist' },
    });
    const result = await execute(`
      Promise.reject(new Error('floating'));
      brevo.get_list({ listId: 7 });
      brevo.get_account().then(() => { throw new Error('late'); });
      return 'returned';`);
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toBe(
      '"returned"\nNote: 1 Brevo call failed and the script never read the error: get_list: 404 document_not_found.',
    );
    expect(fake.requests.map((r) => r.path).sort()).toEqual(['/account', '/contacts/lists/7']);
    expect(await value('return "alive"')).toBe('alive');
  });

  it('the call limit ends the run and says what was done', async () => {
    const stopped = await execute('console.log("start"); for (let i = 0; i < 10; i++) await brevo.get_account();');
    expect(stopped.isError).toBe(true);
    expect(textOf(stopped)).toBe(
      'Stopped: the run hit the limit of 3 Brevo calls per run (--code-max-calls). Brevo calls made: ' +
        '3 (get_account x3 ok 200).\n--- console ---\nstart',
    );
    expect(fake.requests).toHaveLength(3);
  });

  it('the time limit abandons a Brevo request in flight and says so', async () => {
    fake.route('GET', '/account', { delayMs: 8000, json: {} });
    const stopped = await execute('await brevo.get_account();');
    expect(textOf(stopped)).toMatch(
      /^Stopped: the run hit the time limit .* Brevo calls made: 1 \(get_account abandoned \(it may have reached Brevo\)\)\.$/,
    );
    expect(await waitFor(() => fake.requests[0]?.aborted === true)).toBe(true);
  });

  it('invalid arguments reject before anything is sent, naming each bad field', async () => {
    const caught = await value(
      `try { await brevo.create_list({ name: 7 }); } catch (e) { return { code: e.code, tool: e.tool, ` +
        `message: e.message }; }`,
    );
    expect(caught).toMatchObject({ code: 'invalid_arguments', tool: 'create_list' });
    expect(caught.message).toBe(
      'Invalid arguments for create_list: name: expected a string, received 7; folderId is required ' +
        '(get_folders lists them; create_folder makes one)',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('empty answers and files come back as documented', async () => {
    fake.route('DELETE', '/contacts/lists/12', { status: 204 });
    fake.route('GET', '/inbound/attachments/tok', {
      body: Buffer.from('PDF!'),
      headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="bill.pdf"' },
    });
    expect(await value('return await brevo.delete_list({ listId: 12 })')).toEqual({ ok: true, status: 204 });
    expect(await value(`return await brevo.get_inbound_email_attachment({ downloadToken: 'tok' })`)).toEqual({
      fileName: 'bill.pdf',
      contentType: 'application/pdf',
      base64: Buffer.from('PDF!').toString('base64'),
    });
  });

  it('TypeScript is accepted; a syntax error says where, and nothing runs', async () => {
    expect(
      await value(
        'interface Pair { a: number; b: number }\nconst p: Pair = { a: 1, b: 2 };\nreturn (p.a + p.b) as number;',
      ),
    ).toBe(3);
    const broken = await execute('await brevo.get_account();\nconst = 5;');
    expect(textOf(broken)).toMatch(/^The script does not parse: SyntaxError: .*\(line 2\)\. Nothing was run\.$/);
    expect(fake.requests).toHaveLength(0);
  });

  it('keys never appear in logs or return values', async () => {
    const result = await execute(`console.log('key ${TEST_KEY}'); return { echoed: '${TEST_KEY}' };`);
    expect(textOf(result)).not.toContain(TEST_KEY);
    expect(textOf(result)).toBe('{"echoed":"[redacted]"}\n--- console ---\nkey [redacted]');
  });

  it('reports progress for each Brevo call when asked', async () => {
    const seen: Progress[] = [];
    await execute('await brevo.get_account(); await Promise.all([brevo.get_account(), brevo.get_account()]);', {
      onprogress: (p) => seen.push(p),
    });
    expect(seen.map((p) => p.progress)).toEqual([1, 2, 3]);
    expect(seen.every((p) => p.message === 'get_account: ok 200')).toBe(true);
  });

  it('cancelling a run aborts its Brevo request and runs nothing after it', async () => {
    fake.route('GET', '/account', { delayMs: 5000, json: {} });
    const controller = new AbortController();
    const pending = execute('await brevo.get_account(); await brevo.get_lists();', { signal: controller.signal });
    expect(await waitFor(() => fake.requests.length === 1)).toBe(true);
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(await waitFor(() => fake.requests[0]!.aborted)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.requests).toHaveLength(1);
  });

  it('cancelling a busy script frees the server at once', async () => {
    const controller = new AbortController();
    const pending = execute('for (;;) {}', { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(await value('return "next"')).toBe('next');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('code mode sessions', () => {
  it('closing the session interrupts the run and aborts its Brevo request', async () => {
    const fake = await FakeBrevo.start();
    fake.route('GET', '/account', { delayMs: 10_000, json: {} });
    const conn = await connectStdio({ apiUrl: fake.url, env: { BREVO_CODE: '1' } });
    try {
      void conn.client.callTool({ name: 'execute', arguments: { code: 'await brevo.get_account();' } }).catch(() => {});
      expect(await waitFor(() => fake.requests.length === 1)).toBe(true);
      await conn.close();
      expect(await waitFor(() => fake.requests[0]!.aborted)).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('read-only sessions cannot write from code, over stdio and per HTTP connection', async () => {
    const stdio = await connectStdio({ args: ['--sandbox', '--code', '--read-only'] });
    const server = await startHttpServer({ args: ['--sandbox', '--code'] });
    const narrowed = await connectHttp(`${server.url}?read_only=1`);
    try {
      const why = [
        'it changes data and the server is read-only (--read-only / BREVO_READ_ONLY)',
        'it changes data and this connection asked for read-only tools (read_only / X-Brevo-Read-Only)',
      ];
      for (const [i, conn] of [stdio, narrowed].entries()) {
        const { tools } = await conn.client.listTools();
        expect(tools.find((t) => t.name === 'execute')?.annotations).toEqual({
          readOnlyHint: true,
          openWorldHint: true,
        });
        const result = await conn.client.callTool({
          name: 'execute',
          arguments: {
            code: `const writes = Object.keys(brevo).filter((n) => /^(create|delete|update|send)_/.test(n));
              let refused; try { await brevo.delete_list({ listId: 1 }); } catch (e) { refused = { code: e.code, message: e.message }; }
              const still = await brevo.get_list({ listId: 1 });
              return { writes, refused, still: still.name };`,
          },
        });
        expect(JSON.parse(textOf(result))).toEqual({
          writes: [],
          refused: {
            code: 'not_available',
            message: `delete_list is a Brevo operation (toolset contacts) that this server does not offer: ${why[i]}.`,
          },
          still: 'All customers',
        });
      }
    } finally {
      await stdio.close();
      await narrowed.close();
      await server.stop();
    }
  });

  it('--toolsets and --exclude-tools narrow what brevo reaches', async () => {
    const conn = await connectStdio({
      args: ['--sandbox', '--code', '--toolsets', 'account', '--exclude-tools', 'get_process'],
    });
    try {
      const result = await conn.client.callTool({
        name: 'execute',
        arguments: {
          code: `let e; try { await brevo.get_lists(); } catch (x) { e = x.message; } return [Object.keys(brevo), e];`,
        },
      });
      const [names, refused] = JSON.parse(textOf(result).split('\nNote: ')[0]!);
      expect(names.sort()).toEqual(['get_account', 'get_account_activity', 'get_processes']);
      expect(refused).toBe(
        'get_lists is a Brevo operation (toolset contacts) that this server does not offer: its toolset ' +
          'contacts is not enabled; start the server with --toolsets including contacts (or --toolsets ' +
          'all).',
      );
    } finally {
      await conn.close();
    }
  });
});

describe('code mode through the one client', () => {
  it('retries what is safe to repeat, never a send, and keeps to the concurrency cap', async () => {
    const fake = await FakeBrevo.start();
    const conn = await connectStdio({ apiUrl: fake.url, args: ['--code'], env: { BREVO_MAX_CONCURRENCY: '2' } });
    try {
      fake.replyOnce({ status: 503, json: { code: 'unavailable', message: 'try later' } });
      fake.route('GET', '/account', { json: { companyName: 'Demo Shop' } });
      const read = await conn.client.callTool({
        name: 'execute',
        arguments: { code: 'return (await brevo.get_account()).companyName' },
      });
      expect(textOf(read)).toBe('"Demo Shop"');
      expect(fake.requests.map((r) => r.path)).toEqual(['/account', '/account']);

      fake.reset();
      fake.route('POST', '/smtp/email', { status: 503, json: { code: 'unavailable', message: 'try later' } });
      const send = await conn.client.callTool({
        name: 'execute',
        arguments: {
          code:
            `try { await brevo.send_transac_email({ to: [{ email: 'ann@example.com' }], subject: 'Hi', ` +
            `textContent: 'Hi' }); } catch (e) { return [e.status, e.code]; }`,
        },
      });
      expect(JSON.parse(textOf(send))).toEqual([503, 'unavailable']);
      expect(fake.requests).toHaveLength(1);

      fake.reset();
      fake.route('GET', '/contacts/lists', { delayMs: 100, json: { lists: [], count: 0 } });
      const fanOut = await conn.client.callTool({
        name: 'execute',
        arguments: { code: 'return (await Promise.all(Array.from({ length: 8 }, () => brevo.get_lists()))).length' },
      });
      expect(textOf(fanOut)).toBe('8');
      expect(fake.requests).toHaveLength(8);
      expect(fake.maxInFlight).toBe(2);
    } finally {
      await conn.close();
      await fake.close();
    }
  });
});

describe('code mode with --confirm', () => {
  let fake: FakeBrevo;
  let conn: Connected;
  let answer: ElicitResult = { action: 'decline' };
  const questions: string[] = [];

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    conn = await connectStdio({
      apiUrl: fake.url,
      args: ['--code', '--confirm'],
      capabilities: { capabilities: { elicitation: { form: {} } } },
    });
    conn.client.setRequestHandler(ElicitRequestSchema, async (request) => {
      questions.push(request.params.message);
      return answer;
    });
  });
  afterAll(async () => {
    await conn?.close();
    await fake?.close();
  });

  it('asks before each destructive call; a declined one rejects with not_approved and sends nothing', async () => {
    fake.route('DELETE', '/contacts/lists/12', { status: 204 });
    answer = { action: 'decline' };
    const declined = await conn.client.callTool({
      name: 'execute',
      arguments: {
        code:
          `await brevo.create_list({ name: 'New', folderId: 1 }); try { await brevo.delete_list({ listId: ` +
          `12 }); } catch (e) { return { code: e.code, message: e.message }; }`,
      },
    });
    expect(JSON.parse(textOf(declined))).toEqual({
      code: 'not_approved',
      message: 'Not done: the user declined. Nothing was sent to Brevo. Action: Delete list: listId 12.',
    });
    expect(questions).toEqual(['Delete list: listId 12.\nThis cannot be undone. Go ahead?']);
    expect(fake.requests.map((r) => r.method)).toEqual(['POST']);

    answer = { action: 'accept', content: { confirm: true } };
    const accepted = await conn.client.callTool({
      name: 'execute',
      arguments: { code: 'return await brevo.delete_list({ listId: 12 });' },
    });
    expect(JSON.parse(textOf(accepted))).toEqual({ ok: true, status: 204 });
    expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });
});
