// The demo shop's catalogue and two months of orders, and the transactional messages they caused:
// an order confirmation (template 1) for every order, a shipping email a day later (and an SMS
// or WhatsApp message to customers who have the number), a few password resets and welcome
// emails, with opens, clicks and the odd bounce. Orders placed within a week of a campaign by a
// customer who clicked it (or got its SMS) are credited to that campaign.
import { randomUUID } from 'node:crypto';
import { attribution } from './ecommerce-api.js';
import type { SmsEvent } from './messaging-store.js';
import { ORDER_HTML, pick, random, SHOP_DOMAIN, WELCOME_HTML, type Ago } from './seed-people.js';
import type { Order, OrderLine } from './shop-store.js';
import type { Contact, DeliveryEvent, Store } from './store.js';

const CATEGORIES = [
  ['scarves', 'Scarves & shawls'],
  ['bags', 'Bags & totes'],
  ['home', 'Home & kitchen'],
] as const;

const PRODUCTS: [id: string, name: string, category: string, price: number][] = [
  ['SCF-LIN-IND', 'Indigo linen scarf', 'scarves', 39],
  ['SCF-WOL-OAT', 'Oatmeal wool shawl', 'scarves', 69],
  ['SCF-SLK-TER', 'Terracotta silk square', 'scarves', 55],
  ['BAG-MKT-NAT', 'Natural market bag', 'bags', 45],
  ['BAG-TOT-BLK', 'Black canvas tote', 'bags', 29],
  ['BAG-BCH-STR', 'Striped beach tote', 'bags', 49],
  ['HOM-MUG-SND', 'Sand stoneware mug', 'home', 18],
  ['HOM-THR-OLV', 'Olive cotton throw', 'home', 85],
];

const money = (n: number) => Math.round(n * 100) / 100;
const price = (n: number) => `€${n.toFixed(2)}`;

