// The demo account the sandbox starts with: "Demo Shop" (demoshop.example), a small online shop
// selling scarves, bags and homeware, with 48 customers in three lists, templates, webhooks, and
// (from the other seed files) email, SMS and WhatsApp campaigns with their results, a product
// catalogue with two months of orders and their transactional emails, and a wholesale CRM
// pipeline. Dates are relative to the start, so recent activity falls in Brevo's default 30-day
// windows. Every address is on a reserved domain (example.com, .example): nothing is real.
import { SANDBOX_TRACKER_KEY } from './http.js';
import { seedInbound } from './inbound-api.js';
import { seedCampaigns } from './seed-campaigns.js';
import { seedCrm } from './seed-crm.js';
import { seedCommerceTools, seedLoyalty } from './seed-loyalty.js';
import { ORDER_HTML, PEOPLE, SHOP_DOMAIN, SHOP_SENDER, WELCOME_HTML, type Ago } from './seed-people.js';
import { seedShop } from './seed-shop.js';
import { iso, type Store, type Contact } from './store.js';

export function seedDemoAccount(store: Store): Store {
  const start = store.clock().getTime();
  const ago: Ago = (days, hours = 0) => iso(new Date(start - days * 86_400_000 - hours * 3_600_000));

  store.account = {
    email: `owner@${SHOP_DOMAIN}`,
    firstName: 'Camille',
    lastName: 'Laurent',
    companyName: 'Demo Shop',
    address: { street: '12 Rue de la Paix', city: 'Paris', zipCode: '75002', country: 'France' },
    plan: [
      {
        type: 'subscription',
        credits: 19_874,
        creditsType: 'sendLimit',
        startDate: ago(20).slice(0, 10),
        endDate: ago(-10).slice(0, 10),
      },
      { type: 'sms', credits: 250, creditsType: 'sendLimit' },
    ],
    relay: { enabled: true, data: { userName: `owner@${SHOP_DOMAIN}`, relay: 'smtp-relay.brevo.com', port: 587 } },
    marketingAutomation: { key: SANDBOX_TRACKER_KEY, enabled: true },
  };

  store.domains.set(SHOP_DOMAIN, {
    id: 1,
    name: SHOP_DOMAIN,
    authenticated: true,
    verified: true,
    createdAt: ago(400),
  });
  store.reserveId('domain', 1);
  store.ips.push({ id: 1, ip: '198.51.100.25', domain: `mail.${SHOP_DOMAIN}`, active: true });
  store.senders.set(1, {
    id: 1,
    name: 'Demo Shop',
    email: `hello@${SHOP_DOMAIN}`,
    active: true,
    ips: [{ ip: '198.51.100.25', domain: `mail.${SHOP_DOMAIN}`, weight: 100 }],
  });
  store.reserveId('sender', 1);

  store.folders.set(1, { id: 1, name: 'Customers' });
  store.folders.set(2, { id: 2, name: 'Marketing' });
  store.reserveId('folder', 2);
  store.lists.set(1, { id: 1, name: 'All customers', folderId: 1, createdAt: ago(420) });
  store.lists.set(2, { id: 2, name: 'VIP customers', folderId: 1, createdAt: ago(300) });
  store.lists.set(3, { id: 3, name: 'Newsletter subscribers', folderId: 2, createdAt: ago(420) });
  store.reserveId('list', 3);

  store.attributes.push(
    { name: 'LASTNAME', category: 'normal', type: 'text' },
    { name: 'FIRSTNAME', category: 'normal', type: 'text' },
    { name: 'SMS', category: 'normal', type: 'text' },
    { name: 'WHATSAPP', category: 'normal', type: 'text' },
    { name: 'CITY', category: 'normal', type: 'text' },
    { name: 'OPT_IN', category: 'normal', type: 'boolean' },
    {
      name: 'DOUBLE_OPT-IN',
      category: 'category',
      type: 'text',
      enumeration: [
        { value: 1, label: 'Yes' },
        { value: 2, label: 'No' },
      ],
    },
    { name: 'ORDER_ID', category: 'transactional', type: 'id' },
  );

  // Customers joined over the last 400 days, in id order.
  PEOPLE.forEach((p, i) => {
    const id = i + 1;
    const created = ago(400 - id * 8, i % 9);
    const contact: Contact = {
      id,
      email: p.email,
      attributes: {
        FIRSTNAME: p.first,
        LASTNAME: p.last,
        CITY: p.city,
        ...(p.sms ? { SMS: p.sms } : {}),
        // VIP customers with a mobile number take WhatsApp messages too.
        ...(p.sms && p.lists.includes(2) ? { WHATSAPP: p.sms } : {}),
        OPT_IN: p.lists.includes(3),
      },
      emailBlacklisted: p.unsubscribed ?? false,
      smsBlacklisted: false,
      listIds: [...p.lists],
      smtpBlacklistSender: [],
      createdAt: created,
      modifiedAt: id % 3 === 0 ? ago(Math.min(5 + id, 400 - id * 8), i % 7) : created,
    };
    store.contacts.set(id, contact);
  });
  store.reserveId('contact', PEOPLE.length);

  store.templates.set(1, {
    id: 1,
    name: 'Order confirmation',
    subject: 'Your Demo Shop order {{params.ORDER_ID}}',
    isActive: true,
    testSent: true,
    sender: SHOP_SENDER,
    replyTo: `support@${SHOP_DOMAIN}`,
    toField: '{{contact.FIRSTNAME}} {{contact.LASTNAME}}',
    tag: 'order',
    htmlContent: ORDER_HTML,
    createdAt: ago(410),
    modifiedAt: ago(30),
  });
  store.templates.set(2, {
    id: 2,
    name: 'Welcome email',
    subject: 'Welcome to Demo Shop',
    isActive: true,
    testSent: false,
    sender: SHOP_SENDER,
    replyTo: `support@${SHOP_DOMAIN}`,
    toField: '{{contact.FIRSTNAME}}',
    tag: 'welcome',
    htmlContent: WELCOME_HTML,
    createdAt: ago(405),
    modifiedAt: ago(405),
  });
  store.reserveId('template', 2);

  store.webhooks.set(1, {
    id: 1,
    url: `https://hooks.${SHOP_DOMAIN}/brevo/transactional`,
    description: 'Order emails: delivery problems',
    events: ['hardBounce', 'softBounce', 'blocked', 'spam'],
    type: 'transactional',
    channel: 'email',
    batched: false,
    createdAt: ago(60),
    modifiedAt: ago(60),
  });
  store.reserveId('webhook', 1);

  // Campaigns first: which customer clicked what decides which campaign an order is credited to.
  seedCampaigns(store, ago);
  seedShop(store, ago);
  seedCrm(store, ago);
  seedLoyalty(store, ago);
  seedCommerceTools(store, ago);
  seedInbound(store, ago);
  store.blockedDomains.push({ domain: 'throwaway-mail.example', blockedAt: ago(90) });

  // Segments, from what the seeded customers did.
  const buyers = new Map<number, number>();
  for (const o of store.shop.orders.values())
    if (o.contactId !== undefined) buyers.set(o.contactId, (buyers.get(o.contactId) ?? 0) + 1);
  const openers = new Set(
    [...store.campaigns.values()]
      .filter((c) => c.sentDate && c.sentDate >= ago(30))
      .flatMap((c) =>
        Object.entries(c.engagement)
          .filter(([, e]) => e.opens)
          .map(([id]) => Number(id)),
      ),
  );
  store.segments.set(1, {
    id: 1,
    name: 'Repeat buyers',
    categoryName: 'Purchases',
    updatedAt: ago(1),
    contactIds: [...buyers].filter(([, n]) => n > 1).map(([id]) => id),
  });
  store.segments.set(2, {
    id: 2,
    name: 'Opened an email in the last 30 days',
    categoryName: 'Engagement',
    updatedAt: ago(0, 6),
    contactIds: [...openers],
  });
  store.reserveId('segment', 2);
  return store;
}
