// The emulator's SMS and WhatsApp over HTTP: SMS campaigns from draft to sent (now or at their
// scheduled time) with statistics from their recipients, transactional SMS in the event log and
// the reports, SMS credits spent on the account; WhatsApp templates, campaigns and messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, testClock, type Emulator, type Json } from './support/emulator.js';

const smsCredits = async (emu: Emulator) =>
  ((await emu.ok('GET', '/account')).plan as Json[]).find((p) => p.type === 'sms')!.credits as number;

describe("the emulator's SMS", () => {
  let emu: Emulator;
  const clock = testClock('2025-03-10T12:00:00Z');
  beforeAll(async () => {
    emu = await startEmulator({ clock: clock.clock });
  });
  afterAll(() => emu?.close());

  it('is seeded with a past SMS campaign and its results', async () => {
    const { campaigns, count } = await emu.ok('GET', '/smsCampaigns?status=sent');
    expect(count).toBe(1);
    expect(campaigns[0]).toMatchObject({
      name: 'Flash sale: 24 hours',
      status: 'sent',
      sender: 'DemoShop',
      recipients: { lists: [2] },
    });
    const s = campaigns[0].statistics;
    expect(s.sent).toBeGreaterThan(3);
    expect(s.delivered + s.softBounces + s.hardBounces).toBe(s.sent);
    expect((await emu.ok('GET', '/smsCampaigns?status=draft')).campaigns.map((c: Json) => c.name)).toEqual([
      'Back in stock',
    ]);
  });

  it(
    "takes a campaign from draft to sent: recipients are the lists' members with an SMS number, " + 'credits are spent',
    async () => {
      const { id } = await emu.ok('POST', '/smsCampaigns', {
        name: 'Weekend sale',
        sender: 'DemoShop',
        content: 'Weekend sale: 15% off at Demo Shop',
        recipients: { listIds: [2], exclusionListIds: [] },
      });
      expect(await emu.ok('GET', `/smsCampaigns/${id}`)).toMatchObject({
        id,
        status: 'draft',
        statistics: { sent: 0, delivered: 0 },
      });
      expect(
        (await emu.request('PUT', `/smsCampaigns/${id}`, { content: 'Weekend sale: 20% off at Demo Shop' })).status,
      ).toBe(204);
      const withNumbers = ((await emu.ok('GET', '/contacts/lists/2/contacts?limit=500')).contacts as Json[]).filter(
        (c) => c.attributes.SMS,
      ).length;
      const before = await smsCredits(emu);
      expect((await emu.request('POST', `/smsCampaigns/${id}/sendNow`)).status).toBe(204);
      const sent = await emu.ok('GET', `/smsCampaigns/${id}`);
      expect(sent).toMatchObject({
        status: 'sent',
        content: 'Weekend sale: 20% off at Demo Shop',
        statistics: { sent: withNumbers, delivered: withNumbers, processing: 0 },
      });
      expect(await smsCredits(emu)).toBe(before - withNumbers);
      expect(await emu.request('PUT', `/smsCampaigns/${id}`, { name: 'Renamed' })).toMatchObject({
        status: 400,
        json: { code: 'campaign_sent' },
      });
      expect(
        await emu.request('POST', `/smsCampaigns/${id}/exportRecipients`, { recipientsType: 'delivered' }),
      ).toMatchObject({ status: 202, json: { processId: expect.any(Number) } });
      expect((await emu.request('PUT', `/smsCampaigns/${id}/status`, { status: 'archive' })).status).toBe(204);
      expect((await emu.ok('GET', '/smsCampaigns?status=archive')).campaigns.map((c: Json) => c.id)).toEqual([id]);
      expect((await emu.request('DELETE', `/smsCampaigns/${id}`)).status).toBe(204);
      expect(await emu.request('GET', `/smsCampaigns/${id}`)).toMatchObject({
        status: 404,
        json: { code: 'document_not_found' },
      });
    },
  );

  it('sends a scheduled campaign when its time comes, and refuses one with nobody to reach', async () => {
    const { id } = await emu.ok('POST', '/smsCampaigns', {
      name: 'Tomorrow',
      sender: 'DemoShop',
      content: 'See you tomorrow',
      recipients: { listIds: [2] },
      scheduledAt: '2025-03-11T09:00:00Z',
    });
    expect((await emu.ok('GET', `/smsCampaigns/${id}`)).status).toBe('queued');
    clock.advance(24 * 3_600_000);
    const done = await emu.ok('GET', `/smsCampaigns/${id}`);
    expect(done.status).toBe('sent');
    expect(done.statistics.sent).toBeGreaterThan(0);
    const { id: folder } = await emu.ok('POST', '/contacts/folders', { name: 'SMS test' });
    const { id: empty } = await emu.ok('POST', '/contacts/lists', { name: 'No phones', folderId: folder });
    const { id: nobody } = await emu.ok('POST', '/smsCampaigns', {
      name: 'Nobody',
      sender: 'DemoShop',
      content: 'x',
      recipients: { listIds: [empty] },
    });
    expect(await emu.request('POST', `/smsCampaigns/${nobody}/sendNow`)).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/no recipients/) },
    });
    expect((await emu.ok('GET', `/smsCampaigns/${nobody}`)).status).toBe('draft');
  });

  it('logs transactional SMS in the event log and the reports, and spends credits by parts', async () => {
    const before = await smsCredits(emu);
    const long = 'Your Demo Shop order DS-20931 has shipped. '.repeat(5);
    const sent = await emu.ok('POST', '/transactionalSMS/sms', {
      sender: 'DemoShop',
      recipient: '+33 6 12 34 56 78',
      content: long,
      tag: 'shipping',
    });
    expect(sent).toMatchObject({
      messageId: expect.any(Number),
      reference: expect.any(String),
      smsCount: 2,
      usedCredits: 2,
      remainingCredits: before - 2,
    });
    const events = (await emu.ok('GET', '/transactionalSMS/statistics/events?phoneNumber=33612345678&days=1'))
      .events as Json[];
    expect(
      events
        .filter((e) => e.messageId === String(sent.messageId))
        .map((e) => e.event)
        .sort(),
    ).toEqual(['accepted', 'delivered', 'sent']);
    expect(events.every((e) => e.tag === 'shipping')).toBe(true);
    const today = clock.clock().toISOString().slice(0, 10);
    const [report] = (await emu.ok('GET', '/transactionalSMS/statistics/reports?days=0')).reports;
    expect(report).toMatchObject({ date: today, requests: 1, delivered: 1, accepted: 1 });
    const aggregated = await emu.ok('GET', '/transactionalSMS/statistics/aggregatedReport?tag=shipping');
    expect(aggregated.requests).toBeGreaterThan(1);
    expect(aggregated.range).toMatch(/^\d{4}-\d{2}-\d{2}\|\d{4}-\d{2}-\d{2}$/);
    expect(
      (
        await emu.ok('POST', '/transactionalSMS/send', {
          sender: 'DemoShop',
          recipient: '447700900123',
          content: 'Queued',
        })
      ).messageId,
    ).toEqual(expect.any(Number));
    expect(
      await emu.request('POST', '/transactionalSMS/sms', { sender: 'DemoShop', recipient: '12', content: 'x' }),
    ).toMatchObject({ status: 400, json: { message: expect.stringMatching(/^recipient: 12 is not a mobile number/) } });
  });
});

