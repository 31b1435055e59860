// `brevo-mcp --sandbox` through the SDK Client over stdio, for the core areas of issue 21: imports
// and exports with their processes and files, campaign activity per contact, campaign extras,
// blocklists, inbound email, the tracker and events, double opt-in and attribute options. Each
// area goes write, read back, change, read back, delete, 404; and the two stories end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './support/json.js';
import { connectStdio, type Connected } from './support/mcp.js';
import { toolCalls } from './support/tool-calls.js';

/** A CSV the emulator wrote, as rows of named fields (semicolons, quotes as Brevo writes them). */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trim().split('\n');
  const names = header!.split(';');
  return rows.map((row) => Object.fromEntries(row.split(';').map((cell, i) => [names[i], cell])));
}

describe('brevo-mcp --sandbox: processes, activity and the core areas, through the SDK Client', () => {
  let conn: Connected;
  const { ok, json, fails } = toolCalls(() => conn);
  /** The process a tool started, once read back with get_process. */
  const processOf = async (name: string, args: Json) => {
    const { processId } = await json(name, args);
    expect(processId).toEqual(expect.any(Number));
    return json('get_process', { processId });
  };
  const download = async (url: string) => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    conn = await connectStdio({ args: ['--sandbox', '--toolsets', 'all'], env: { BREVO_API_KEY: '' } });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('story: imports two contacts into a new list and reads them back', async () => {
    const process = await processOf('import_contacts', {
      jsonBody: [
        { email: 'Nina.Park@example.com', attributes: { FIRSTNAME: 'Nina', LASTNAME: 'Park' } },
        { email: 'omar.haddad@example.com', attributes: { FIRSTNAME: 'Omar', LASTNAME: 'Haddad' } },
      ],
      newList: { listName: 'Autumn fair visitors', folderId: 1 },
    });
    expect(process).toEqual({ id: process.id, status: 'completed', name: 'IMPORTUSER' });

    const { lists } = await json('get_lists', { limit: 50 });
    const list = lists.find((l: Json) => l.name === 'Autumn fair visitors');
    expect(list).toMatchObject({ uniqueSubscribers: 2, folderId: 1 });
    const members = await json('get_contacts_from_list', { listId: list.id });
    expect(members.contacts.map((c: Json) => [c.email, c.attributes.FIRSTNAME]).sort()).toEqual([
      ['nina.park@example.com', 'Nina'],
      ['omar.haddad@example.com', 'Omar'],
    ]);
    expect(await json('get_contact_info', { identifier: 'nina.park@example.com' })).toMatchObject({
      listIds: [list.id],
      attributes: { FIRSTNAME: 'Nina', LASTNAME: 'Park' },
    });
    const listed = await json('get_processes', { limit: 5 });
    expect(listed.processes[0]).toEqual(process);
  });

  it('imports CSV: updates existing contacts or not, empties attributes on request, reports invalid rows', async () => {
    const listId = (await json('create_list', { name: 'CSV import', folderId: 1 })).id;
    const first = await processOf('import_contacts', {
      fileBody: 'EMAIL;FIRSTNAME;CITY\npia.lund@example.com;Pia;"Aarhus; DK"\nnot-an-address;X;Y\n',
      listIds: [listId],
    });
    // The invalid row is reported in a file the emulator serves, as Brevo's info.import does.
    const report = csvRecords(await download(first.info.import.invalid_emails));
    expect(report).toEqual([{ LINE: '3', VALUE: 'not-an-address', REASON: 'invalid email address' }]);
    expect((await json('get_contact_info', { identifier: 'pia.lund@example.com' })).attributes).toEqual({
      FIRSTNAME: 'Pia',
      CITY: 'Aarhus; DK',
    });

    await processOf('import_contacts', {
      fileBody: 'EMAIL;FIRSTNAME\npia.lund@example.com;Pernille\n',
      listIds: [listId],
      updateExistingContacts: false,
    });
    expect((await json('get_contact_info', { identifier: 'pia.lund@example.com' })).attributes.FIRSTNAME).toBe('Pia');

    await processOf('import_contacts', {
      fileBody: 'EMAIL,FIRSTNAME,CITY\npia.lund@example.com,Pernille,\n',
      listIds: [listId],
      updateExistingContacts: true,
      emptyContactsAttributes: true,
      emailBlacklist: true,
    });
    const changed = await json('get_contact_info', { identifier: 'pia.lund@example.com' });
    expect(changed).toMatchObject({ attributes: { FIRSTNAME: 'Pernille' }, emailBlacklisted: true });
    expect(changed.attributes).not.toHaveProperty('CITY');

    await ok('delete_contact', { identifier: 'pia.lund@example.com' });
    await fails('get_contact_info', { identifier: 'pia.lund@example.com' }, /HTTP 404.*Contact does not exist/);
    await fails('import_contacts', { jsonBody: [{ email: 'a@example.com' }] }, /HTTP 400.*listIds is missing/);
    await fails(
      'import_contacts',
      { fileUrl: 'https://files.example.com/contacts.csv', listIds: [listId] },
      /HTTP 400.*fileUrl: the sandbox reaches no network/,
    );
    await fails('get_process', { processId: 999_999 }, /HTTP 404.*Process ID does not exist/);
  });

  it('imports from fileUrl a file the emulator serves: an export fed back in', async () => {
    const exported = await processOf('request_contact_export', {
      customContactFilter: { actionForContacts: 'subscribed', listId: 2 },
      exportAttributes: ['FIRSTNAME', 'LASTNAME'],
    });
    expect(exported).toMatchObject({ status: 'completed', name: 'SEARCH_EXPORT_USERS_API' });
    const rows = csvRecords(await download(exported.export_url));
    const vip = await json('get_contacts_from_list', { listId: 2, limit: 500 });
    const subscribed = vip.contacts.filter((c: Json) => !c.emailBlacklisted).map((c: Json) => c.email);
    expect(rows.map((r) => r.EMAIL).sort()).toEqual(subscribed.sort());

    const listId = (await json('create_list', { name: 'VIP copy', folderId: 1 })).id;
    await processOf('import_contacts', { fileUrl: exported.export_url, listIds: [listId] });
    expect((await json('get_list', { listId })).uniqueSubscribers).toBe(subscribed.length);
  });

  it('story: finds who clicked in the sent campaign, exports them to CSV and reads the CSV from its URL', async () => {
    const campaign = await json('get_email_campaign', { campaignId: 1 });
    const { clickers, uniqueViews } = campaign.statistics.globalStats;
    expect(clickers).toBeGreaterThan(0);

    const process = await processOf('export_email_campaign_recipients', { campaignId: 1, recipientsType: 'clickers' });
    expect(process).toMatchObject({ status: 'completed', name: 'CAMPAIGN_USER_DETAILS' });
    const rows = csvRecords(await download(process.export_url));
    expect(rows).toHaveLength(clickers);

    // Each clicker's own statistics show the click, on a link the campaign report counts.
    for (const row of rows) {
      const stats = await json('get_contact_stats', { identifier: row.EMAIL });
      const clicked = stats.clicked.find((c: Json) => c.campaignId === 1);
      expect(clicked.links.map((l: Json) => l.url)).toEqual(row.LINKS!.split(' '));
      for (const link of clicked.links) expect(campaign.statistics.linksStats[link.url]).toBeGreaterThan(0);
    }
    // The same people through the contact export filter, and openers agree with uniqueViews.
    const viaFilter = await processOf('request_contact_export', {
      customContactFilter: { actionForEmailCampaigns: 'clickers', emailCampaignId: 1 },
    });
    const filtered = csvRecords(await download(viaFilter.export_url)).map((r) => r.EMAIL);
    expect(filtered.sort()).toEqual(rows.map((r) => r.EMAIL).sort());
    const openers = await processOf('export_email_campaign_recipients', { campaignId: 1, recipientsType: 'openers' });
    expect(csvRecords(await download(openers.export_url))).toHaveLength(uniqueViews);

    await fails(
      'export_email_campaign_recipients',
      { campaignId: 2, recipientsType: 'all' },
      /HTTP 400.*not been sent/,
    );
    await fails('export_email_campaign_recipients', { campaignId: 404, recipientsType: 'all' }, /HTTP 404/);
  });

  it("exports webhook events: the marketing clicks match the campaign's link counts", async () => {
    const campaign = await json('get_email_campaign', { campaignId: 1 });
    const day = (iso: string, shift: number) =>
      new Date(Date.parse(iso) + shift * 86_400_000).toISOString().slice(0, 10);
    const process = await processOf('export_webhooks_history', {
      type: 'marketing',
      event: 'click',
      notifyURL: 'https://hooks.demoshop.example/export-done',
      startDate: day(campaign.sentDate, 0),
      endDate: day(campaign.sentDate, 1),
    });
    expect(process).toMatchObject({ status: 'completed', name: 'EXPORT_WEBHOOK' });
    const clicks = csvRecords(await download(process.export_url)).filter((r) => r.MESSAGE_ID === 'campaign-1');
    const total = Object.values(campaign.statistics.linksStats as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(clicks).toHaveLength(total);
    expect(new Set(clicks.map((c) => c.EVENT))).toEqual(new Set(['clicks']));
  });

  it('keeps blocked domains: block, list, refuse a duplicate, unblock, 404', async () => {
    await ok('block_new_domain', { domain: 'Spam-Farm.example' });
    expect((await json('get_blocked_domains')).domains).toContain('spam-farm.example');
    await fails('block_new_domain', { domain: 'spam-farm.example' }, /HTTP 400 \(duplicate_parameter\)/);
    await ok('delete_blocked_domain', { domain: 'spam-farm.example' });
    expect((await json('get_blocked_domains')).domains).not.toContain('spam-farm.example');
    await fails('delete_blocked_domain', { domain: 'spam-farm.example' }, /HTTP 404/);
  });

  it('keeps blocked contacts: a blocklisted contact is listed, unblocking resubscribes it, then 404', async () => {
    await json('create_contact', { email: 'quinn.ruiz@example.com' });
    await ok('update_contact', { identifier: 'quinn.ruiz@example.com', emailBlacklisted: true });
    const blocked = await json('get_transac_blocked_contacts', { limit: 100 });
    expect(blocked.contacts.find((b: Json) => b.email === 'quinn.ruiz@example.com')).toMatchObject({
      reason: { code: 'unsubscribedViaApi' },
    });
    // The demo's campaign unsubscribes are there too, with the campaign's sender.
    const unsubscribed = blocked.contacts.filter((b: Json) => b.reason.code === 'unsubscribedViaEmail');
    expect(unsubscribed.length).toBeGreaterThan(0);
    await ok('unblock_transac_contact', { email: 'quinn.ruiz@example.com' });
    expect((await json('get_contact_info', { identifier: 'quinn.ruiz@example.com' })).emailBlacklisted).toBe(false);
    const after = await json('get_transac_blocked_contacts', { limit: 100 });
    expect(after.contacts.map((b: Json) => b.email)).not.toContain('quinn.ruiz@example.com');
    await fails('unblock_transac_contact', { email: 'quinn.ruiz@example.com' }, /HTTP 404/);
    await ok('delete_hardbounces', { contactEmail: 'quinn.ruiz@example.com' });
  });

  it('lands tracker calls and events on the contact: created, then its attributes changed', async () => {
    await ok('identify_user', { email: 'Ravi.Shah@example.com', attributes: { FIRSTNAME: 'Ravi' } });
    expect(await json('get_contact_info', { identifier: 'ravi.shah@example.com' })).toMatchObject({
      attributes: { FIRSTNAME: 'Ravi' },
    });
    await ok('track_event', { email: 'ravi.shah@example.com', event: 'cart_updated', properties: { CITY: 'Pune' } });
    await ok('track_page', { email: 'ravi.shah@example.com', page: 'https://demoshop.example/sale' });
    await ok('track_link', { email: 'ravi.shah@example.com', link: 'https://demoshop.example/sale/bags' });
    expect((await json('get_contact_info', { identifier: 'ravi.shah@example.com' })).attributes).toEqual({
      FIRSTNAME: 'Ravi',
      CITY: 'Pune',
    });
    await ok('create_event', {
      event_name: 'order_completed',
      identifiers: { email_id: 'ravi.shah@example.com' },
      contact_properties: { CITY: 'Mumbai' },
      event_properties: { amount: 42 },
    });
    expect((await json('get_contact_info', { identifier: 'ravi.shah@example.com' })).attributes.CITY).toBe('Mumbai');
    await ok('create_event', { event_name: 'signup', identifiers: { ext_id: 'crm-7781' } });
    expect(await json('get_contact_info', { identifier: 'crm-7781', identifierType: 'ext_id' })).toMatchObject({
      attributes: { EXT_ID: 'crm-7781' },
    });
    await ok('delete_contact', { identifier: 'ravi.shah@example.com' });
    await fails('get_contact_info', { identifier: 'ravi.shah@example.com' }, /HTTP 404/);
    await fails('identify_user', { email: 'not an address' }, /HTTP 400.*email/);
  });

  it("serves a campaign's shared page, mails its report, and refuses both for what does not exist", async () => {
    const { sharedUrl } = await json('get_shared_template_url', { campaignId: 3 });
    expect(await download(sharedUrl)).toMatch(/Just in/);
    await ok('send_email_campaign_report', {
      campaignId: 1,
      email: { to: ['owner@demoshop.example'], body: 'The spring sale results' },
    });
    const mailed = await json('get_transac_emails_list', { email: 'owner@demoshop.example' });
    expect(mailed.transactionalEmails.map((e: Json) => e.subject)).toContain('Report of your campaign Spring sale');
    await fails(
      'send_email_campaign_report',
      { campaignId: 2, email: { to: ['owner@demoshop.example'], body: 'x' } },
      /HTTP 400.*not been sent/,
    );
    await fails('get_shared_template_url', { campaignId: 404 }, /HTTP 404/);

    const { url } = await json('upload_image_to_gallery', { imageUrl: 'https://cdn.example.com/hero.png' });
    const image = await fetch(url, { redirect: 'manual' });
    expect(image.status).toBe(302);
    expect(image.headers.get('location')).toBe('https://cdn.example.com/hero.png');
    await fails('upload_image_to_gallery', { imageUrl: 'https://cdn.example.com/hero.txt' }, /HTTP 400.*imageUrl/);
  });

  it('answers the A/B test result from the campaign: not available before sending, pending after', async () => {
    const { id } = await json('create_email_campaign', {
      name: 'Subject test',
      sender: { id: 1 },
      htmlContent: '<p>Hello</p>',
      recipients: { listIds: [2] },
      abTesting: true,
      subjectA: 'Summer is here',
      subjectB: 'Your summer picks',
      splitRule: 40,
      winnerCriteria: 'click',
      winnerDelay: 24,
    });
    expect(await json('get_ab_test_campaign_result', { campaignId: id })).toMatchObject({
      winningVersion: 'notAvailable',
      winningCriteria: 'Click',
    });
    await ok('send_email_campaign_now', { campaignId: id });
    expect((await json('get_ab_test_campaign_result', { campaignId: id })).winningVersion).toBe('pending');
    await fails('get_ab_test_campaign_result', { campaignId: 1 }, /HTTP 400.*not an A\/B test/);
    await ok('delete_email_campaign', { campaignId: id });
    await fails('get_ab_test_campaign_result', { campaignId: id }, /HTTP 404/);
  });

  it('deletes a multiple-choice option from the attribute and from the contacts holding it', async () => {
    await ok('create_attribute', {
      attributeCategory: 'normal',
      attributeName: 'INTERESTS',
      type: 'multiple-choice',
      multiCategoryOptions: ['scarves', 'bags', 'mugs'],
    });
    await ok('update_contact', {
      identifier: 'emma.martin@example.com',
      attributes: { INTERESTS: ['scarves', 'bags'] },
    });
    await ok('delete_multi_attribute_options', {
      attributeType: 'multiple-choice',
      multipleChoiceAttribute: 'INTERESTS',
      multipleChoiceAttributeOption: 'bags',
    });
    expect((await json('get_contact_info', { identifier: 'emma.martin@example.com' })).attributes.INTERESTS).toEqual([
      'scarves',
    ]);
    await fails(
      'delete_multi_attribute_options',
      { attributeType: 'multiple-choice', multipleChoiceAttribute: 'INTERESTS', multipleChoiceAttributeOption: 'bags' },
      /HTTP 404/,
    );
  });

  it('runs double opt-in: the email carries a link; following it subscribes the contact to the list', async () => {
    await ok('create_doi_contact', {
      email: 'sara.kim@example.com',
      attributes: { FIRSTNAME: 'Sara' },
      includeListIds: [3],
      templateId: 2,
      redirectionUrl: 'https://demoshop.example/thanks',
    });
    const waiting = await json('get_contact_info', { identifier: 'sara.kim@example.com' });
    expect(waiting).toMatchObject({ listIds: [], attributes: { FIRSTNAME: 'Sara', 'DOUBLE_OPT-IN': 2 } });
    const { transactionalEmails } = await json('get_transac_emails_list', { email: 'sara.kim@example.com' });
    const content = await json('get_transac_email_content', { uuid: transactionalEmails[0].uuid });
    const link = /href="(http:\/\/127\.0\.0\.1:\d+\/files\/[^"]+)"/.exec(content.body)![1]!;
    const followed = await fetch(link, { redirect: 'manual' });
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe('https://demoshop.example/thanks');
    expect(await json('get_contact_info', { identifier: 'sara.kim@example.com' })).toMatchObject({
      listIds: [3],
      attributes: { 'DOUBLE_OPT-IN': 1 },
    });
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(404);
    await fails(
      'create_doi_contact',
      { email: 'x@example.com', includeListIds: [3], templateId: 99, redirectionUrl: 'https://demoshop.example/t' },
      /HTTP 400.*templateId/,
    );
  });

  it('reads inbound email: the list, one message, its attachment', async () => {
    const { events } = await json('get_inbound_email_events', { sender: 'lucas.bernard@example.com' });
    const message = await json('get_inbound_email_events_by_uuid', { uuid: events[0].uuid });
    expect(message.attachments).toHaveLength(2);
    const text = await ok('get_inbound_email_attachment', { downloadToken: message.attachments[1].downloadToken });
    expect(text).toMatch(/Demo Shop invoice DS-10020/);
    await fails('get_inbound_email_attachment', { downloadToken: 'no-such-token' }, /HTTP 404/);
  });
});
