// Unit tests of the emulator's parts: the route matcher, the store's identifier rules and
// counters, template rendering, the demo seed.
import { describe, expect, it } from 'vitest';
import { render } from './sending.js';
import { RouteTable, SandboxError } from './http.js';
import { seedDemoAccount } from './seed.js';
import { Store } from './store.js';

describe('RouteTable', () => {
  const table = new RouteTable<string>()
    .add('GET', '/contacts/{identifier}', 'contact')
    .add('GET', '/contacts/lists', 'lists')
    .add('GET', '/contacts/lists/{listId}', 'list')
    .add('DELETE', '/contacts/{identifier}', 'delete')
    .add('GET', '/crm/deals/{id}', 'deal');

  it('prefers a literal segment over a parameter, whatever the order of definition', () => {
    expect(table.match('GET', '/contacts/lists')).toMatchObject({ value: 'lists' });
    expect(table.match('GET', '/contacts/42')).toMatchObject({ value: 'contact', params: { identifier: '42' } });
    expect(table.match('GET', '/contacts/lists/7')).toMatchObject({ value: 'list', params: { listId: '7' } });
  });

  it('decodes parameters and tells a wrong method from an unknown path', () => {
    expect(table.match('GET', '/contacts/ann%40example.com')).toMatchObject({
      params: { identifier: 'ann@example.com' },
    });
    expect(table.match('PUT', '/crm/deals/abc')).toEqual({ allowed: ['GET'] });
    expect(table.match('GET', '/crm/deals')).toBeUndefined();
    expect(table.match('GET', '/crm/deals/abc/extra')).toBeUndefined();
  });
});

describe('Store', () => {
  const seeded = () => seedDemoAccount(new Store(() => new Date('2025-03-10T12:00:00Z')));

  it('finds contacts by email, id, ext_id and phone, with or without identifierType', () => {
    const store = seeded();
    store.contacts.get(4)!.extId = 'CRM-0004';
    expect(store.findContact('EMMA.MARTIN@example.com').id).toBe(1);
    expect(store.findContact('2').email).toBe('lucas.bernard@example.com');
    expect(store.findContact('2', 'contact_id').id).toBe(2);
    expect(store.findContact('CRM-0004').id).toBe(4);
    expect(store.findContact('CRM-0004', 'ext_id').id).toBe(4);
    expect(store.findContact('+447700900123', 'phone_id').id).toBe(3);
    expect(store.findContact('447700900123').id).toBe(3);
    expect(() => store.findContact('2', 'email_id')).toThrow(SandboxError);
    expect(() => store.findContact('nobody@example.com')).toThrow('Contact does not exist');
  });

  it('counts list subscribers as Brevo does: blocklisted apart, unique over all', () => {
    const store = seeded();
    const newsletter = store.listView(store.list(3));
    expect(newsletter.uniqueSubscribers).toBe(newsletter.totalSubscribers + newsletter.totalBlacklisted);
    expect(newsletter.totalBlacklisted).toBe(store.members(3).filter((c) => c.emailBlacklisted).length);
    expect(newsletter.totalBlacklisted).toBeGreaterThan(0);
    const customers = store.folderView(store.folder(1));
    expect(customers.uniqueSubscribers).toBe(new Set([...store.members(1), ...store.members(2)].map((c) => c.id)).size);
  });

  it('continues ids after the seeded ones', () => {
    const store = seeded();
    expect(store.nextId('contact')).toBe(49);
    expect(store.nextId('list')).toBe(4);
    expect(store.nextId('folder')).toBe(3);
    expect(store.nextId('template')).toBe(3);
    expect(store.nextId('campaign')).toBe(5);
    expect(store.nextId('sms-campaign')).toBe(3);
    expect(store.nextId('deal')).toBe(store.crm.deals.size + 1);
  });

  it('seeds a believable Demo Shop account', () => {
    const store = seeded();
    expect(store.account.companyName).toBe('Demo Shop');
    expect([
      store.folders.size,
      store.lists.size,
      store.contacts.size,
      store.templates.size,
      store.campaigns.size,
      store.senders.size,
      store.webhooks.size,
    ]).toEqual([2, 3, 48, 2, 4, 1, 1]);
    // The log covers the last 30 days day by day, so default windows and per-day reports show it.
    const now = Date.parse('2025-03-10T12:00:00Z');
    const days = new Set(
      store.emails.filter((e) => now - Date.parse(e.date) < 30 * 86_400_000).map((e) => e.date.slice(0, 10)),
    );
    expect(days.size).toBeGreaterThan(20);
    for (const e of store.emails) expect(Date.parse(e.date)).toBeLessThanOrEqual(now);
    for (const c of store.contacts.values()) expect(store.list(c.listIds[0]!)).toBeDefined();
    // Every order has its confirmation email, and nobody ordered before becoming a customer.
    for (const o of store.shop.orders.values()) {
      expect(store.emails.some((e) => e.subject === `Your Demo Shop order ${o.id}` && e.email === o.email)).toBe(true);
      expect(o.createdAt >= store.contacts.get(o.contactId!)!.createdAt).toBe(true);
    }
    // Deals at several stages of the pipeline, each with an amount.
    const stages = new Set([...store.crm.deals.values()].map((d) => d.attributes.deal_stage));
    expect(stages.size).toBeGreaterThanOrEqual(5);
    expect([...store.crm.deals.values()].every((d) => typeof d.attributes.amount === 'number')).toBe(true);
    expect([...store.messaging.smsCampaigns.values()].some((c) => c.status === 'sent' && c.fates.length > 0)).toBe(
      true,
    );
  });

  it('seeds the same account every time', () => {
    const summary = (store: Store) =>
      JSON.stringify([
        [...store.shop.orders.values()].map((o) => [o.id, o.amount, o.contactId]),
        [...store.campaigns.values()].map((c) => c.engagement),
      ]);
    expect(summary(seeded())).toBe(summary(seeded()));
  });
});

describe('render', () => {
  it('fills params and contact attributes, and blanks unknown ones', () => {
    const store = seedDemoAccount(new Store());
    const contact = store.findContact('emma.martin@example.com');
    expect(
      render('Hi {{ contact.FIRSTNAME }}, order {{params.order.id}}{{params.none}}', { order: { id: 'A-1' } }, contact),
    ).toBe('Hi Emma, order A-1');
  });
});
