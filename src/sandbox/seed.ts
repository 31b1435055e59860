// The demo account the sandbox starts with: "Demo Shop", a small online shop with customers and
// newsletter subscribers, two templates, a sent and a draft campaign, and a few transactional
// emails in the log. Dates are relative to the start, so the log falls in Brevo's default
// 30-day windows. Every address is on a reserved domain (example.com, .example): nothing is real.
import { randomUUID } from 'node:crypto';
import { SANDBOX_TRACKER_KEY } from './http.js';
import { emptyStats, iso, Store, type Contact } from './store.js';

const SHOP_DOMAIN = 'demoshop.example';

const PEOPLE: [first: string, last: string, email: string, lists: number[], extra?: Record<string, unknown>][] = [
  ['Emma', 'Martin', 'emma.martin@example.com', [1, 2, 3], { SMS: '33612345678', CITY: 'Lyon' }],
  ['Lucas', 'Bernard', 'lucas.bernard@example.com', [1, 3], { CITY: 'Paris' }],
  ['Olivia', 'Smith', 'olivia.smith@example.com', [1, 2], { SMS: '447700900123', CITY: 'London' }],
  ['Noah', 'Johnson', 'noah.johnson@example.net', [1], { CITY: 'Boston' }],
  ['Mia', 'Garcia', 'mia.garcia@example.org', [3], { CITY: 'Madrid' }],
  ['Leo', 'Rossi', 'leo.rossi@example.com', [1, 3], { CITY: 'Milan' }],
  ['Sofia', 'Müller', 'sofia.mueller@example.de', [1, 2, 3], { CITY: 'Berlin' }],
  ['Hugo', 'Dubois', 'hugo.dubois@example.fr', [3], { CITY: 'Bordeaux' }],
  ['Chloe', 'Wilson', 'chloe.wilson@example.com', [1], { CITY: 'Leeds' }],
  ['Arthur', 'Lefebvre', 'arthur.lefebvre@example.com', [3], { CITY: 'Lille' }],
  ['Ava', 'Brown', 'ava.brown@example.net', [1, 3], { CITY: 'Chicago' }],
  ['Jules', 'Moreau', 'jules.moreau@example.com', [1], { CITY: 'Nantes' }],
];

const ORDER_HTML =
  '<html><body><h1>Thank you for your order, {{params.FIRSTNAME}}!</h1><p>Order {{params.ORDER_ID}} is confirmed: {{params.TOTAL}} will be charged. We will email you when it ships.</p><p>Demo Shop</p></body></html>';
const WELCOME_HTML =
  '<html><body><h1>Welcome to Demo Shop, {{contact.FIRSTNAME}}!</h1><p>Here is 10% off your first order with the code WELCOME10.</p></body></html>';
const NEWSLETTER_HTML = '<html><body><h1>Spring sale: 20% off everything</h1><p>Until Sunday only. {{ unsubscribe }}</p></body></html>';