export function seedShop(store: Store, ago: Ago): void {
  CATEGORIES.forEach(([id, name], i) => {
    store.shop.categories.set(id, {
      key: i + 1,
      id,
      name,
      url: `https://${SHOP_DOMAIN}/${id}`,
      createdAt: ago(410),
      modifiedAt: ago(120),
    });
  });
  store.reserveId('category', CATEGORIES.length);
  PRODUCTS.forEach(([id, name, category, amount], i) => {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    store.shop.products.set(id, {
      key: i + 1,
      id,
      name,
      url: `https://${SHOP_DOMAIN}/${category}/${slug}`,
      imageUrl: `https://${SHOP_DOMAIN}/images/${slug}.jpg`,
      sku: id,
      price: amount,
      categories: [category],
      metaInfo: { brand: 'Demo Shop', material: slug.split('-')[1] ?? 'cotton' },
      createdAt: ago(400 - i * 20),
      modifiedAt: ago(30 - i),
    });
  });
  store.reserveId('product', PRODUCTS.length);

  const next = random(42);
  const customers = [...store.contacts.values()].filter(
    (c) => c.email && c.email !== 'ava.brown@example.net' && c.email !== 'jules.moreau@example.com',
  );
  // When orders came in: every day of the last 60, more in the days after each campaign.
  const moments: { at: string; contact: Contact }[] = [];
  for (let day = 60; day >= 0; day--) {
    const count = Math.floor(next() * 3) + (day % 7 === 1 ? 1 : 0);
    for (let n = 0; n < count; n++) {
      const at = ago(day, Math.floor(next() * 14) + 1);
      const eligible = customers.filter((c) => c.createdAt <= at);
      moments.push({ at, contact: pick(next, eligible) });
    }
  }
  for (const campaign of store.campaigns.values()) {
    if (!campaign.sentDate) continue;
    for (const [id, e] of Object.entries(campaign.engagement)) {
      const contact = store.contacts.get(Number(id));
      if (contact && e.clicks?.length && next() < 0.6 && contact.email !== 'ava.brown@example.net')
        moments.push({ at: shift(campaign.sentDate, 2 + next() * 80), contact });
    }
  }
  moments.push({ at: ago(3, 2), contact: store.findContact('emma.martin@example.com') });
  const now = ago(0);
  const orders = moments.filter((m) => m.at <= now).sort((a, b) => a.at.localeCompare(b.at));

  orders.forEach(({ at, contact }, i) => {
    const lines: OrderLine[] = [];
    const kinds = 1 + Math.floor(next() * 2.4);
    for (let k = 0; k < kinds; k++) {
      const [productId, , , amount] = pick(next, PRODUCTS);
      if (!lines.some((l) => l.productId === productId))
        lines.push({ productId, quantity: next() < 0.8 ? 1 : 2, price: amount });
    }
    const age = (Date.parse(now) - Date.parse(at)) / 86_400_000;
    const status = age > 6 ? (next() < 0.04 ? 'refunded' : 'completed') : age > 1.5 ? 'shipped' : 'processing';
    const order: Order = {
      id: `DS-${10_401 + i}`,
      createdAt: at,
      updatedAt: shift(at, status === 'processing' ? 0 : 30),
      status,
      amount: money(lines.reduce((n, l) => n + l.price * l.quantity, 0) + 4.9),
      storeId: 'demoshop-web',
      identifiers: { email_id: contact.email! },
      contactId: contact.id,
      email: contact.email!,
      products: lines,
      billing: {
        city: String(contact.attributes.CITY ?? 'Paris'),
        countryCode: countryOf(contact),
        paymentMethod: next() < 0.7 ? 'card' : 'paypal',
      },
      ...(i % 9 === 4 ? { coupons: ['WELCOME10'] } : {}),
    };
    order.attribution = attribution(store, contact.id, at);
    store.shop.orders.set(order.id, order);
    orderMessages(store, order, contact, next);
  });

  // Other transactional email: welcomes to the newest customers, a few password resets.
  for (const contact of [...store.contacts.values()].filter((c) => c.createdAt >= ago(30))) {
    logEmail(store, contact, {
      subject: 'Welcome to Demo Shop',
      templateId: 2,
      tag: 'welcome',
      body: WELCOME_HTML.replace('{{contact.FIRSTNAME}}', String(contact.attributes.FIRSTNAME)),
      at: shift(contact.createdAt, 1),
      opened: next() < 0.6,
    });
  }
  logEmail(store, store.findContact('jules.moreau@example.com'), {
    subject: 'Welcome to Demo Shop',
    templateId: 2,
    tag: 'welcome',
    body: WELCOME_HTML.replace('{{contact.FIRSTNAME}}', 'Jules'),
    at: ago(1, 5),
    opened: false,
  });
  for (const day of [27, 19, 11, 6, 2]) {
    const contact = pick(next, customers);
    logEmail(store, contact, {
      subject: 'Reset your Demo Shop password',
      tag: 'password',
      body:
        `<p>Reset your password: <a href="https://${SHOP_DOMAIN}/account/reset">choose a new one</a>. ` +
        `The link is valid for one hour.</p>`,
      at: ago(day, 7),
      opened: true,
      link: `https://${SHOP_DOMAIN}/account/reset`,
    });
  }
  store.emails.sort((a, b) => a.date.localeCompare(b.date));
  store.events.sort((a, b) => a.date.localeCompare(b.date));
  store.messaging.smsEvents.sort((a, b) => a.date.localeCompare(b.date));
}

const shift = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const COUNTRIES: Record<string, string> = {
  London: 'GB',
  Leeds: 'GB',
  Manchester: 'GB',
  Boston: 'US',
  Chicago: 'US',
  Madrid: 'ES',
  Lisbon: 'PT',
  Milan: 'IT',
  Turin: 'IT',
  Berlin: 'DE',
  Hamburg: 'DE',
  Munich: 'DE',
  Copenhagen: 'DK',
};
const countryOf = (contact: Contact) => COUNTRIES[String(contact.attributes.CITY)] ?? 'FR';

