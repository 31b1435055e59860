// The demo account's campaigns and what their recipients did: three sent email campaigns (opens,
// clicks by link, devices and browsers, a bounce or two, the unsubscribes that blocklisted three
// customers) and a draft; a sent and a draft SMS campaign; WhatsApp templates, a sent and a
// scheduled WhatsApp campaign. Recipients are the lists' members at the time of sending.
import type { Engagement } from './campaign-stats.js';
import type { SmsFate } from './messaging-store.js';
import { pick, random, SHOP_DOMAIN, SHOP_SENDER, type Ago } from './seed-people.js';
import type { Campaign, Contact, Store } from './store.js';

/** Who unsubscribed through which campaign (contact id → campaign id). */
const UNSUBSCRIBED_BY: Record<number, number> = { 10: 1, 30: 3, 42: 3 };

const DEVICES: [Engagement['device'], string, string, number][] = [
  // device, client (statsByDevice key), browser or mail app, share
  ['mobile', 'iOS', 'Apple Mail', 0.33],
  ['mobile', 'Android', 'Gmail', 0.22],
  ['desktop', 'Windows', 'Outlook', 0.2],
  ['desktop', 'macOS', 'Apple Mail', 0.12],
  ['desktop', 'Windows', 'Chrome', 0.08],
  ['tablet', 'iPadOS', 'Safari', 0.05],
];

/** Members of the lists (minus exclusions) when the campaign went out, and what each did. */
function sendSeeded(store: Store, campaign: Campaign, seed: number, links: string[], openRate: number): void {
  const next = random(seed);
  const when = campaign.sentDate!;
  const excluded = new Set(campaign.recipients.exclusionLists.flatMap((id) => store.members(id).map((c) => c.id)));
  const audience = new Map<number, Contact>();
  for (const listId of campaign.recipients.lists) {
    for (const c of store.members(listId)) {
      const stillSubscribed = !c.emailBlacklisted || UNSUBSCRIBED_BY[c.id] === campaign.id;
      if (c.createdAt <= when && !excluded.has(c.id) && stillSubscribed) audience.set(c.id, c);
    }
  }
  campaign.sentTo = [...audience.keys()];
  campaign.engagement = {};
  for (const id of campaign.sentTo) {
    const roll = next();
    const e: Engagement = {};
    if (roll < 0.02) e.bounce = 'hard';
    else if (roll < 0.05) e.bounce = 'soft';
    else if (next() < openRate || UNSUBSCRIBED_BY[id] === campaign.id) {
      const [device, client, browser] = deviceAt(next(), DEVICES);
      Object.assign(e, { device, client, browser, opens: 1 + Math.floor(next() * 3) });
      if (next() < 0.32) e.clicks = [pick(next, links), ...(next() < 0.3 ? [pick(next, links)] : [])];
    }
    if (UNSUBSCRIBED_BY[id] === campaign.id) e.unsubscribed = true;
    if (Object.keys(e).length) campaign.engagement[id] = e;
  }
}

function emailCampaign(
  store: Store,
  fields: Partial<Campaign> &
    Pick<
      Campaign,
      'id' | 'name' | 'subject' | 'htmlContent' | 'status' | 'createdAt' | 'modifiedAt' | 'recipients' | 'tag'
    >,
): Campaign {
  const campaign: Campaign = {
    type: 'classic',
    testSent: fields.status === 'sent',
    header: '[DEFAULT_HEADER]',
    footer: '[DEFAULT_FOOTER]',
    sender: { ...SHOP_SENDER },
    replyTo: `hello@${SHOP_DOMAIN}`,
    toField: '{{contact.FIRSTNAME}}',
    inlineImageActivation: false,
    mirrorActive: true,
    recurring: false,
    engagement: {},
    ...fields,
  };
  store.campaigns.set(campaign.id, campaign);
  return campaign;
}

const page = (path: string) => `https://${SHOP_DOMAIN}/${path}`;

