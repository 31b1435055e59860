// Garbage in over stdio gets JSON-RPC errors, and the server keeps serving. Every stdout line is
// a JSON-RPC message: logs never reach the protocol stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { TEST_KEY } from './support/mcp.js';
import { RawStdio } from './support/raw-stdio.js';

describe('malformed JSON-RPC over stdio', () => {
  let fake: FakeBrevo;
  let peer: RawStdio;

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    peer = new RawStdio({ BREVO_API_KEY: TEST_KEY, BREVO_API_URL: fake.url, BREVO_MCP_LOG_LEVEL: 'debug' });
    await peer.initialize();
  });
  afterAll(async () => {
    await peer?.stop();
    await fake?.close();
  });

  it('answers bad JSON with a parse error', async () => {
    peer.write('{"jsonrpc": "2.0", "id": 1, "method": \n');
    const error = await peer.next((m) => m.error?.code === -32700 || (m.id === null && m.error));
    expect(error.error.code).toBe(-32700);
  });

  it('answers an unknown method with method-not-found', async () => {
    const response = await peer.request(2, 'brevo/frobnicate', {});
    expect(response.error.code).toBe(-32601);
  });

  it('answers wrongly typed params with invalid-params', async () => {
    const response = await peer.request(3, 'tools/call', { name: 42, arguments: 'nope' });
    expect(response.error.code).toBe(-32602);
    const noName = await peer.request(4, 'resources/read', {});
    expect(noName.error.code).toBe(-32602);
  });

  it('copes with a huge request', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const response = await peer
      .request(5, 'tools/call', { name: 'create_folder', arguments: { name: big } })
      .catch((e) => e);
    // Either Brevo's fake gets it (and answers) or the server refuses it; either way it answers.
    expect(response.id ?? 5).toBe(5);
  });

  it('keeps serving afterwards', async () => {
    fake.route('GET', '/account', { json: { email: 'owner@acme.test' } });
    const response = await peer.request(6, 'tools/call', { name: 'get_account', arguments: {} });
    expect(response.result.isError).toBeFalsy();
    expect(JSON.parse(response.result.content[0].text)).toEqual({ email: 'owner@acme.test' });
    expect(peer.alive).toBe(true);
  });

  it('printed nothing but JSON-RPC messages on stdout', () => {
    for (const line of peer.lines) expect(() => JSON.parse(line), line.slice(0, 200)).not.toThrow();
    for (const line of peer.lines) expect(JSON.parse(line).jsonrpc).toBe('2.0');
  });
});
