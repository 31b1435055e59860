// Brevo misbehaving: rate limits, outages, slowness, broken connections, bad and huge bodies.
// The server must survive each, answer clearly, and never send a non-idempotent request twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeBrevo } from './support/fake-brevo.js';
import { connectStdio, textOf, type Connected } from './support/mcp.js';

describe('faults from Brevo', () => {
  let fake: FakeBrevo;
  let conn: Connected;
  const call = (name: string, args: Record<string, unknown> = {}) => conn.client.callTool({ name, arguments: args });

  beforeAll(async () => {
    fake = await FakeBrevo.start();
    conn = await connectStdio({
      apiUrl: fake.url,
      env: {
        BREVO_TIMEOUT_MS: '400',
        BREVO_MAX_RETRIES: '2',
        BREVO_RETRY_MAX_WAIT_MS: '2000',
        BREVO_MAX_RESPONSE_BYTES: '100000',
        BREVO_MAX_CONCURRENCY: '2',
      },
    });
  });
  afterAll(async () => {
    await conn?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('waits out a 429 as x-sib-ratelimit-reset says, then succeeds', async () => {
    fake.replyOnce({
      status: 429,
      json: { code: 'too_many_requests', message: 'Rate limit exceeded' },
      headers: { 'x-sib-ratelimit-reset': '1' },
    });
    fake.route('GET', '/account', { json: { email: 'owner@acme.test' } });
    const started = Date.now();
    const result = await call('get_account');
    expect(result.isError).toBeFalsy();
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not wait for a rate-limit reset longer than the cap, and says when to retry', async () => {
    fake.route('GET', '/account', {
      status: 429,
      json: { code: 'too_many_requests', message: 'Rate limit exceeded' },
      headers: { 'x-sib-ratelimit-reset': '3600' },
    });
    const result = await call('get_account');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/429.*retry after 3600 seconds/s);
    expect(fake.requests).toHaveLength(1);
  });

  it('never repeats a create after a 429', async () => {
    fake.route('POST', '/contacts/lists', {
      status: 429,
      json: { code: 'too_many_requests', message: 'Rate limit exceeded' },
      headers: { 'x-sib-ratelimit-reset': '1' },
    });
    const result = await call('create_list', { name: 'Once', folderId: 1 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/retry after 1 seconds/);
    expect(fake.requests).toHaveLength(1);
  });

  it('backs off through a 503 storm on a read, then gives up saying how many attempts were made', async () => {
    fake.route('GET', '/contacts/lists', { status: 503, json: { code: 'service_unavailable', message: 'Try later' } });
    const result = await call('get_lists');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/503.*after 3 attempts/s);
    expect(textOf(result)).toMatch(/try again/i);
    expect(fake.requests).toHaveLength(3);
  });

  it('sends an email once even when Brevo answers 502', async () => {
    fake.route('POST', '/smtp/email', {
      status: 502,
      body: '<html>Bad gateway</html>',
      headers: { 'content-type': 'text/html' },
    });
    const result = await call('send_transac_email', {
      sender: { email: 'a@acme.test' },
      to: [{ email: 'b@example.com' }],
      subject: 'Hi',
      textContent: 'Hi',
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/502/);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a slow read, retries it, and reports the timeout', async () => {
    fake.route('GET', '/account', { delayMs: 1500, json: {} });
    const result = await call('get_account');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/no answer within 400 ms/);
    expect(fake.requests).toHaveLength(3);
  });

  it('times out a slow send once, warning that it may have happened', async () => {
    fake.route('POST', '/smtp/email', { delayMs: 1500, status: 201, json: { messageId: '<x@y>' } });
    const result = await call('send_transac_email', {
      sender: { email: 'a@acme.test' },
      to: [{ email: 'b@example.com' }],
      subject: 'Hi',
      textContent: 'Hi',
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/may still have happened/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a read whose connection is reset mid-body', async () => {
    fake.replyOnce({
      json: { lists: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `List ${i}` })) },
      resetMidBody: true,
    });
    fake.route('GET', '/contacts/lists', { json: { count: 1, lists: [{ id: 1, name: 'A' }] } });
    const result = await call('get_lists');
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(textOf(result))).toEqual({ count: 1, lists: [{ id: 1, name: 'A' }] });
    expect(fake.requests).toHaveLength(2);
  });

  it('reports invalid JSON from Brevo clearly', async () => {
    fake.route('GET', '/account', {
      body: '{"email": "owner@acme.test", ',
      headers: { 'content-type': 'application/json' },
    });
    const result = await call('get_account');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not valid JSON/);
  });

  it('refuses an answer larger than the limit without reading it all', async () => {
    fake.route('GET', '/contacts', {
      body: JSON.stringify({
        contacts: Array.from({ length: 5000 }, (_, i) => ({ id: i, email: `c${i}@example.com` })),
      }),
    });
    const result = await call('get_contacts');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/larger than 100000 bytes/);
  });

  it('queues parallel calls beyond the in-flight cap', async () => {
    fake.route('GET', '/account', { delayMs: 150, json: {} });
    const results = await Promise.all(Array.from({ length: 6 }, () => call('get_account')));
    expect(results.every((r) => !r.isError)).toBe(true);
    expect(fake.requests).toHaveLength(6);
    expect(fake.maxInFlight).toBe(2);
  });

  it('aborts the Brevo request when the client cancels the call', async () => {
    fake.route('GET', '/contacts', { delayMs: 5000, json: {} });
    const controller = new AbortController();
    const pending = conn.client.callTool({ name: 'get_contacts', arguments: {} }, undefined, {
      signal: controller.signal,
    });
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toThrow();
    const deadline = Date.now() + 2000;
    while (!fake.requests[0]!.aborted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(fake.requests[0]!.aborted).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps serving after all of that', async () => {
    fake.route('GET', '/account', { json: { email: 'owner@acme.test' } });
    const result = await call('get_account');
    expect(JSON.parse(textOf(result))).toEqual({ email: 'owner@acme.test' });
  });
});
