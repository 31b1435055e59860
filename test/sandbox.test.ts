// `brevo-mcp --sandbox`: the built server with its embedded Brevo emulator, driven through the
// SDK Client over stdio and Streamable HTTP with no key; and the emulator itself over HTTP.
// Everything stays on 127.0.0.1.
import type { Json } from './support/json.js';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { responsesUrl } from './support/emulator.js';
import { startSandbox, type Sandbox } from '../src/sandbox/server.js';
import { startEmulator, type Emulator } from './support/emulator.js';
import { BIN, connectHttp, connectStdio, startHttpServer, TEST_KEY, textOf, type Connected } from './support/mcp.js';
import { toolCalls } from './support/tool-calls.js';

describe('brevo-mcp --sandbox over stdio, without a key', () => {
  let conn: Connected;
  const { call, json } = toolCalls(() => conn);

  beforeAll(async () => {
    conn = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'], env: { BREVO_API_KEY: '' } });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('says in one stderr line that it runs against a sandbox', async () => {
    await vi.waitFor(() => expect(conn.stderr()).toMatch(/sandbox mode/));
    const lines = conn
      .stderr()
      .split('\n')
      .filter((l) => /sandbox/i.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/http:\/\/127\.0\.0\.1:\d+\/v3/);
    expect(lines[0]).toMatch(/nothing leaves this machine/);
  });

  it('reads the Demo Shop account', async () => {
    const account = await json('get_account');
    expect(account.companyName).toBe('Demo Shop');
    expect(account.plan[0]).toMatchObject({ type: 'subscription', creditsType: 'sendLimit' });
  });

  it('creates a list and a contact in it, reads it back, deletes it, then answers 404', async () => {
    const { id: listId } = await json('create_list', { name: 'Sandbox test list', folderId: 1 });
    expect(listId).toEqual(expect.any(Number));
    const { id: contactId } = await json('create_contact', {
      email: 'Rosa.Parker@example.com',
      attributes: { FIRSTNAME: 'Rosa', LASTNAME: 'Parker' },
      listIds: [listId],
    });
    expect(contactId).toEqual(expect.any(Number));

    const members = await json('get_contacts_from_list', { listId });
    expect(members.count).toBe(1);
    expect(members.contacts[0]).toMatchObject({
      id: contactId,
      email: 'rosa.parker@example.com',
      listIds: [listId],
      attributes: { FIRSTNAME: 'Rosa', LASTNAME: 'Parker' },
      emailBlacklisted: false,
    });
    expect((await json('get_list', { listId })).uniqueSubscribers).toBe(1);

    const byEmail = await json('get_contact_info', { identifier: 'rosa.parker@example.com' });
    expect(byEmail).toMatchObject({ id: contactId, statistics: {} });

    const deleted = await call('delete_contact', { identifier: contactId, identifierType: 'contact_id' });
    expect(deleted.isError).toBeFalsy();
    expect(textOf(deleted)).toMatch(/HTTP 204/);

    const gone = await call('get_contact_info', { identifier: contactId });
    expect(gone.isError).toBe(true);
    expect(textOf(gone)).toMatch(/HTTP 404 \(document_not_found\).*Contact does not exist/);
    expect((await json('get_contacts_from_list', { listId })).count).toBe(0);
    await json('delete_list', { listId }).catch(() => undefined);
  });

  it('updates list membership with listIds/unlinkListIds and the add/remove endpoints', async () => {
    const identifier = 'hugo.dubois@example.fr';
    expect((await json('get_contact_info', { identifier })).listIds).toEqual([3]);
    await call('update_contact', { identifier, listIds: [1, 2], unlinkListIds: [3], attributes: { CITY: 'Toulouse' } });
    expect(await json('get_contact_info', { identifier })).toMatchObject({
      listIds: [1, 2],
      attributes: { CITY: 'Toulouse' },
    });

    const removed = await json('remove_contact_from_list', { listId: 2, emails: [identifier, 'nobody@example.com'] });
    expect(removed).toEqual({ contacts: { success: [identifier], failure: ['nobody@example.com'] } });
    const added = await json('add_contact_to_list', { listId: 3, emails: [identifier] });
    expect(added).toEqual({ contacts: { success: [identifier], failure: [] } });
    const again = await call('add_contact_to_list', { listId: 3, emails: [identifier] });
    expect(textOf(again)).toMatch(/HTTP 400 \(invalid_parameter\).*Contact already in list and\/or does not exist/);
  });

  it('pages contacts with limit and offset and counts them all', async () => {
    const { count } = await json('get_contacts', { limit: 1 });
    expect(count).toBeGreaterThanOrEqual(12);
    const seen: number[] = [];
    for (let offset = 0; offset < count; offset += 5) {
      const page = await json('get_contacts', { limit: 5, offset });
      expect(page.count).toBe(count);
      expect(page.contacts.length).toBe(Math.min(5, count - offset));
      seen.push(...page.contacts.map((c: Json) => c.id));
    }
    expect(new Set(seen).size).toBe(count);
    // Newest first by default, oldest first with sort=asc.
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const asc = await json('get_contacts', { limit: 2, sort: 'asc' });
    expect(asc.contacts.map((c: Json) => c.id)).toEqual([1, 2]);

    const inVip = await json('get_contacts', { listIds: [2] });
    expect(inVip.count).toBe(inVip.contacts.length);
    expect(inVip.contacts.every((c: Json) => c.listIds.includes(2))).toBe(true);
    const lists = await json('get_lists', { limit: 2 });
    expect(lists.lists).toHaveLength(2);
    expect(lists.count).toBeGreaterThanOrEqual(3);
  });

  it('logs a transactional send: get_transac_emails_list, its content and the event log show it', async () => {
    const sent = await json('send_transac_email', {
      sender: { name: 'Demo Shop', email: 'hello@demoshop.example' },
      to: [{ email: 'ava.brown@example.net', name: 'Ava Brown' }],
      subject: 'Your order {{params.ORDER}} has shipped',
      htmlContent: '<p>Hi {{contact.FIRSTNAME}}, order {{params.ORDER}} is on its way.</p>',
      params: { ORDER: 'DS-20931' },
      tags: ['shipping'],
    });
    expect(sent.messageId).toMatch(/^<\d{12}\.\d+@smtp-relay\.mailin\.fr>$/);

    const list = await json('get_transac_emails_list', { email: 'ava.brown@example.net' });
    expect(list.count).toBe(1);
    const [logged] = list.transactionalEmails;
    expect(logged).toMatchObject({
      email: 'ava.brown@example.net',
      subject: 'Your order DS-20931 has shipped',
      messageId: sent.messageId,
      from: 'hello@demoshop.example',
      tags: ['shipping'],
    });

    const content = await json('get_transac_email_content', { uuid: logged.uuid });
    expect(content.body).toBe('<p>Hi Ava, order DS-20931 is on its way.</p>');
    expect(content.events.map((e: Json) => e.name)).toEqual(['sent', 'delivered']);

    const events = await json('get_email_event_report', { messageId: sent.messageId });
    expect(events.events.map((e: Json) => e.event).sort()).toEqual(['delivered', 'requests']);

    // The dry run validates and answers, and logs nothing.
    await json('send_transac_email', {
      sender: { email: 'hello@demoshop.example' },
      to: [{ email: 'ava.brown@example.net' }],
      subject: 'Dry run',
      textContent: 'not sent',
      headers: { 'X-Sib-Sandbox': 'drop' },
    });
    expect((await json('get_transac_emails_list', { email: 'ava.brown@example.net' })).count).toBe(1);
  });

  it("answers invalid requests with Brevo's 400s", async () => {
    const noIdentifier = await call('create_contact', { attributes: { FIRSTNAME: 'Nobody' } });
    expect(noIdentifier.isError).toBe(true);
    expect(textOf(noIdentifier)).toMatch(/HTTP 400 \(missing_parameter\)/);

    const badFolder = await call('create_list', { name: 'Orphans', folderId: 999 });
    expect(textOf(badFolder)).toMatch(/HTTP 400 \(invalid_parameter\).*folder 999 does not exist/);

    const duplicate = await call('create_contact', { email: 'emma.martin@example.com' });
    expect(textOf(duplicate)).toMatch(
      /HTTP 400 \(duplicate_parameter\).*email is already associated with another Contact/,
    );

    const noSender = await call('send_transac_email', {
      to: [{ email: 'emma.martin@example.com' }],
      subject: 'Hi',
      textContent: 'Hello',
    });
    expect(textOf(noSender)).toMatch(/HTTP 400 \(missing_parameter\).*sender is missing/);
    const noContent = await call('send_transac_email', {
      sender: { email: 'hello@demoshop.example' },
      to: [{ email: 'emma.martin@example.com' }],
      subject: 'Hi',
    });
    expect(textOf(noContent)).toMatch(/Either of htmlContent or textContent is required/);
    const unverified = await call('send_transac_email', {
      sender: { email: 'me@unverified.example' },
      to: [{ email: 'emma.martin@example.com' }],
      subject: 'Hi',
      textContent: 'x',
    });
    expect(textOf(unverified)).toMatch(
      /HTTP 400 \(invalid_parameter\).*sender you used me@unverified\.example is not valid/,
    );
  });

  it('keeps templates: create, send from one, and find the send by templateId', async () => {
    const { id } = await json('create_smtp_template', {
      templateName: 'Back in stock',
      subject: '{{params.PRODUCT}} is back',
      htmlContent: '<p>{{params.PRODUCT}} is back in stock.</p>',
      sender: { email: 'hello@demoshop.example' },
      isActive: true,
    });
    expect((await json('get_smtp_template', { templateId: id })).name).toBe('Back in stock');
    await json('send_transac_email', {
      templateId: id,
      to: [{ email: 'leo.rossi@example.com' }],
      params: { PRODUCT: 'Blue scarf' },
    });
    const byTemplate = await json('get_transac_emails_list', { templateId: id });
    expect(byTemplate.transactionalEmails).toEqual([
      expect.objectContaining({ email: 'leo.rossi@example.com', subject: 'Blue scarf is back', templateId: id }),
    ]);
  });

  it("answers the report tools with the demo account's data: campaign, daily traffic, lists, pipeline", async () => {
    const campaign = await json('get_email_campaign', { campaignId: 1 });
    expect(campaign.statistics.globalStats.sent).toBeGreaterThan(10);
    expect(Object.keys(campaign.statistics.linksStats).length).toBeGreaterThan(0);
    expect(Object.keys(campaign.statistics.statsByDevice).length).toBeGreaterThan(0);
    const { reports } = await json('get_smtp_report', { days: 29, limit: 30 });
    expect(reports).toHaveLength(30);
    expect(reports.filter((r: Json) => r.requests > 0).length).toBeGreaterThan(20);
    const lists = await json('get_lists', {});
    expect(lists.lists.every((l: Json) => l.uniqueSubscribers > 0)).toBe(true);
    const [pipeline] = await json('get_pipelines');
    const { items } = await json('get_deals', { limit: 50 });
    const stages = new Set(
      items.filter((d: Json) => d.attributes.pipeline === pipeline.pipeline).map((d: Json) => d.attributes.deal_stage),
    );
    expect(stages.size).toBe(pipeline.stages.length);
    expect((await json('get_sms_campaign', { campaignId: 1 })).statistics.sent).toBeGreaterThan(0);
    expect((await json('get_orders', { limit: 5 })).count).toBeGreaterThan(40);
  });

  it("completes the demo account's own sending domain, not a placeholder", async () => {
    const { completion } = await conn.client.complete({
      ref: { type: 'ref/resource', uri: 'brevo://domains/{domainName}' },
      argument: { name: 'domainName', value: '' },
    });
    expect(completion.values).toEqual(['demoshop.example']);
  });

  it('serves the resources from the emulator too', async () => {
    const { contents } = await conn.client.readResource({ uri: 'brevo://contacts/folders' });
    const folders = JSON.parse((contents[0] as { text: string }).text) as Json;
    expect(folders.folders.map((f: Json) => f.name).sort()).toEqual(['Customers', 'Marketing']);
  });
});

