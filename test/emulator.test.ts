// The Brevo emulator over HTTP on 127.0.0.1, as an integration sees it: each defect of issue 14
// fixed, every request checked against the official definition (path, query, JSON and multipart
// bodies, a sample from every toolset and every operation whose body is required), loopback
// Host names only. Runs from the committed requests.json: no ../shared needed.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responsesUrl } from './support/emulator.js';
import { requestsUrl, type OperationSpec, type Schema } from '../src/sandbox/request-check.js';
import { readManifest } from '../src/tools/manifest.js';
import { startEmulator, testClock, type Emulator, type Json } from './support/emulator.js';

const specs = JSON.parse(readFileSync(requestsUrl, 'utf8')) as Record<string, OperationSpec>;

/** A value each path parameter's definition accepts. */
function pathFor(template: string, spec: OperationSpec): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const schema: Schema = spec.path?.[name] ?? {};
    const s = schema.anyOf?.[0] ?? schema;
    if (s.enum) return String(s.enum[0]);
    if (s.format === 'uuid') return '3f2b1c9e-5d4a-4b7e-9c1a-2e8f6d0b7a15';
    return s.type === 'integer' || s.type === 'number' ? '1' : 'x1';
  });
}

/** Raw HTTP on a keep-alive agent, to see what happens to the connection. */
function raw(
  url: string,
  agent: http.Agent,
  method: string,
  path: string,
  options: { body?: Buffer; headers?: Record<string, string> } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(`${url}${path}`, { agent, method, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    // A refused upload may be cut short once its answer is in: that is no failure of the request.
    req.on('error', (error) => (req.writableFinished ? undefined : reject(error)));
    req.end(options.body);
  });
}