export function seedCampaigns(store: Store, ago: Ago): void {
  const newArrivals = emailCampaign(store, {
    id: 3,
    name: 'New arrivals',
    subject: 'Just in: linen scarves and market bags',
    previewText: 'Twelve new pieces for the warmer days',
    status: 'sent',
    scheduledAt: ago(35, 3),
    sentDate: ago(35, 3),
    tag: 'newsletter',
    htmlContent:
      `<html><body><h1>Just in</h1><p>Linen scarves, market bags and stoneware mugs. <a href="${page('new')}">See ` +
      `what is new</a></p>{{ unsubscribe }}</body></html>`,
    recipients: { lists: [1], exclusionLists: [] },
    createdAt: ago(38),
    modifiedAt: ago(35, 3),
  });
  sendSeeded(store, newArrivals, 3, [page('new'), page('new/linen-scarves'), page('new/market-bags')], 0.41);

  const springSale = emailCampaign(store, {
    id: 1,
    name: 'Spring sale',
    subject: 'Spring sale: 20% off everything',
    previewText: 'Until Sunday only',
    status: 'sent',
    scheduledAt: ago(14),
    sentDate: ago(14),
    tag: 'newsletter',
    htmlContent:
      `<html><body><h1>Spring sale: 20% off everything</h1><p>Until Sunday only. <a href="${page('sale')}">Shop ` +
      `the sale</a></p>{{ unsubscribe }}</body></html>`,
    recipients: { lists: [3], exclusionLists: [] },
    createdAt: ago(16),
    modifiedAt: ago(14),
  });
  sendSeeded(store, springSale, 1, [page('sale'), page('sale/scarves'), page('sale/bags'), page('sale/home')], 0.46);

  const vip = emailCampaign(store, {
    id: 4,
    name: 'VIP early access',
    subject: 'Your early access to the summer collection',
    previewText: '48 hours before everyone else',
    status: 'sent',
    scheduledAt: ago(4, 5),
    sentDate: ago(4, 5),
    tag: 'vip',
    htmlContent:
      `<html><body><h1>{{contact.FIRSTNAME}}, you are first in line</h1><p><a href="${page('summer?vip=1')}">Shop ` +
      `the summer collection</a></p>{{ unsubscribe }}</body></html>`,
    recipients: { lists: [2], exclusionLists: [] },
    createdAt: ago(6),
    modifiedAt: ago(4, 5),
  });
  sendSeeded(store, vip, 4, [page('summer?vip=1'), page('summer/beach-totes')], 0.62);

  emailCampaign(store, {
    id: 2,
    name: 'June newsletter',
    subject: 'New in June at Demo Shop',
    status: 'draft',
    tag: 'newsletter',
    htmlContent: '<html><body><h1>New in June</h1><p>Draft: products to be chosen.</p></body></html>',
    recipients: { lists: [3], exclusionLists: [2] },
    createdAt: ago(2),
    modifiedAt: ago(1),
  });
  store.reserveId('campaign', 4);

  seedSms(store, ago);
  seedWhatsApp(store, ago);
}

function seedSms(store: Store, ago: Ago): void {
  const next = random(7);
  const sentAt = ago(20, 4);
  // VIP customers with a mobile number, as they were 20 days ago.
  const fates: SmsFate[] = store
    .members(2)
    .filter((c) => typeof c.attributes.SMS === 'string' && c.createdAt <= sentAt)
    .map((c, i) => ({
      phone: String(c.attributes.SMS),
      contactId: c.id,
      result: i === 2 ? 'softBounce' : 'delivered',
      ...(i === 0 || next() < 0.15 ? { answered: true } : {}),
    }));
  store.messaging.smsCampaigns.set(1, {
    id: 1,
    name: 'Flash sale: 24 hours',
    status: 'sent',
    content: 'Demo Shop flash sale: 30% off scarves for 24 hours with code FLASH30. demoshop.example/flash',
    sender: 'DemoShop',
    scheduledAt: sentAt,
    recipients: { lists: [2], exclusionLists: [] },
    unicodeEnabled: false,
    unsubscribeInstruction: 'STOP 36180',
    createdAt: ago(21),
    modifiedAt: sentAt,
    sentDate: sentAt,
    fates,
  });
  store.messaging.smsCampaigns.set(2, {
    id: 2,
    name: 'Back in stock',
    status: 'draft',
    content: 'Good news: the indigo linen scarf is back in stock at Demo Shop. demoshop.example/scarves',
    sender: 'DemoShop',
    recipients: { lists: [2], exclusionLists: [] },
    unicodeEnabled: false,
    createdAt: ago(3),
    modifiedAt: ago(3),
    fates: [],
  });
  store.reserveId('sms-campaign', 2);
  // The flash sale used the SMS credits of the plan.
  store.account.plan.find((p) => p.type === 'sms')!.credits -= fates.length;
}