describe('brevo-mcp --sandbox over Streamable HTTP', () => {
  it('serves from the emulator and ignores BREVO_API_KEY and BREVO_API_URL (BREVO_SANDBOX=1)', async () => {
    const server = await startHttpServer({
      env: { BREVO_SANDBOX: '1', BREVO_API_KEY: TEST_KEY, BREVO_API_URL: 'http://127.0.0.1:9/v3' },
    });
    try {
      const conn = await connectHttp(server.url);
      const result = await conn.client.callTool({ name: 'get_lists', arguments: {} });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(JSON.parse(textOf(result))).toMatchObject({ count: 3 });
      await conn.close();
      expect(server.stderr()).toMatch(/sandbox mode/);
      expect(server.stderr()).not.toContain(TEST_KEY);
    } finally {
      await server.stop();
    }
  });

  it('documents --sandbox in --help', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--help']);
    expect(stdout).toContain('--sandbox');
    expect(stdout).toContain('BREVO_SANDBOX');
  });
});

describe('sandbox emulator over HTTP', () => {
  let emu: Emulator;
  let sandbox: Sandbox;
  const request = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    emu.request(method, path, body, headers);

  beforeAll(async () => {
    emu = await startEmulator();
    sandbox = emu.sandbox;
  });
  afterAll(async () => {
    await emu?.close();
  });

  it('listens on 127.0.0.1 under /v3', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
  });

  it('requires the api-key header, as Brevo does', async () => {
    expect(await request('GET', '/account', undefined, { 'api-key': '' })).toMatchObject({
      status: 401,
      json: { code: 'unauthorized', message: 'Key not found' },
    });
    expect((await request('GET', '/account', undefined, { 'api-key': 'xkeysib-wrong' })).status).toBe(401);
    expect((await request('GET', '/crm/deals', undefined, { 'api-key': '' })).status).toBe(401);
  });

  it('is seeded with the Demo Shop account', async () => {
    expect((await request('GET', '/contacts/folders')).json.count).toBe(2);
    expect((await request('GET', '/contacts/lists')).json.count).toBe(3);
    expect((await request('GET', '/contacts?limit=1')).json.count).toBe(48);
    const contacts = (await request('GET', '/contacts?limit=50')).json.contacts as Json[];
    expect(contacts.every((c) => c.attributes.FIRSTNAME && c.attributes.LASTNAME)).toBe(true);
    expect((await request('GET', '/contacts/attributes')).json.attributes.map((a: Json) => a.name)).toEqual(
      expect.arrayContaining(['FIRSTNAME', 'LASTNAME']),
    );
    expect((await request('GET', '/smtp/templates')).json.count).toBe(2);
    expect((await request('GET', '/emailCampaigns')).json.campaigns.map((c: Json) => c.status).sort()).toEqual([
      'draft',
      'sent',
      'sent',
      'sent',
    ]);
    expect((await request('GET', '/senders')).json.senders).toEqual([
      expect.objectContaining({ active: true, email: 'hello@demoshop.example' }),
    ]);
    expect((await request('GET', '/webhooks')).json.webhooks).toHaveLength(1);
    expect((await request('GET', '/smtp/statistics/events?event=delivered')).json.events.length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('serves inbound email: the list, one event by uuid, its attachment by token, 404 for an unknown one', async () => {
    const { json: listed } = await request('GET', '/inbound/events?sender=lucas.bernard%40example.com');
    expect(listed.events).toHaveLength(1);
    const { json: event } = await request('GET', `/inbound/events/${listed.events[0].uuid}`);
    expect(event).toMatchObject({ sender: 'lucas.bernard@example.com', subject: 'Scarf arrived damaged' });
    const [invoice] = event.attachments.filter((a: Json) => a.name.startsWith('invoice'));
    const file = await request('GET', `/inbound/attachments/${invoice.downloadToken}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/plain');
    expect(file.text).toMatch(/^Demo Shop invoice DS-10020/);
    expect(file.text.length).toBe(invoice.contentLength);
    expect((await request('GET', '/inbound/attachments/4d9fa2c1')).status).toBe(404);
    expect((await request('GET', '/inbound/events/3f2b1c9e-5d4a-4b7e-9c1a-2e8f6d0b7a15')).status).toBe(404);
  });

  it('routes every contract operation by its method and path template', async () => {
    const stored = JSON.parse(readFileSync(responsesUrl, 'utf8')) as Record<string, unknown[]>;
    expect(Object.keys(stored)).toHaveLength(292);
    // Its own instance: this walk deletes things.
    const sandbox = await startSandbox();
    onTestFinished(() => sandbox.close());
    for (const key of Object.keys(stored)) {
      const [method, template] = key.split(' ') as [string, string];
      const path = template.replace(/\{[^}]+\}/g, '1');
      const tracker = path.startsWith('/api/v2/');
      const res = await fetch((tracker ? sandbox.trackerUrl : sandbox.url) + path, {
        method,
        headers: tracker ? { 'ma-key': sandbox.trackerKey } : { 'api-key': sandbox.apiKey },
      });
      const text = await res.text();
      // 501 not_implemented: an area still without state (test/sandbox-routes.test.ts lists them).
      if (res.status !== 501) expect(res.status, `${key}: ${text}`).toBeLessThan(500);
      else expect(JSON.parse(text).code, key).toBe('not_implemented');
      expect(text, key).not.toMatch(/Invalid route|method_not_allowed/);
    }
  });

  it('answers unknown routes with a Brevo-style 404 and a known path with another method with 405', async () => {
    expect(await request('GET', '/nowhere/here')).toMatchObject({
      status: 404,
      json: { code: 'document_not_found', message: expect.stringMatching(/Invalid route/) },
    });
    expect(await request('PATCH', '/contacts/lists')).toMatchObject({
      status: 405,
      json: { code: 'method_not_allowed' },
    });
    const outside = await fetch(sandbox.url.replace(/\/v3$/, '/v2/account'), {
      headers: { 'api-key': sandbox.apiKey },
    });
    expect(outside.status).toBe(404);
  });

  it('keeps folders, lists and counts consistent', async () => {
    const { json: folder } = await request('POST', '/contacts/folders', { name: 'Wholesale' });
    const { json: list } = await request('POST', '/contacts/lists', { name: 'Retailers', folderId: folder.id });
    const { json: c1 } = await request('POST', '/contacts', { email: 'shop1@example.org', listIds: [list.id] });
    await request('POST', '/contacts', { email: 'shop2@example.org', listIds: [list.id], emailBlacklisted: true });
    expect((await request('GET', `/contacts/lists/${list.id}`)).json).toMatchObject({
      totalSubscribers: 1,
      totalBlacklisted: 1,
      uniqueSubscribers: 2,
      folderId: folder.id,
      dynamicList: false,
    });
    expect((await request('GET', `/contacts/folders/${folder.id}`)).json).toMatchObject({
      name: 'Wholesale',
      uniqueSubscribers: 2,
    });
    expect((await request('GET', `/contacts/folders/${folder.id}/lists`)).json).toMatchObject({
      count: 1,
      lists: [{ id: list.id, name: 'Retailers' }],
    });
    expect((await request('PUT', `/contacts/${c1.id}?identifierType=contact_id`, { ext_id: 'RET-1' })).status).toBe(
      204,
    );
    expect((await request('GET', '/contacts/RET-1?identifierType=ext_id')).json.id).toBe(c1.id);
    // Deleting the folder deletes its lists; the contacts stay, without the list.
    expect((await request('DELETE', `/contacts/folders/${folder.id}`)).status).toBe(204);
    expect((await request('GET', `/contacts/lists/${list.id}`)).json).toEqual({
      code: 'document_not_found',
      message: 'List ID does not exist',
    });
    expect((await request('GET', `/contacts/${c1.id}`)).json.listIds).toEqual([]);
  });

  it('validates like Brevo: types, limits, required fields', async () => {
    expect(await request('GET', '/contacts?limit=1001')).toMatchObject({
      status: 400,
      json: { code: 'invalid_parameter' },
    });
    expect(await request('POST', '/contacts/lists', { name: 'No folder' })).toMatchObject({
      status: 400,
      json: { code: 'missing_parameter', message: 'folderId is missing' },
    });
    expect(await request('POST', '/contacts/lists', { name: 'x', folderId: '1' })).toMatchObject({
      status: 400,
      json: { code: 'invalid_parameter' },
    });
    expect(await request('POST', '/contacts', { email: 'not-an-email' })).toMatchObject({
      status: 400,
      json: { code: 'invalid_parameter' },
    });
    expect(await request('GET', '/contacts/lists/abc')).toMatchObject({
      status: 400,
      json: { code: 'invalid_parameter' },
    });
    expect(await request('GET', '/smtp/emails')).toMatchObject({ status: 400, json: { code: 'missing_parameter' } });
    const raw = await fetch(`${sandbox.url}/contacts`, {
      method: 'POST',
      headers: { 'api-key': sandbox.apiKey, 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(raw.status).toBe(400);
    expect(
      await request('POST', '/webhooks', { url: 'https://hooks.example.com/x', events: ['delivered', 'teleported'] }),
    ).toMatchObject({ status: 400, json: { code: 'invalid_parameter' } });
  });

  it('runs an email campaign from draft to sent', async () => {
    const { json: created } = await request('POST', '/emailCampaigns', {
      name: 'Autumn offers',
      subject: 'Autumn offers are here',
      sender: { id: 1 },
      htmlContent: '<p>Autumn</p>',
      recipients: { listIds: [2] },
    });
    expect((await request('GET', `/emailCampaigns/${created.id}`)).json).toMatchObject({
      status: 'draft',
      sender: { id: 1, email: 'hello@demoshop.example' },
    });
    expect((await request('POST', `/emailCampaigns/${created.id}/sendNow`)).status).toBe(204);
    const sent = (await request('GET', `/emailCampaigns/${created.id}`)).json;
    expect(sent.status).toBe('sent');
    expect(sent.statistics.globalStats.sent).toBe((await request('GET', '/contacts/lists/2')).json.totalSubscribers);
    expect(await request('PUT', `/emailCampaigns/${created.id}`, { name: 'Renamed' })).toMatchObject({
      status: 400,
      json: { code: 'campaign_sent' },
    });
    expect((await request('PUT', `/emailCampaigns/${created.id}/status`, { status: 'archive' })).status).toBe(204);
    expect((await request('GET', '/emailCampaigns?status=archive')).json.campaigns.map((c: Json) => c.id)).toContain(
      created.id,
    );
  });

  it('answers the tracker with 204 when the ma-key is given', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${sandbox.trackerUrl}/api/v2/trackEvent`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{"email":"emma.martin@example.com","event":"cart_updated"}',
      });
    expect((await post({ 'ma-key': sandbox.trackerKey })).status).toBe(204);
    expect((await post({})).status).toBe(401);
  });
});