describe("the emulator's defects, fixed", () => {
  let emu: Emulator;
  const clock = testClock('2025-03-10T12:00:00Z');
  beforeAll(async () => {
    emu = await startEmulator({ clock: clock.clock });
  });
  afterAll(() => emu?.close());

  it('closes the connection after refusing a body over 10 MB, so the next request on the socket works', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const key = { 'api-key': emu.sandbox.apiKey };
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
      const declared = await raw(emu.sandbox.url, agent, 'POST', '/contacts', {
        body: big,
        headers: { ...key, 'content-type': 'application/json', 'content-length': String(big.length) },
      });
      expect(declared.status).toBe(413);
      expect(declared.headers.connection).toBe('close');
      expect(JSON.parse(declared.body)).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/too large/),
      });
      expect((await raw(emu.sandbox.url, agent, 'GET', '/account', { headers: key })).status).toBe(200);
      // Chunked, with no length declared: refused while reading.
      const chunked = await raw(emu.sandbox.url, agent, 'POST', '/contacts', {
        body: big,
        headers: { ...key, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      expect(chunked.status).toBe(413);
      expect(chunked.headers.connection).toBe('close');
      expect((await raw(emu.sandbox.url, agent, 'GET', '/account', { headers: key })).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it("DELETE /smtp/log/{identifier} removes a message's log, or every log of an address", async () => {
    const sent = await emu.ok('POST', '/smtp/email', {
      sender: { id: 1 },
      to: [{ email: 'rosa.parker@example.com' }],
      subject: 'Receipt',
      textContent: 'Thanks',
    });
    expect((await emu.ok('GET', '/smtp/emails?email=rosa.parker%40example.com')).count).toBe(1);
    expect((await emu.request('DELETE', `/smtp/log/${encodeURIComponent(sent.messageId)}`)).status).toBe(204);
    expect((await emu.ok('GET', '/smtp/emails?email=rosa.parker%40example.com')).count).toBe(0);
    expect(
      (await emu.ok('GET', `/smtp/statistics/events?messageId=${encodeURIComponent(sent.messageId)}`)).events,
    ).toEqual([]);
    expect(await emu.request('DELETE', `/smtp/log/${encodeURIComponent(sent.messageId)}`)).toMatchObject({
      status: 404,
      json: { code: 'document_not_found' },
    });

    const emma = 'emma.martin@example.com';
    expect((await emu.ok('GET', `/smtp/emails?email=${emma}`)).count).toBeGreaterThan(0);
    expect((await emu.request('DELETE', `/smtp/log/${emma}`)).status).toBe(204);
    expect((await emu.ok('GET', `/smtp/emails?email=${emma}`)).count).toBe(0);
    expect((await emu.ok('GET', `/smtp/statistics/events?email=${emma}`)).events).toEqual([]);
  });

  it(
    'GET /smtp/emailStatus/{identifier} answers the scheduled email, then the batch, and follows ' +
      'them to processed',
    async () => {
      const at = '2025-03-10T13:00:00Z';
      const one = await emu.request('POST', '/smtp/email', {
        sender: { id: 1 },
        to: [{ email: 'lucas.bernard@example.com' }],
        subject: 'Later',
        textContent: 'Later',
        scheduledAt: at,
      });
      expect(one.status).toBe(202);
      expect(await emu.ok('GET', `/smtp/emailStatus/${encodeURIComponent(one.json.messageId)}`)).toEqual({
        scheduledAt: at,
        createdAt: '2025-03-10T12:00:00Z',
        status: 'queued',
      });

      const batch = await emu.ok('POST', '/smtp/email', {
        sender: { id: 1 },
        subject: 'Hello {{params.NAME}}',
        textContent: 'Hi',
        scheduledAt: at,
        messageVersions: [
          { to: [{ email: 'kim.lee@example.org' }], params: { NAME: 'Kim' } },
          { to: [{ email: 'sam.ortiz@example.org' }], params: { NAME: 'Sam' } },
        ],
      });
      expect(batch.batchId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await emu.ok('GET', `/smtp/emailStatus/${batch.batchId}`)).toEqual({
        count: 2,
        batches: [
          { scheduledAt: at, createdAt: '2025-03-10T12:00:00Z', status: 'queued' },
          { scheduledAt: at, createdAt: '2025-03-10T12:00:00Z', status: 'queued' },
        ],
      });
      expect((await emu.ok('GET', '/smtp/emails?email=kim.lee%40example.org')).count).toBe(0);

      clock.advance(2 * 3_600_000);
      expect((await emu.ok('GET', `/smtp/emailStatus/${encodeURIComponent(one.json.messageId)}`)).status).toBe(
        'processed',
      );
      expect((await emu.ok('GET', `/smtp/emailStatus/${batch.batchId}?status=processed`)).count).toBe(2);
      const logged = await emu.ok('GET', '/smtp/emails?email=kim.lee%40example.org');
      expect(logged.transactionalEmails).toEqual([expect.objectContaining({ subject: 'Hello Kim', date: at })]);
      expect(await emu.request('GET', '/smtp/emailStatus/%3Cnone%40smtp-relay.mailin.fr%3E')).toMatchObject({
        status: 404,
      });
      // Once processed it can no longer be cancelled.
      expect((await emu.request('DELETE', `/smtp/email/${batch.batchId}`)).status).toBe(404);
    },
  );

  it('GET /senders/{id}/ips answers 404 for a deleted sender', async () => {
    expect((await emu.ok('GET', '/senders/1/ips')).ips).toEqual([
      { id: 1, ip: '198.51.100.25', domain: 'mail.demoshop.example', weight: 100 },
    ]);
    const { id } = await emu.ok('POST', '/senders', { name: 'Returns', email: 'returns@demoshop.example' });
    expect((await emu.ok('GET', `/senders/${id}/ips`)).ips).toEqual([]);
    expect((await emu.request('DELETE', `/senders/${id}`)).status).toBe(204);
    expect(await emu.request('GET', `/senders/${id}/ips`)).toMatchObject({
      status: 404,
      json: { code: 'document_not_found', message: 'Sender ID does not exist' },
    });
  });

  it(
    'answers segments with name, tasks with date and inbound events with uuids, as the definition ' + 'requires',
    async () => {
      const { segments } = await emu.ok('GET', '/contacts/segments');
      expect(segments.length).toBeGreaterThan(0);
      for (const s of segments)
        expect(s).toMatchObject({
          id: expect.any(Number),
          name: expect.any(String),
          segmentName: s.name,
          categoryName: expect.any(String),
        });
      const { items } = await emu.ok('GET', '/crm/tasks');
      for (const t of items) expect(Date.parse(t.date)).not.toBeNaN();
      expect(Date.parse((await emu.ok('GET', `/crm/tasks/${items[0].id}`)).date)).not.toBeNaN();
      for (const e of (await emu.ok('GET', '/inbound/events')).events)
        expect(e.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    },
  );

  it("names the demo account's domain wherever an answer names the account's own", async () => {
    const stored = readFileSync(responsesUrl, 'utf8');
    expect(stored).not.toMatch(/my-?company\.com|mydomain\.com|myshop\.com|\bMyCompany\b/i);
    expect((await emu.ok('GET', '/senders/domains')).domains).toEqual([
      { id: 1, domain_name: 'demoshop.example', authenticated: true, verified: true, ip: '198.51.100.25' },
    ]);
    expect(await emu.ok('GET', '/senders/domains/demoshop.example')).toMatchObject({
      domain: 'demoshop.example',
      authenticated: true,
    });
    expect((await emu.ok('GET', '/account')).email).toBe('owner@demoshop.example');
  });

  it('refuses a Host header that is not a loopback name, as the MCP endpoint does', async () => {
    const agent = new http.Agent();
    const key = { 'api-key': emu.sandbox.apiKey };
    const port = new URL(emu.sandbox.url).port;
    const foreign = await raw(emu.sandbox.url, agent, 'GET', '/account', {
      headers: { ...key, host: 'attacker.example' },
    });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({
      code: 'permission_denied',
      message: expect.stringContaining('attacker.example'),
    });
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, '[::1]'])
      expect((await raw(emu.sandbox.url, agent, 'GET', '/account', { headers: { ...key, host } })).status, host).toBe(
        200,
      );
    agent.destroy();
  });
});

describe('every request checked against the official definition', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu?.close());

  const manifest = readManifest();
  const keyOf = (t: { method: string; path: string }) => `${t.method} ${t.path}`;
  const withRequiredBody = Object.entries(specs).filter(([, s]) => s.body?.required);

  it(
    'refuses each of the operations whose body is required when it comes empty, naming the first ' + 'required field',
    async () => {
      expect(withRequiredBody.length).toBe(112);
      const accepted: string[] = [];
      for (const [key, spec] of withRequiredBody) {
        const [method, template] = key.split(' ') as [string, string];
        const tracker = template.startsWith('/api/v2/');
        const res = await fetch((tracker ? emu.sandbox.trackerUrl : emu.sandbox.url) + pathFor(template, spec), {
          method,
          headers: tracker ? { 'ma-key': emu.sandbox.trackerKey } : { 'api-key': emu.sandbox.apiKey },
        });
        const json = (await res.json().catch(() => ({}))) as Json;
        const first = spec.body!.anyOf.find((v) => v.required?.length)?.required?.[0];
        const want = first ? `${first} is missing` : 'The request body is missing';
        if (res.status !== 400 || json.code !== 'missing_parameter' || json.message !== want)
          accepted.push(`${key}: ${res.status} ${JSON.stringify(json)}`);
      }
      expect(accepted).toEqual([]);
    },
  );

  it('checks a sample from every toolset: a required field, a type and an enum or bound', async () => {
    const toolsets = [...new Set(manifest.map((t) => t.toolset))];
    const sampled: string[] = [];
    for (const toolset of toolsets) {
      const tool = manifest.find(
        (t) => t.toolset === toolset && specs[keyOf(t)]!.body?.anyOf.some((v) => v.required?.length && v.properties),
      );
      if (!tool) continue;
      const spec = specs[keyOf(tool)]!;
      const variant = spec.body!.anyOf.find((v) => v.required?.length)!;
      const typed = variant.required!.filter((f) => variant.properties?.[f]?.type);
      const field = typed[0];
      if (!field) continue;
      const tracker = tool.path.startsWith('/api/v2/');
      const url = (tracker ? emu.sandbox.trackerUrl : emu.sandbox.url) + pathFor(tool.path, spec);
      const headers = {
        ...(tracker ? { 'ma-key': emu.sandbox.trackerKey } : { 'api-key': emu.sandbox.apiKey }),
        'content-type': 'application/json',
      };
      // Every required field given with a wrong type (an object where the definition wants
      // anything else, else a number): the first is named.
      const wrong = (f: string) => (variant.properties?.[f]?.type === 'object' ? 42 : { not: 'this' });
      const body = Object.fromEntries(variant.required!.map((f) => [f, wrong(f)]));
      const res = await fetch(url, { method: tool.method, headers, body: JSON.stringify(body) });
      const json = (await res.json()) as Json;
      expect(res.status, `${tool.name}: ${JSON.stringify(json)}`).toBe(400);
      expect(json.code, tool.name).toBe('invalid_parameter');
      expect(json.message, tool.name).toMatch(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')} should be`));
      sampled.push(toolset);
    }
    expect(sampled.length).toBeGreaterThanOrEqual(18);
  });

  it('checks path and query parameters: types, enums, bounds, formats', async () => {
    const cases: [string, string, string][] = [
      ['/contacts?limit=abc', 'invalid_parameter', 'limit should be an integer, got "abc"'],
      ['/contacts?limit=1001', 'invalid_parameter', 'limit should be at most 1000'],
      ['/smsCampaigns/abc', 'invalid_parameter', 'campaignId should be an integer, got "abc"'],
      ['/crm/tasks?filter%5Bstatus%5D=maybe', 'invalid_parameter', 'filter[status] should be one of done, undone'],
      ['/orders?limit=101', 'invalid_parameter', 'limit should be at most 100'],
      ['/smtp/emailStatus/x?startDate=yesterday', 'invalid_parameter', 'startDate is not a valid date (YYYY-MM-DD)'],
      ['/smtp/statistics/events?email=not-an-address', 'invalid_parameter', 'email is not a valid email address'],
      [
        '/ecommerce/attribution/metrics/newsletter/1',
        'invalid_parameter',
        'conversionSource should be one of email_campaign, sms_campaign, automation_workflow_email, ' +
          'automation_workflow_sms',
      ],
      ['/smtp/templates?templateStatus=yes', 'invalid_parameter', 'templateStatus should be true or false, got "yes"'],
    ];
    for (const [path, code, message] of cases)
      expect(await emu.request('GET', path), path).toMatchObject({ status: 400, json: { code, message } });
  });

  it('checks nested JSON bodies field by field', async () => {
    const order = {
      id: 'DS-1',
      createdAt: '2025-03-01T10:00:00Z',
      updatedAt: '2025-03-01T10:00:00Z',
      status: 'completed',
      amount: 18,
      products: [{ productId: 'HOM-MUG-SND', quantity: 1 }],
    };
    expect(await emu.request('POST', '/orders/status/batch', { orders: [order] })).toMatchObject({
      status: 400,
      json: { code: 'missing_parameter', message: 'orders[0].products[0].price is missing' },
    });
    expect(
      await emu.request('POST', '/smtp/email', {
        sender: { id: 1 },
        to: [{ email: 'x' }],
        subject: 's',
        textContent: 't',
      }),
    ).toMatchObject({ status: 400, json: { message: 'to[0].email is not a valid email address' } });
    expect(await emu.request('POST', '/crm/tasks', { name: 'Call', taskTypeId: 't', date: 'tomorrow' })).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/^date is not a valid date-time/) },
    });
    expect(
      await emu.request('POST', '/transactionalSMS/sms', {
        sender: 'DemoShopOnlineStore',
        recipient: '33612345678',
        content: 'x',
      }),
    ).toMatchObject({ status: 400, json: { message: 'sender should be at most 15 characters long' } });
    expect(await emu.request('POST', '/crm/notes', { text: 'x'.repeat(3001) })).toMatchObject({
      status: 400,
      json: { message: 'text should be at most 3000 characters long' },
    });
    expect(await emu.request('POST', '/contacts', [1, 2])).toMatchObject({
      status: 400,
      json: { message: 'The request body should be an object' },
    });
  });

  it('checks multipart bodies: the file part is required, text fields are typed by the definition', async () => {
    const form = (fields: Record<string, string>, file?: [string, string]) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      if (file) f.append('file', new Blob([file[1]], { type: 'text/plain' }), file[0]);
      return f;
    };
    expect(await emu.request('POST', '/crm/files', form({ dealId: '65f1d0000000000000000001' }))).toMatchObject({
      status: 400,
      json: { code: 'missing_parameter', message: 'file is missing' },
    });
    expect(await emu.request('POST', '/crm/files', form({ file: 'just text' }))).toMatchObject({
      status: 400,
      json: { message: 'file should be a file' },
    });
    expect(await emu.request('POST', '/crm/files', form({ contactId: 'seven' }, ['a.txt', 'x']))).toMatchObject({
      status: 400,
      json: { message: 'contactId should be an integer, got "seven"' },
    });
    expect(
      await emu.request('POST', '/companies/import', form({ mapping: '{not json' }, ['c.csv', 'name\nAcme'])),
    ).toMatchObject({ status: 400, json: { message: 'mapping should be an object in JSON' } });
    const uploaded = await emu.request(
      'POST',
      '/crm/files',
      form({ contactId: '3' }, ['measurements.txt', 'chest 96']),
    );
    expect(uploaded).toMatchObject({ status: 201, json: { name: 'measurements.txt', size: 8, contactId: 3 } });
    const broken = await fetch(`${emu.sandbox.url}/crm/files`, {
      method: 'POST',
      headers: { 'api-key': emu.sandbox.apiKey, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'no parts',
    });
    expect(broken.status).toBe(400);
  });

  it('still answers every contract operation (no route lost), checking before answering', async () => {
    const stored = JSON.parse(readFileSync(responsesUrl, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(specs).sort()).toEqual(Object.keys(stored).sort());
  });
});