function seedWhatsApp(store: Store, ago: Ago): void {
  const templates = [
    {
      name: 'order_update',
      category: 'UTILITY',
      bodyText: 'Hi {{contact.FIRSTNAME}}, your Demo Shop order {{params.ORDER_ID}} is on its way.',
      status: 'approved',
      days: 200,
    },
    {
      name: 'new_collection',
      category: 'MARKETING',
      bodyText: 'Hi {{contact.FIRSTNAME}}, the new Demo Shop collection is here. Have a look: demoshop.example/new',
      status: 'approved',
      days: 60,
    },
    {
      name: 'vip_evening',
      category: 'MARKETING',
      bodyText: 'You are invited to our VIP evening at the Paris shop. Reply YES to book your place.',
      status: 'approved',
      days: 12,
    },
    {
      name: 'loyalty_points',
      category: 'MARKETING',
      bodyText: 'You have {{params.POINTS}} loyalty points to spend at Demo Shop.',
      status: 'draft',
      days: 2,
    },
  ] as const;
  templates.forEach((t, i) => {
    store.messaging.whatsappTemplates.set(i + 1, {
      id: i + 1,
      name: t.name,
      language: 'en',
      category: t.category,
      bodyText: t.bodyText,
      source: 'Automation',
      status: t.status,
      createdAt: ago(t.days),
      modifiedAt: ago(t.days - 1),
    });
  });
  store.reserveId('whatsapp-template', templates.length);

  const next = random(11);
  const sentAt = ago(10, 2);
  const vips = store.members(2).filter((c) => c.createdAt <= sentAt);
  const numbers = vips.map((c) => c.attributes.WHATSAPP).filter((n): n is string => typeof n === 'string');
  store.messaging.whatsappCampaigns.set(1_672_035_851_100_001, {
    id: 1_672_035_851_100_001,
    name: 'New collection lookbook',
    templateId: 2,
    status: 'sent',
    scheduledAt: sentAt,
    recipients: { listIds: [2], excludedListIds: [], segments: [] },
    createdAt: ago(11),
    modifiedAt: sentAt,
    fates: numbers.map((number, i) => ({ number, delivered: i !== 1, read: i !== 1 && next() < 0.7 })),
    notSent: vips.length - numbers.length,
  });
  store.messaging.whatsappCampaigns.set(1_672_035_851_100_002, {
    id: 1_672_035_851_100_002,
    name: 'VIP evening invitation',
    templateId: 3,
    status: 'scheduled',
    scheduledAt: ago(-5),
    recipients: { listIds: [2], excludedListIds: [], segments: [] },
    createdAt: ago(1),
    modifiedAt: ago(1),
    fates: [],
    notSent: 0,
  });
  store.reserveId('whatsapp-campaign', 2);
}

/** The device whose cumulative share first passes `roll` (a number in [0, 1)). */
function deviceAt<T extends readonly [unknown, string, string, number]>(roll: number, devices: readonly T[]): T {
  let left = roll;
  for (const device of devices) {
    left -= device[3];
    if (left < 0) return device;
  }
  return devices[0]!;
}
