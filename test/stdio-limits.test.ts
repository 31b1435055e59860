// stdio that fails loudly: messages up to the documented limit (32 MiB) are read, a larger one is
// refused with an error on stderr (and an answer, where it was a request) while the server keeps
// serving; a client that stops reading stdout ends the server cleanly. Never a silent exit 0,
// never a server alive but deaf.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, TEST_KEY, textOf } from './support/mcp.js';
import { RawStdio } from './support/raw-stdio.js';

const LIMIT = 32 * 1024 * 1024;
const MiB = 1024 * 1024;

/** A ping of exactly `bytes` bytes (not counting its newline), padded in a param nobody reads. */
function pingOfSize(id: number, bytes: number): Buffer {
  const head = `{"jsonrpc":"2.0","id":${id},"method":"ping","params":{"_meta":{"pad":"`;
  const tail = '"}}}';
  const line = Buffer.alloc(bytes + 1, 0x61);
  line.write(head, 0);
  line.write(tail, bytes - tail.length);
  line[bytes] = 0x0a;
  return line;
}

describe('stdio message size', () => {
  let peer: RawStdio;

  beforeAll(async () => {
    peer = new RawStdio({ BREVO_API_KEY: TEST_KEY, BREVO_API_URL: 'http://127.0.0.1:9/v3' });
    await peer.initialize();
  });
  afterAll(async () => peer?.stop());

  it('reads the lines that used to end the process (11 MiB) or leave it deaf (10 MiB + 1)', async () => {
    peer.write(pingOfSize(1, 11 * MiB));
    expect((await peer.next((m) => m.id === 1, 15_000)).result).toEqual({});
    peer.write(pingOfSize(2, 10 * MiB + 1));
    expect((await peer.next((m) => m.id === 2, 15_000)).result).toEqual({});
  });

  it('reads a message of exactly the limit', async () => {
    peer.write(pingOfSize(3, LIMIT));
    expect((await peer.next((m) => m.id === 3, 15_000)).result).toEqual({});
  });

  it('answers a request one byte over the limit with an error naming the limit, and logs it', async () => {
    peer.write(pingOfSize(4, LIMIT + 1));
    const refused = await peer.next((m) => m.id === 4, 15_000);
    expect(refused.error.code).toBe(-32600);
    expect(refused.error.message).toBe(
      'Request too large: a message over stdio may have at most 33554432 bytes (32 MiB); send large ' +
        'files by URL where the tool takes one',
    );
    expect(peer.stderr).toMatch(
      /brevo-mcp error: refused a message over the stdio limit of 33554432 bytes \(32 MiB\) \(request id 4, answered with an error\)/,
    );
  });

  it('refuses a far larger request sent in many writes, finding its id, and keeps serving', async () => {
    const line = pingOfSize(5, 40 * MiB);
    for (let at = 0; at < line.length; at += 3 * MiB) peer.write(line.subarray(at, at + 3 * MiB));
    expect((await peer.next((m) => m.id === 5, 15_000)).error.message).toMatch(/^Request too large/);
    // A notification gets no answer, only the log line.
    peer.write(
      `{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":1,"message":"${'n'.repeat(LIMIT)}"}}\n`,
    );
    expect((await peer.request(6, 'ping')).result).toEqual({});
    expect(peer.stderr.match(/refused a message over the stdio limit/g)).toHaveLength(3);
    expect(peer.stderr).toMatch(/limit of 33554432 bytes \(32 MiB\); send large files/);
    expect(peer.alive).toBe(true);
  });

  it('wrote nothing but JSON-RPC messages on stdout, and exits 0 only at EOF', async () => {
    for (const line of peer.lines) expect(JSON.parse(line).jsonrpc).toBe('2.0');
    expect(peer.alive).toBe(true);
    await peer.stop();
    expect(await peer.exited).toEqual({ code: 0, signal: null });
  });
});

describe('a large attachment over stdio', () => {
  let fake: FakeBrevo;
  beforeAll(async () => (fake = await FakeBrevo.start()));
  afterAll(async () => fake?.close());

  it('sends an 8 MB file (11 MB as base64) to Brevo intact', async () => {
    const conn = await connectStdio({ apiUrl: fake.url });
    try {
      const file = Buffer.alloc(8 * 1000 * 1000);
      for (let i = 0; i < file.length; i++) file[i] = (i * 7919) % 251;
      const content = file.toString('base64');
      fake.route('POST', '/smtp/email', {
        status: 201,
        json: { messageId: '<202607011200.123@smtp-relay.mailin.fr>' },
      });
      const result = await conn.client.callTool(
        {
          name: 'send_transac_email',
          arguments: {
            sender: { email: 'billing@acme.test' },
            to: [{ email: 'ann@example.com' }],
            subject: 'Your June invoice',
            textContent: 'Attached.',
            attachment: [{ name: 'invoice-2026-06.pdf', content }],
          },
        },
        undefined,
        { timeout: 30_000 },
      );
      expect(result.isError, textOf(result)).toBeFalsy();
      const sent = fake.last().json as { attachment: Array<{ name: string; content: string }> };
      expect(sent.attachment[0]!.name).toBe('invoice-2026-06.pdf');
      expect(Buffer.from(sent.attachment[0]!.content, 'base64').equals(file)).toBe(true);
    } finally {
      await conn.close();
    }
  });
});

describe('a client that stops reading stdout', () => {
  it('ends the server with exit 0 and one log line, no unhandled error or stack trace', async () => {
    const peer = new RawStdio({ BREVO_API_KEY: TEST_KEY, BREVO_API_URL: 'http://127.0.0.1:9/v3' });
    await peer.initialize();
    peer.closeStdout();
    // Big enough that the answer cannot sit in the pipe's buffer unnoticed.
    peer.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const exit = await Promise.race([peer.exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(peer.stderr).not.toMatch(/Unhandled| {4}at |node:events/);
    expect(
      peer.stderr
        .trim()
        .split('\n')
        .filter((l) => !/ready: serving/.test(l)),
    ).toEqual(['brevo-mcp info: the MCP client closed stdout (EPIPE); exiting']);
  });
});