/** The order confirmation, and once shipped, the shipping email and SMS or WhatsApp message. */
function orderMessages(store: Store, order: Order, contact: Contact, next: () => number): void {
  const first = String(contact.attributes.FIRSTNAME);
  const fill = (html: string) =>
    html
      .replace('{{params.FIRSTNAME}}', first)
      .replace('{{params.ORDER_ID}}', order.id)
      .replace('{{params.TOTAL}}', price(order.amount));
  logEmail(store, contact, {
    subject: `Your Demo Shop order ${order.id}`,
    templateId: 1,
    tag: 'order',
    body: fill(ORDER_HTML),
    at: order.createdAt,
    opened: next() < 0.7,
    bounce: next() < 0.03 ? 'softBounce' : undefined,
  });
  if (order.status === 'processing') return;
  const shippedAt = shift(order.createdAt, 20 * 60);
  const track = `https://${SHOP_DOMAIN}/orders/${order.id}`;
  logEmail(store, contact, {
    subject: `Your order ${order.id} has shipped`,
    tag: 'shipping',
    body: `<p>Hi ${first}, order ${order.id} is on its way. <a href="${track}">Track your parcel</a></p>`,
    at: shippedAt,
    opened: next() < 0.65,
    link: next() < 0.4 ? track : undefined,
  });
  const whatsapp = contact.attributes.WHATSAPP;
  const sms = contact.attributes.SMS;
  if (typeof whatsapp === 'string') {
    const messageId = randomUUID();
    for (const event of ['sent', 'delivered', 'read'] as const) {
      store.messaging.whatsappEvents.push({
        contactNumber: whatsapp,
        date: shift(shippedAt, event === 'read' ? 35 : 1),
        messageId,
        event,
        senderNumber: store.messaging.whatsappNumber,
        ...(event === 'sent' ? { body: `Hi ${first}, your Demo Shop order ${order.id} is on its way.` } : {}),
      });
    }
  } else if (typeof sms === 'string') {
    const messageId = String(1_511_882_900_170_000 + store.nextId('sms'));
    const bounced = next() < 0.05;
    const events: SmsEvent['event'][] = bounced ? ['sent', 'hardBounces'] : ['sent', 'accepted', 'delivered'];
    for (const event of events)
      store.messaging.smsEvents.push({
        phoneNumber: sms,
        date: shippedAt,
        messageId,
        event,
        tag: 'shipping',
        ...(bounced && event === 'hardBounces' ? { reason: 'Number not in service' } : {}),
      });
    store.messaging.sms.push({
      messageId: Number(messageId),
      reference: `ship${order.id.slice(3)}`,
      recipient: sms,
      sender: 'DemoShop',
      content: `Demo Shop: order ${order.id} has shipped. Track it at ${track}`,
      tag: 'shipping',
      type: 'transactional',
      date: shippedAt,
      smsCount: 1,
    });
  }
}

interface LoggedEmail {
  subject: string;
  templateId?: number;
  tag: string;
  body: string;
  at: string;
  opened: boolean;
  link?: string;
  bounce?: 'softBounce' | 'hardBounce';
}

function logEmail(store: Store, contact: Contact, e: LoggedEmail): void {
  const stamp = e.at.replace(/\D/g, '').slice(0, 12);
  const messageId = `<${stamp}.${40_000_000_000 + store.emails.length * 7_919}@smtp-relay.mailin.fr>`;
  const events: DeliveryEvent[] = [{ name: 'sent', time: e.at }];
  if (e.bounce) events.push({ name: e.bounce, time: shift(e.at, 1), reason: 'Mailbox temporarily full' });
  else {
    events.push({ name: 'delivered', time: shift(e.at, 1) });
    if (e.opened) events.push({ name: 'opened', time: shift(e.at, 42), ip: '203.0.113.24' });
    if (e.opened && e.link) events.push({ name: 'clicked', time: shift(e.at, 44), link: e.link, ip: '203.0.113.24' });
  }
  store.recordEmail({
    messageId,
    email: contact.email!,
    subject: e.subject,
    ...(e.templateId !== undefined ? { templateId: e.templateId } : {}),
    from: `hello@${SHOP_DOMAIN}`,
    tags: [e.tag],
    body: e.body,
    attachmentCount: 0,
    events,
  });
}