describe("the emulator's WhatsApp", () => {
  let emu: Emulator;
  const clock = testClock('2025-03-10T12:00:00Z');
  beforeAll(async () => {
    emu = await startEmulator({ clock: clock.clock });
  });
  afterAll(() => emu?.close());

  it('is seeded with templates, a sent campaign with its statistics and a scheduled one', async () => {
    const { templates } = await emu.ok('GET', '/whatsappCampaigns/template-list');
    expect(templates.map((t: Json) => [t.name, t.status]).sort()).toEqual([
      ['loyalty_points', 'draft'],
      ['new_collection', 'approved'],
      ['order_update', 'approved'],
      ['vip_evening', 'approved'],
    ]);
    const { campaigns, count } = await emu.ok('GET', '/whatsappCampaigns');
    expect(count).toBe(2);
    const sent = campaigns.find((c: Json) => c.campaignStatus === 'sent');
    expect(sent.stats.sent).toBeGreaterThan(0);
    expect(sent.stats.read).toBeLessThanOrEqual(sent.stats.delivered);
    expect(campaigns.find((c: Json) => c.campaignStatus === 'scheduled').campaignName).toBe('VIP evening invitation');
    expect((await emu.ok('GET', '/whatsappCampaigns/config')).phoneNumberQuality).toBe('GREEN');
  });

  it(
    'creates a template, gets it approved, schedules a campaign with it, sends it at its time, ' + 'deletes it',
    async () => {
      const { id: templateId } = await emu.ok('POST', '/whatsappCampaigns/template', {
        name: 'restock_alert',
        language: 'en',
        category: 'UTILITY',
        bodyText: 'Hi {{contact.FIRSTNAME}}, it is back in stock.',
      });
      const schedule = {
        name: 'Restock',
        templateId,
        scheduledAt: '2025-03-10T15:00:00Z',
        recipients: { listIds: [2] },
      };
      expect(await emu.request('POST', '/whatsappCampaigns', schedule)).toMatchObject({
        status: 400,
        json: { message: expect.stringMatching(/is draft; only approved templates/) },
      });
      expect((await emu.request('POST', `/whatsappCampaigns/template/approval/${templateId}`)).status).toBe(200);
      const { id } = await emu.ok('POST', '/whatsappCampaigns', schedule);
      expect(String(id)).toHaveLength(16);
      const scheduled = await emu.ok('GET', `/whatsappCampaigns/${id}`);
      expect(scheduled).toMatchObject({
        campaignName: 'Restock',
        campaignStatus: 'scheduled',
        senderNumber: '33639980000',
        template: {
          name: 'restock_alert',
          components: [{ type: 'BODY', text: 'Hi {{contact.FIRSTNAME}}, it is back in stock.' }],
        },
        recipients: { includedLists: [2] },
      });
      expect(
        (
          await emu.request('PUT', `/whatsappCampaigns/${id}`, {
            campaignName: 'Restock alert',
            rescheduleFor: '2025-03-10T16:00:00Z',
          })
        ).status,
      ).toBe(204);
      clock.advance(5 * 3_600_000);
      const sent = await emu.ok('GET', `/whatsappCampaigns/${id}`);
      const members = (await emu.ok('GET', '/contacts/lists/2/contacts?limit=500')).contacts as Json[];
      const withNumber = members.filter((c) => c.attributes.WHATSAPP).length;
      expect(sent).toMatchObject({
        campaignName: 'Restock alert',
        campaignStatus: 'sent',
        scheduledAt: '2025-03-10T16:00:00Z',
        stats: { sent: withNumber, delivered: withNumber, read: 0, notSent: members.length - withNumber },
      });
      expect(await emu.request('PUT', `/whatsappCampaigns/${id}`, { campaignName: 'Too late' })).toMatchObject({
        status: 400,
      });
      expect((await emu.request('DELETE', `/whatsappCampaigns/${id}`)).status).toBe(204);
      expect((await emu.request('GET', `/whatsappCampaigns/${id}`)).status).toBe(404);
    },
  );

  it('sends messages: a template opens the conversation, a text continues it, both in the event log', async () => {
    const text = { senderNumber: '33639980000', contactNumbers: ['447700900123'], text: 'Your parcel arrives today' };
    expect(await emu.request('POST', '/whatsapp/sendMessage', text)).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/first message must use a template/) },
    });
    const opened = await emu.ok('POST', '/whatsapp/sendMessage', {
      senderNumber: '33639980000',
      contactNumbers: ['447700900123'],
      templateId: 1,
      params: { ORDER_ID: 'DS-20931' },
    });
    expect(opened.messageId).toMatch(/^[0-9a-f-]{36}$/);
    const followUp = await emu.ok('POST', '/whatsapp/sendMessage', text);
    const { events } = await emu.ok('GET', '/whatsapp/statistics/events?contactNumber=447700900123&days=1');
    const sentBodies = (events as Json[]).filter((e) => e.event === 'sent').map((e) => e.body);
    expect(sentBodies).toEqual(
      expect.arrayContaining(['Hi Olivia, your Demo Shop order DS-20931 is on its way.', 'Your parcel arrives today']),
    );
    expect((events as Json[]).some((e) => e.messageId === followUp.messageId && e.event === 'delivered')).toBe(true);
    expect(await emu.request('POST', '/whatsapp/sendMessage', { ...text, senderNumber: '33700000000' })).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/not the account's WhatsApp number/) },
    });
  });
});