export function seedDemoAccount(store: Store): Store {
  const start = store.clock().getTime();
  const ago = (days: number, hours = 0) => iso(new Date(start - days * 86_400_000 - hours * 3_600_000));

  store.account = {
    email: 'owner@demoshop.example',
    firstName: 'Camille',
    lastName: 'Laurent',
    companyName: 'Demo Shop',
    address: { street: '12 Rue de la Paix', city: 'Paris', zipCode: '75002', country: 'France' },
    plan: [
      { type: 'subscription', credits: 19_874, creditsType: 'sendLimit', startDate: ago(20).slice(0, 10), endDate: ago(-10).slice(0, 10) },
      { type: 'sms', credits: 250, creditsType: 'sendLimit' },
    ],
    relay: { enabled: true, data: { userName: 'owner@demoshop.example', relay: 'smtp-relay.brevo.com', port: 587 } },
    marketingAutomation: { key: SANDBOX_TRACKER_KEY, enabled: true },
  };

  store.senders.set(1, { id: 1, name: 'Demo Shop', email: `hello@${SHOP_DOMAIN}`, active: true, ips: [] });
  store.reserveId('sender', 1);

  store.folders.set(1, { id: 1, name: 'Customers' });
  store.folders.set(2, { id: 2, name: 'Marketing' });
  store.reserveId('folder', 2);
  store.lists.set(1, { id: 1, name: 'All customers', folderId: 1, createdAt: ago(120) });
  store.lists.set(2, { id: 2, name: 'VIP customers', folderId: 1, createdAt: ago(90) });
  store.lists.set(3, { id: 3, name: 'Newsletter subscribers', folderId: 2, createdAt: ago(120) });
  store.reserveId('list', 3);

  store.attributes.push(
    { name: 'LASTNAME', category: 'normal', type: 'text' },
    { name: 'FIRSTNAME', category: 'normal', type: 'text' },
    { name: 'SMS', category: 'normal', type: 'text' },
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

  PEOPLE.forEach(([first, last, email, listIds, extra], i) => {
    const id = i + 1;
    const created = ago(100 - i * 7, i);
    const contact: Contact = {
      id,
      email,
      attributes: { FIRSTNAME: first, LASTNAME: last, ...extra, OPT_IN: listIds.includes(3) },
      // One subscriber unsubscribed from marketing email: counted as blocklisted in the lists.
      emailBlacklisted: id === 10,
      smsBlacklisted: false,
      listIds: [...listIds],
      smtpBlacklistSender: [],
      createdAt: created,
      modifiedAt: id % 3 === 0 ? ago(5, i) : created,
    };
    store.contacts.set(id, contact);
  });
  store.reserveId('contact', PEOPLE.length);

  const sender = { name: 'Demo Shop', email: `hello@${SHOP_DOMAIN}`, id: 1 };
  store.templates.set(1, {
    id: 1,
    name: 'Order confirmation',
    subject: 'Your Demo Shop order {{params.ORDER_ID}}',
    isActive: true,
    testSent: true,
    sender,
    replyTo: `support@${SHOP_DOMAIN}`,
    toField: '{{contact.FIRSTNAME}} {{contact.LASTNAME}}',
    tag: 'order',
    htmlContent: ORDER_HTML,
    createdAt: ago(110),
    modifiedAt: ago(30),
  });
  store.templates.set(2, {
    id: 2,
    name: 'Welcome email',
    subject: 'Welcome to Demo Shop',
    isActive: true,
    testSent: false,
    sender,
    replyTo: `support@${SHOP_DOMAIN}`,
    toField: '{{contact.FIRSTNAME}}',
    tag: 'welcome',
    htmlContent: WELCOME_HTML,
    createdAt: ago(105),
    modifiedAt: ago(105),
  });
  store.reserveId('template', 2);

  // The sent campaign reached the newsletter list, except the blocklisted subscriber.
  const reached = [...store.contacts.values()].filter((c) => c.listIds.includes(3) && !c.emailBlacklisted);
  const sentStats = {
    ...emptyStats(),
    sent: reached.length,
    delivered: reached.length,
    uniqueViews: 5,
    viewed: 7,
    trackableViews: 4,
    uniqueClicks: 2,
    clickers: 2,
  };
  store.campaigns.set(1, {
    id: 1,
    name: 'Spring sale',
    subject: 'Spring sale: 20% off everything',
    previewText: 'Until Sunday only',
    type: 'classic',
    status: 'sent',
    scheduledAt: ago(14),
    testSent: true,
    header: '[DEFAULT_HEADER]',
    footer: '[DEFAULT_FOOTER]',
    sender,
    replyTo: `hello@${SHOP_DOMAIN}`,
    toField: '{{contact.FIRSTNAME}}',
    htmlContent: NEWSLETTER_HTML,
    tag: 'newsletter',
    inlineImageActivation: false,
    mirrorActive: true,
    recurring: false,
    recipients: { lists: [3], exclusionLists: [] },
    createdAt: ago(16),
    modifiedAt: ago(14),
    sentDate: ago(14),
    sentTo: reached.map((c) => c.id),
    globalStats: sentStats,
    campaignStats: [{ ...sentStats, listId: 3 }],
  });
  store.campaigns.set(2, {
    id: 2,
    name: 'June newsletter',
    subject: 'New in June at Demo Shop',
    type: 'classic',
    status: 'draft',
    testSent: false,
    header: '[DEFAULT_HEADER]',
    footer: '[DEFAULT_FOOTER]',
    sender,
    replyTo: `hello@${SHOP_DOMAIN}`,
    toField: '{{contact.FIRSTNAME}}',
    htmlContent: '<html><body><h1>New in June</h1><p>Draft: products to be chosen.</p></body></html>',
    tag: 'newsletter',
    inlineImageActivation: false,
    mirrorActive: true,
    recurring: false,
    recipients: { lists: [3], exclusionLists: [2] },
    createdAt: ago(2),
    modifiedAt: ago(1),
    globalStats: emptyStats(),
    campaignStats: [],
  });
  store.reserveId('campaign', 2);

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

  logEmail(store, {
    to: 'emma.martin@example.com',
    subject: 'Your Demo Shop order DS-10482',
    templateId: 1,
    tag: 'order',
    html: ORDER_HTML.replace('{{params.FIRSTNAME}}', 'Emma').replace('{{params.ORDER_ID}}', 'DS-10482').replace('{{params.TOTAL}}', '€84.90'),
    when: ago(3, 2),
    opened: true,
  });
  logEmail(store, {
    to: 'jules.moreau@example.com',
    subject: 'Welcome to Demo Shop',
    templateId: 2,
    tag: 'welcome',
    html: WELCOME_HTML.replace('{{contact.FIRSTNAME}}', 'Jules'),
    when: ago(1, 5),
    opened: false,
  });
  return store;
}

function logEmail(store: Store, e: { to: string; subject: string; templateId: number; tag: string; html: string; when: string; opened: boolean }): void {
  const stamp = e.when.replace(/\D/g, '').slice(0, 12);
  const messageId = `<${stamp}.${40_000_000_000 + store.emails.length * 7_919}@smtp-relay.mailin.fr>`;
  const from = `hello@${SHOP_DOMAIN}`;
  const later = (minutes: number) => iso(new Date(new Date(e.when).getTime() + minutes * 60_000));
  const events = [
    { name: 'sent', time: e.when },
    { name: 'delivered', time: later(1) },
    ...(e.opened ? [{ name: 'opened', time: later(42) }] : []),
  ];
  store.emails.push({
    uuid: randomUUID(),
    messageId,
    email: e.to,
    subject: e.subject,
    templateId: e.templateId,
    date: e.when,
    from,
    tags: [e.tag],
    body: e.html,
    attachmentCount: 0,
    events,
  });
  const names: Record<string, string> = { sent: 'requests', delivered: 'delivered', opened: 'opened' };
  for (const ev of events) {
    store.events.push({
      email: e.to,
      date: ev.time,
      subject: e.subject,
      messageId,
      event: names[ev.name]!,
      tag: e.tag,
      from,
      templateId: e.templateId,
      ...(ev.name === 'opened' ? { ip: '203.0.113.24' } : {}),
    });
  }
}
